"""Booking under contention on PostgreSQL.

Many clients, each its own process with its own database connection, book 1–3 seats at a time
through `bookings.services.booking_create`: first all against one hot session, then spread over
50 sessions. Capacities are about 90 % of the seats asked for, so the sessions fill up and the
last bookings go to the waiting list. Prints confirmed bookings per second (over the wall-clock
time of the whole run), p50 and p95 latency of one booking call and how many sessions are
overbooked (seats counted again from the bookings). Targets: 0 overbooked; at least 50
confirmed bookings per second on the hot session (pretix documents 300–400 tickets per minute
per event under its event-wide lock) and at least 150 per second over 50 sessions.

BENCH_CLIENTS (default 16) and BENCH_BOOKINGS (bookings per client, default 60) change the load.
"""

import os

# Emails of the bookings stay in memory: the benchmark measures booking, not SMTP.
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")

import multiprocessing  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from datetime import time as clock  # noqa: E402
from datetime import timedelta  # noqa: E402

from common import call_command, ensure_database  # noqa: E402, I001
from django.db import connections  # noqa: E402
from django.utils import timezone  # noqa: E402

from bookings.factories import participants  # noqa: E402
from bookings.models import Booking, BookingStatus, Organisation, OrganisationType  # noqa: E402
from bookings.services.bookings import booking_create
from bookings.services.errors import BookingBusy
from bookings.services.seats import seats_taken
from catalogue.models import CatalogueIndexPage, Language, Session, Topic, TrainingPage  # noqa: E402
from catalogue.models.sessions import SessionStatus  # noqa: E402
from catalogue.services import session_save  # noqa: E402

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "16"))
BOOKINGS_PER_CLIENT = int(os.environ.get("BENCH_BOOKINGS", "60"))
ORGANISATIONS = 200
SPREAD_SESSIONS = 50
FILL = 0.9  # capacity as a share of the seats asked for
HOT_TARGET = 50
SPREAD_TARGET = 150
TRAINING_SLUG = "lasttest-buchungen"


