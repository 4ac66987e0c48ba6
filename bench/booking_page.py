"""Booking through the real booking page on PostgreSQL.

8 threads, each its own logged-in member (its own organisation) with its own database
connection, post the booking page's participant form (Django test client, one participant per
booking): first spread over 49 sessions, then all racing for one hot session with 20 seats.
Prints bookings per second over the wall-clock time and p50/p95 of one request, and the seats
taken on the hot session. Tasks go to the database queue, as in production: the emails are
written and sent by the task worker, outside the request. Targets: at least 75 bookings per second over the 49 sessions; on the
hot session exactly 20 seats taken (the rest on the waiting list), none overbooked.
"""

import os

os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
# As in production: the request records the confirmation and queues it; the task worker, not
# the request, writes and sends it.
os.environ.setdefault("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")

import threading  # noqa: E402
import time  # noqa: E402

from common import call_command, ensure_database  # noqa: E402, I001
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.booking import make_sessions  # noqa: E402
from bench.timing import median  # noqa: E402
from bookings.factories import MembershipFactory, UserFactory  # noqa: E402
from bookings.models import Booking, BookingStatus, Membership  # noqa: E402
from bookings.services.seats import seats_taken  # noqa: E402
from catalogue.models import CatalogueIndexPage, Language, Session, Topic, TrainingPage  # noqa: E402

THREADS = 8
SESSIONS = 49
BOOKINGS_PER_THREAD = 40
HOT_SEATS = 20
HOT_BOOKINGS_PER_THREAD = 6
TARGET_PER_SECOND = 75
TRAINING_SLUG = "lasttest-buchungsseite"


def form(number: int) -> dict:
    return {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "1",
        "form-MAX_NUM_FORMS": "30",
        "form-0-name": f"Teilnehmende {number}",
        "form-0-function": "employee",
        "form-0-email": "",
        "accept_terms": "on",
        "colleagues_consent": "on",
    }


def bench_training() -> TrainingPage:
    """A published training of its own; sessions and bookings of earlier runs are removed."""
    training = TrainingPage.objects.filter(slug=TRAINING_SLUG).first()
    if training is None:
        training = TrainingPage(
            title="Lasttest Buchungsseite",
            slug=TRAINING_SLUG,
            summary="Nur für den Lasttest der Buchungsseite.",
            topic=Topic.objects.first(),
            units=8,
            days=1,
        )
        training.languages = [Language.objects.get(code="de")]
        CatalogueIndexPage.objects.filter(locale__language_code="de").first().add_child(
            instance=training
        )
        training.save_revision().publish()
    # Only the upcoming sessions are the benchmark's own: bench/statistics.py lends the
    # training held sessions of past years, with bookings and evaluations of their own.
    own = Session.objects.filter(training=training, starts_at__gte=timezone.now())
    Booking.objects.filter(session__in=own).delete()
    own.delete()
    return training


def members() -> list:
    """One member per thread, each admin of an organisation of its own (kept between runs)."""
    users = []
    for number in range(THREADS):
        user = UserFactory(username=f"lasttest-buchungsseite-{number}")
        if not Membership.objects.filter(user=user).exists():
            MembershipFactory(user=user)
        users.append(user)
    return users


def run(name: str, users: list, session_ids: list[int], per_thread: int) -> float:
    clients = []
    for user in users:
        client = Client()
        client.force_login(user)
        # Warm up, as a running server is: the first request loads the middleware and URLs.
        assert client.get(f"/account/book/{session_ids[0]}/").status_code == 200
        clients.append(client)
    barrier = threading.Barrier(THREADS)
    results: list[tuple[int, float]] = []
    lock = threading.Lock()

    def book(number: int, client: Client) -> None:
        own = []
        barrier.wait()
        for step in range(per_thread):
            session_id = session_ids[(number * per_thread + step) % len(session_ids)]
            started = time.perf_counter()
            response = client.post(f"/account/book/{session_id}/", form(step))
            own.append((response.status_code, time.perf_counter() - started))
        with lock:
            results.extend(own)
        connection.close()  # each thread had its own

    threads = [
        threading.Thread(target=book, args=(number, client))
        for number, client in enumerate(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    failed = sum(status != 302 for status, _ in results)
    latencies = sorted(seconds * 1000 for _, seconds in results)
    per_second = len(results) / elapsed
    print(
        f"{name:<16} {len(results):>8} {failed:>6} {elapsed:>7.2f} {per_second:>10.1f}"
        f" {median(latencies):>7.1f} {latencies[int(0.95 * (len(latencies) - 1))]:>7.1f}"
    )
    return per_second if not failed else 0.0


def main() -> int:
    ensure_database()
    call_command("seed_demo", verbosity=0)
    training = bench_training()
    users = members()
    spread = make_sessions(training, SESSIONS, capacity=THREADS * BOOKINGS_PER_THREAD)
    hot = make_sessions(training, 1, capacity=HOT_SEATS)
    print(f"{THREADS} threads, one member and connection each; {SESSIONS} sessions, then one hot")
    print(
        f"{'scenario':<16} {'bookings':>8} {'failed':>6} {'s':>7} {'bookings/s':>10} {'p50 ms':>7}"
        f" {'p95 ms':>7}"
    )
    per_second = run(f"{SESSIONS} sessions", users, spread, BOOKINGS_PER_THREAD)
    run("one hot session", users, hot, HOT_BOOKINGS_PER_THREAD)
    session = Session.objects.get(pk=hot[0])
    taken = seats_taken(session)
    waitlisted = Booking.objects.filter(session=session, status=BookingStatus.WAITLISTED).count()
    overbooked = sum(
        seats_taken(other) > other.capacity for other in Session.objects.filter(pk__in=spread)
    )
    speed_ok = per_second >= TARGET_PER_SECOND
    hot_ok = taken == HOT_SEATS == session.seats_taken and overbooked == 0
    print(
        f"{SESSIONS} sessions: {per_second:.1f} bookings/s (target >= {TARGET_PER_SECOND}): "
        f"{'OK' if speed_ok else 'MISSED'}"
    )
    print(
        f"hot session: {taken} of {HOT_SEATS} seats taken, {waitlisted} waitlisted, "
        f"{overbooked} overbooked (target exactly {HOT_SEATS}, 0): {'OK' if hot_ok else 'MISSED'}"
    )
    return 0 if speed_ok and hot_ok else 1


if __name__ == "__main__":
    import sys

    sys.exit(main())