def percentile(ordered: list[float], share: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    return ordered[max(round(share * len(ordered)) - 1, 0)]


def bench_training() -> TrainingPage:
    """An unpublished training for the benchmark's sessions (kept out of the catalogue);
    sessions and bookings of earlier runs are removed."""
    training = TrainingPage.objects.filter(slug=TRAINING_SLUG).first()
    if training is None:
        index = CatalogueIndexPage.objects.filter(locale__language_code="de").first()
        training = TrainingPage(
            title="Lasttest Buchungen",
            slug=TRAINING_SLUG,
            summary="Nur für den Lasttest der Buchung.",
            topic=Topic.objects.first(),
            units=8,
            days=1,
            live=False,
        )
        training.languages = [Language.objects.get(code="de")]
        index.add_child(instance=training)
    # Only the upcoming sessions are the benchmark's own: bench/statistics.py lends the
    # training held sessions of past years, with bookings and evaluations of their own.
    own = Session.objects.filter(training=training, starts_at__gte=timezone.now())
    Booking.objects.filter(session__in=own).delete()
    own.delete()
    return training


def bench_organisations() -> list[int]:
    existing = Organisation.objects.filter(name__startswith="Lasttest-Organisation ")
    missing = ORGANISATIONS - existing.count()
    if missing > 0:
        start = existing.count()
        Organisation.objects.bulk_create(
            Organisation(
                name=f"Lasttest-Organisation {start + n + 1}",
                type=OrganisationType.JOB_CENTRE,
                state="BE",
                street="Hauptstraße 1",
                postcode="10115",
                city="Berlin",
            )
            for n in range(missing)
        )
    return list(existing.values_list("pk", flat=True)[:ORGANISATIONS])


def make_sessions(training: TrainingPage, count: int, capacity: int) -> list[int]:
    first_date = timezone.localdate() + timedelta(days=60)
    return [
        session_save(
            session=Session(
                training=training,
                state="BE",
                online=True,
                capacity=capacity,
                language=Language.objects.get(code="de"),
                status=SessionStatus.OPEN,
                first_date=first_date,
                start_time=clock(9, 0),
                end_time=clock(16, 0),
            )
        ).pk
        for _ in range(count)
    ]


def client(number, session_ids, organisation_ids, bookings, barrier, queue):
    """One client: its own process and connection; books as fast as the service answers."""
    connections.close_all()
    rng = random.Random(number)
    sessions = list(Session.objects.select_related("training").filter(pk__in=session_ids))
    organisations = list(Organisation.objects.filter(pk__in=organisation_ids))
    plan = [
        (rng.choice(sessions), rng.choice(organisations), rng.randint(1, 3))
        for _ in range(bookings)
    ]
    barrier.wait()
    started = time.monotonic()
    results = []
    for session, organisation, seats in plan:
        call_started = time.monotonic()
        try:
            status = booking_create(
                session=session,
                organisation=organisation,
                participants=participants(seats),
                by=None,
            ).status
        except BookingBusy:
            status = "busy"
        results.append((status, time.monotonic() - call_started))
    queue.put((started, time.monotonic(), results))
    connections.close_all()


def run(name: str, session_ids: list[int], organisation_ids: list[int]) -> tuple[float, int]:
    connections.close_all()  # the clients are forked: none may inherit this connection
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(CLIENTS)
    queue = context.Queue()
    processes = [
        context.Process(
            target=client,
            args=(n, session_ids, organisation_ids, BOOKINGS_PER_CLIENT, barrier, queue),
        )
        for n in range(CLIENTS)
    ]
    for process in processes:
        process.start()
    outcomes = [queue.get() for _ in processes]
    for process in processes:
        process.join()

    elapsed = max(end for _, end, _ in outcomes) - min(start for start, _, _ in outcomes)
    results = [result for _, _, client_results in outcomes for result in client_results]
    latencies = sorted(seconds * 1000 for _, seconds in results)
    count = {status: 0 for status in (*BookingStatus.values, "busy")}
    for status, _ in results:
        count[status] += 1
    overbooked = miscounted = 0
    for session in Session.objects.filter(pk__in=session_ids):
        taken = seats_taken(session)
        overbooked += taken > session.capacity
        miscounted += session.seats_taken != taken  # the stored count must match the bookings
    confirmed_per_second = count[BookingStatus.CONFIRMED] / elapsed
    print(
        f"{name:<22} {len(results):>8} {count[BookingStatus.CONFIRMED]:>9}"
        f" {count[BookingStatus.WAITLISTED]:>10} {count['busy']:>5} {elapsed:>7.1f}"
        f" {len(results) / elapsed:>10.0f} {confirmed_per_second:>12.0f}"
        f" {percentile(latencies, 0.5):>7.1f}"
        f" {percentile(latencies, 0.95):>7.1f} {overbooked:>10}"
    )
    return confirmed_per_second, overbooked + miscounted


def main() -> int:
    ensure_database()
    call_command("seed_demo", verbosity=0)
    training = bench_training()
    organisation_ids = bench_organisations()
    seats_asked = CLIENTS * BOOKINGS_PER_CLIENT * 2  # 1–3 seats per booking
    hot = make_sessions(training, 1, capacity=int(seats_asked * FILL))
    spread = make_sessions(
        training, SPREAD_SESSIONS, capacity=int(seats_asked * FILL / SPREAD_SESSIONS)
    )
    print(
        f"{CLIENTS} clients (processes, one connection each), {BOOKINGS_PER_CLIENT} bookings"
        f" each of 1–3 seats; capacity {FILL:.0%} of the seats asked for"
    )
    print(
        f"{'scenario':<22} {'bookings':>8} {'confirmed':>9} {'waitlisted':>10} {'busy':>5}"
        f" {'s':>7} {'bookings/s':>10} {'confirmed/s':>12} {'p50 ms':>7} {'p95 ms':>7}"
        f" {'overbooked':>10}"
    )
    hot_rate, hot_over = run("one hot session", hot, organisation_ids)
    spread_rate, spread_over = run(f"{SPREAD_SESSIONS} sessions", spread, organisation_ids)

    checks = [
        (
            "overbooked or miscounted sessions",
            hot_over + spread_over == 0,
            f"{hot_over + spread_over} (target 0)",
        ),
        ("hot session", hot_rate >= HOT_TARGET, f"{hot_rate:.0f}/s (target >= {HOT_TARGET}/s)"),
        (
            f"{SPREAD_SESSIONS} sessions",
            spread_rate >= SPREAD_TARGET,
            f"{spread_rate:.0f}/s (target >= {SPREAD_TARGET}/s)",
        ),
    ]
    for label, ok, figure in checks:
        print(f"{label}: {figure}: {'OK' if ok else 'MISSED'}")
    return 0 if all(ok for _, ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
