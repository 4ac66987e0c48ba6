"""Load test over HTTP: gunicorn with production settings on PostgreSQL (`seed_demo --scale 200`).

1. The database `iq_trainings_load` (DATABASE_URL) is created when missing and reused when it is
   already seeded (`--fresh` drops and recreates it); it is migrated and seeded, and static files
   are collected into a temporary STATIC_ROOT.
2. gunicorn starts with 2 workers (`--workers`), settings.production over plain HTTP on a free
   127.0.0.1 port; the bench waits for /healthz and stops it at the end, also on errors. Tasks
   (emails) queue in the database; no task worker runs: the bench measures the web tier.
3. Browsing, from a separate process with 8 client threads (`--clients`): home, catalogue
   (unfiltered, page 2, topic, state network, format, date range, search, free places,
   English), training pages, session pages and the calendar feed (by topic, by state network,
   whole catalogue), with slugs and ids from the database. First 60 s (`--duration`) at 10
   requests per second (`--rate`) due at random (Poisson) times, latency counted from when a
   request was due: the catalogue p95 target is checked here. Then 20 s (`--saturation`, 0
   skips it) without pauses: how many requests per second the server answers at most.
4. Booking burst: 500 attempts of 1–3 seats on 10 open, future, free-of-charge sessions whose
   capacity is set to 20 (their earlier bookings removed), so they overflow into the waiting
   lists; 50 threads, started together, on behalf of 100 members of 100 organisations, logged
   in through Django sessions created directly. Each attempt GETs the booking page (CSRF cookie
   and token) and POSTs the participant formset: 302 is a booking (confirmed or waitlisted),
   400 a refusal, 503 "busy, try again" (the documented answer when the session lock is not
   had in time: counted apart, the client may retry; not an error).
5. Checks in the database: for each of the 10 sessions, confirmed plus unexpired held seats
   (counted from the bookings) at most the capacity, and Session.seats_taken equal to that
   count; one booking recorded per 302 answer (and one more per session at most, where a
   booking took the last seats and put its other participants on the waiting list).

An error is a connection failure, a 5xx answer other than the booking's 503 "busy", or any
other status a request did not expect (200 for pages, 302/400/503 for a booking POST).
Prints requests per second, p50/p95/p99 latency (overall and per page kind) and the server
time from gunicorn's access log (without the wait for a free worker), errors,
booking outcomes and the overbooking check. Targets: 0 errors, 0 overbooked (or miscounted)
sessions, catalogue p95 under 100 ms; the exit status is 1 when one is missed.

The load generator shares the machine's cores with gunicorn and PostgreSQL, so the figures are
pessimistic for a server of the same size.
"""

import os

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/iq_trainings_load")

import argparse  # noqa: E402
import contextlib  # noqa: E402
import http.client  # noqa: E402
import io  # noqa: E402
import multiprocessing  # noqa: E402
import queue  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from datetime import timedelta  # noqa: E402
from http.cookies import SimpleCookie  # noqa: E402
from pathlib import Path  # noqa: E402
from urllib.parse import urlencode  # noqa: E402

import psycopg  # noqa: E402
from common import ROOT, call_command, ensure_database  # noqa: E402, I001
from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import OperationalError, connection, connections  # noqa: E402
from django.db.models import Count, Q, Sum  # noqa: E402
from django.utils import timezone  # noqa: E402
from gunicorn.config import KNOWN_SETTINGS  # noqa: E402

from bookings.models import (  # noqa: E402
    Booking,
    Function,
    Membership,
    Organisation,
    OrganisationType,
    Role,
)
from bookings.services.bookings import session_capacity_set
from bookings.services.seats import seats_taken
from catalogue.models import (  # noqa: E402
    CatalogueIndexPage,
    Occurrence,
    Session,
    StateNetwork,
    Topic,
    TrainingPage,
)
from catalogue.models.sessions import SessionStatus  # noqa: E402
from catalogue.models.training import TrainingFormat  # noqa: E402

SCALE = 200
BOOKING_SESSIONS = 10
CAPACITY = 20
ATTEMPTS = 500
BOOKING_THREADS = 50
MEMBERS = 100
CATALOGUE_P95_TARGET_MS = 100
RATE = 10
MEMBER_EMAIL = "lasttest-mitglied-{}@example.org"
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
KINDS = ("home", "catalogue", "training page", "session page", "feed")
GET_BOOKING, POST_BOOKING = "booking page (GET)", "booking (POST)"
BOOKING_ANSWERS = (302, 400, 503)  # booked (confirmed or waitlisted), refused, busy


def percentile(ordered: list[float], share: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    return ordered[max(round(share * len(ordered)) - 1, 0)]


def fetch(port: int, method: str, path: str, headers=None, body=None):
    """One request on its own connection (gunicorn's sync workers close every connection).
    Returns status (0 for a connection failure), headers, body and seconds."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        content = response.read()
        return response.status, response.msg, content, time.perf_counter() - started
    except (OSError, http.client.HTTPException):
        return 0, None, b"", time.perf_counter() - started
    finally:
        connection.close()


# --- Set-up in the database -------------------------------------------------------------------


def prepare_database(fresh: bool) -> None:
    db = settings.DATABASES["default"]
    if fresh:
        params = {"host": db["HOST"], "port": db["PORT"] or 5432, "user": db["USER"]}
        if db.get("PASSWORD"):
            params["password"] = db["PASSWORD"]
        with psycopg.connect(**params, dbname="postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{db["NAME"]}" WITH (FORCE)')
    ensure_database()
    started = time.monotonic()
    missing = SCALE - TrainingPage.objects.filter(slug__startswith="skalierung-").count()
    with contextlib.redirect_stdout(io.StringIO()):  # seed_demo's progress lines
        call_command("seed_demo", verbosity=0)
        if missing > 0:
            call_command("seed_demo", scale=missing, verbosity=0)
    # As autovacuum leaves a database in use (and so that it does not start during the run):
    # the visibility map and the planner's statistics up to date.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    seeded = f"seed_demo --scale {missing}" if missing > 0 else "reused, seed_demo"
    how = f"{seeded} {time.monotonic() - started:.0f} s"
    print(
        f"Data ({db['NAME']}, {how}): {TrainingPage.objects.count()} training pages,"
        f" {Session.objects.count()} sessions, {Occurrence.objects.count()} occurrences"
    )


def member_cookies() -> list[str]:
    """Session cookies of MEMBERS members, each in an organisation of their own."""
    types = OrganisationType.values
    emails = [MEMBER_EMAIL.format(n) for n in range(MEMBERS)]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    new = [n for n, email in enumerate(emails) if email not in existing]
    users = User.objects.bulk_create(
        User(username=emails[n], email=emails[n], password="!") for n in new
    )
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Lasttest-Organisation {n + 1}",
            type=types[n % len(types)],
            state=StateNetwork.values[n % len(StateNetwork.values)],
            street="Hauptstraße 1",
            postcode="10115",
            city="Berlin",
        )
        for n in new
    )
    Membership.objects.bulk_create(
        Membership(user=user, organisation=organisation, role=Role.ADMIN)
        for user, organisation in zip(users, organisations, strict=True)
    )
    cookies = []
    for user in User.objects.filter(email__in=emails).order_by("pk"):
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={store.session_key}")
    return cookies


def booking_sessions() -> list[int]:
    """Ten open, public, free-of-charge sessions of different trainings, weeks ahead; their
    bookings from earlier runs are removed and their capacity set to CAPACITY."""
    chosen, trainings = [], set()
    candidates = (
        Session.objects.filter(
            training__slug__startswith="skalierung-",
            training__live=True,
            training__price_administration=0,
            training__price_companies=0,
            is_private=False,
            status=SessionStatus.OPEN,
            starts_at__gte=timezone.now() + timedelta(days=14),
        )
        .filter(Q(booking_deadline__isnull=True) | Q(booking_deadline__gte=timezone.localdate()))
        .order_by("pk")
    )
    for session in candidates:
        if session.training_id not in trainings:
            trainings.add(session.training_id)
            chosen.append(session)
        if len(chosen) == BOOKING_SESSIONS:
            break
    if len(chosen) < BOOKING_SESSIONS:
        raise SystemExit(f"Only {len(chosen)} bookable sessions found; run with --fresh.")
    Booking.objects.filter(session__in=chosen).delete()
    for session in chosen:
        session_capacity_set(session=session, capacity=CAPACITY, by=None)
    return [session.pk for session in chosen]


def browsing_urls(count: int) -> list[tuple[str, str]]:
    """A fixed random sample of (kind, path) for the browsing mix, from the data."""
    rng = random.Random(6)
    topics = list(Topic.objects.values_list("slug", flat=True))
    states = StateNetwork.values
    german = CatalogueIndexPage.objects.get(locale__language_code="de").url
    english = CatalogueIndexPage.objects.get(locale__language_code="en").url
    trainings = list(TrainingPage.objects.live().public().specific())
    training_urls = [page.url for page in trainings]
    german_pages = {page.pk: page for page in trainings if page.locale.language_code == "de"}
    sessions = [
        german_pages[training_id].url
        + german_pages[training_id].reverse_subpage("session", args=[pk])
        for pk, training_id in Session.objects.filter(
            is_private=False,
            status__in=[SessionStatus.PLANNED, SessionStatus.OPEN],
            starts_at__gte=timezone.now() + timedelta(days=1),
            training_id__in=german_pages,
        ).values_list("pk", "training_id")
    ]
    words = ["Beratung", "Interkulturelle", "Diskriminierung", "Geflüchtete", "Führungskräfte"]
    today = timezone.localdate()

    def catalogue() -> str:
        date_from = today + timedelta(days=rng.randint(0, 120))
        query = rng.choice(
            [
                {},
                {},
                {"page": 2},
                {"topic": rng.choice(topics)},
                {"topic": rng.choice(topics), "page": 2},
                {"state": rng.choice(states)},
                {"topic": rng.choice(topics), "state": rng.choice(states)},
                {"format": rng.choice(TrainingFormat.values)},
                {"date_from": date_from, "date_to": date_from + timedelta(days=60)},
                {"q": rng.choice(words)},
                {"state": rng.choice(states), "free": "on"},
            ]
        )
        # The English catalogue has too few trainings for a second page.
        index = english if "page" not in query and rng.random() < 0.1 else german
        return index + ("?" + urlencode(query) if query else "")

    def feed() -> str:
        topic, state = rng.choice(topics), rng.choice(states)
        query = rng.choice([{"topic": topic}, {"topic": topic}, {"state": state}, {}])
        return german + "feed/" + ("?" + urlencode(query) if query else "")

    makers = {
        "home": lambda: "/",
        "catalogue": catalogue,
        "training page": lambda: rng.choice(training_urls),
        "session page": lambda: rng.choice(sessions),
        "feed": feed,
    }
    weights = {"home": 15, "catalogue": 35, "training page": 25, "session page": 15, "feed": 10}
    kinds = rng.choices(list(weights), weights=list(weights.values()), k=count)
    return [(kind, makers[kind]()) for kind in kinds]


# --- The server ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(static_root: Path) -> dict[str, str]:
    # settings.bench put TASKS_BACKEND (immediate) into this environment: the server queues
    # its tasks in the database as in production.
    environment = {key: value for key, value in os.environ.items() if key != "TASKS_BACKEND"}
    environment.update(
        DJANGO_SETTINGS_MODULE="settings.production",
        DATABASE_URL=os.environ["DATABASE_URL"],
        SECRET_KEY=settings.SECRET_KEY,  # the sessions created here must be valid there
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_ROOT=str(static_root),
        WAGTAILADMIN_BASE_URL=settings.WAGTAILADMIN_BASE_URL,
        DEFAULT_FROM_EMAIL=settings.DEFAULT_FROM_EMAIL,
    )
    return environment


class Server:
    def __init__(self, port: int, process: subprocess.Popen, log_path: Path):
        self.port, self.process, self.log_path = port, process, log_path

    def check(self) -> None:
        """Stop the bench if gunicorn is gone (its figures would be meaningless)."""
        if self.process.poll() is not None:
            tail = self.log_path.read_text(errors="replace")[-2000:]
            raise SystemExit(
                f"gunicorn exited during the run (status {self.process.returncode}; stopped"
                f" from outside?):\n{tail}"
            )


@contextlib.contextmanager
def gunicorn(environment: dict[str, str], workers: int, folder: Path):
    """A running gunicorn (a Server); stops it (master and workers) on the way out.
    Its access log gives each request's server time: from when a worker took it to the end."""
    port = free_port()
    log_path = folder / "gunicorn.log"
    command = [sys.executable, "-m", "gunicorn", "--pythonpath", "site", "wsgi:application"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    command += ["--access-logfile", str(folder / "access.log")]
    command += ["--access-logformat", "%(r)s %(s)s %(D)s"]
    if any(setting.name == "control_socket_disable" for setting in KNOWN_SETTINGS):
        command += ["--no-control-socket"]  # gunicorn 27's default socket in $HOME is shared
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        while fetch(port, "GET", "/healthz")[0] != 200:
            if server.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text(errors="replace")[-3000:]
                raise SystemExit(f"gunicorn did not become healthy:\n{tail}")
            time.sleep(0.2)
        yield Server(port, server, log_path)
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


class AccessLog:
    """Server times (ms) by kind of the requests logged since the last read."""

    def __init__(self, path: Path, urls):
        self.path, self.offset = path, 0
        self.kind_of = {path: kind for kind, path in urls}

    def read(self) -> dict[str, list[float]]:
        with open(self.path, "rb") as log:
            log.seek(self.offset)
            lines = log.read().decode(errors="replace").splitlines()
            self.offset = log.tell()
        times = defaultdict(list)
        for line in lines:  # "GET /path?query HTTP/1.1 200 12345" (microseconds)
            method, target, *_, micros = line.split()
            if target.startswith("/account/book/"):
                kind = POST_BOOKING if method == "POST" else GET_BOOKING
            else:
                kind = self.kind_of.get(target)
            times[kind].append(int(micros) / 1000)
        return times


# --- Load ---------------------------------------------------------------------------------------


def browse(port: int, urls, duration: float, clients: int, rate: float, results) -> None:
    """The browsing clients (run in their own process). With a rate, requests are due at
    random (Poisson) times and a request's latency counts from when it was due, so time spent
    waiting for a free client thread counts too; without one, each client sends its next
    request as soon as the last one is answered."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler: stop at once
    arrivals = random.Random(7)
    lock = threading.Lock()
    started = time.monotonic()
    deadline = started + duration
    schedule = {"due": started, "index": 0}
    records = []

    def next_request():
        with lock:
            due = schedule["due"] if rate else None
            if rate:
                schedule["due"] += arrivals.expovariate(rate)
            kind, path = urls[schedule["index"] % len(urls)]
            schedule["index"] += 1
        return due, kind, path

    def client() -> None:
        while True:
            due, kind, path = next_request()
            now = time.monotonic()
            if (now if due is None else due) >= deadline:
                return
            if due is not None and due > now:
                time.sleep(due - now)
            status, _, _, seconds = fetch(port, "GET", path)
            if due is not None:
                seconds = time.monotonic() - due
            records.append((kind, status, seconds))

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put((time.monotonic() - started, records))


def run_browsing(port: int, urls, duration: float, clients: int, rate: float):
    connections.close_all()  # the child is forked: it must not share this connection
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    process = context.Process(
        target=browse, args=(port, urls, duration, clients, rate, results), daemon=True
    )
    process.start()
    try:
        elapsed, records = results.get(timeout=duration + 120)
        process.join()
    finally:
        if process.is_alive():
            process.terminate()
            process.join()
    return elapsed, records


def book(port: int, cookie: str, session_id: int, seats: int, rng: random.Random) -> list:
    """One booking attempt: the booking page (CSRF cookie and token), then the formset.
    Returns (kind, status, seconds) of each request made."""
    path = f"/account/book/{session_id}/"
    status, headers, content, seconds = fetch(
        port, "GET", f"{path}?seats={seats}", {"Cookie": cookie}
    )
    token = CSRF_INPUT.search(content)
    jar = SimpleCookie()
    if headers is not None:
        for header in headers.get_all("Set-Cookie") or []:
            jar.load(header)
    if status != 200 or token is None or settings.CSRF_COOKIE_NAME not in jar:
        return [(GET_BOOKING, status if status != 200 else "200 without CSRF token", seconds)]
    form = {
        "csrfmiddlewaretoken": token.group(1).decode(),
        "form-TOTAL_FORMS": seats,
        "form-INITIAL_FORMS": 0,
        "form-MIN_NUM_FORMS": 1,
        "form-MAX_NUM_FORMS": 30,
        "accept_terms": "on",
        "colleagues_consent": "on",
    }
    for n in range(seats):
        form[f"form-{n}-name"] = f"Teilnehmende {rng.randint(1, 10**6)}"
        form[f"form-{n}-email"] = ""
        form[f"form-{n}-function"] = rng.choice(Function.values)
    cookies = f"{cookie}; {settings.CSRF_COOKIE_NAME}={jar[settings.CSRF_COOKIE_NAME].value}"
    post_status, _, _, post_seconds = fetch(
        port,
        "POST",
        path,
        {"Cookie": cookies, "Content-Type": "application/x-www-form-urlencoded"},
        urlencode(form).encode(),
    )
    return [(GET_BOOKING, status, seconds), (POST_BOOKING, post_status, post_seconds)]


def run_burst(port: int, cookies: list[str], session_ids: list[int]):
    """ATTEMPTS booking attempts from BOOKING_THREADS threads that start together."""
    rng = random.Random(500)
    attempts = queue.SimpleQueue()
    for n in range(ATTEMPTS):
        attempts.put((cookies[n % len(cookies)], rng.choice(session_ids), rng.randint(1, 3)))
    records = []
    barrier = threading.Barrier(BOOKING_THREADS)

    def client(number: int) -> None:
        own = random.Random(number)
        barrier.wait()
        while True:
            try:
                cookie, session_id, seats = attempts.get_nowait()
            except queue.Empty:
                return
            records.extend(book(port, cookie, session_id, seats, own))

    threads = [
        threading.Thread(target=client, args=(n,), daemon=True) for n in range(BOOKING_THREADS)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started, records


# --- Report -------------------------------------------------------------------------------------


def expected(kind: str, status) -> bool:
    return status in BOOKING_ANSWERS if kind == POST_BOOKING else status == 200


def latency_table(kinds, records, server_times) -> int:
    """Prints client latency (from when a request was due to its answer) and server time per
    kind and in all; returns the number of errors."""
    by_kind, errors, unexpected = defaultdict(list), Counter(), Counter()
    for kind, status, seconds in records:
        by_kind[kind].append(seconds * 1000)
        if not expected(kind, status):
            errors[kind] += 1
            unexpected[(kind, status)] += 1
    print(
        f"{'kind':<20} {'requests':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
        f" {'server p50':>10} {'server p95':>10} {'errors':>6}"
    )
    rows = [(kind, by_kind[kind], server_times[kind], errors[kind]) for kind in kinds]
    rows.append(
        (
            "all",
            [ms for kind in kinds for ms in by_kind[kind]],
            [ms for kind in kinds for ms in server_times[kind]],
            sum(errors.values()),
        )
    )
    for label, client, server, error_count in rows:
        count = len(client)
        client, server = sorted(client) or [0.0], sorted(server) or [0.0]
        print(
            f"{label:<20} {count:>8} {percentile(client, 0.5):>7.1f}"
            f" {percentile(client, 0.95):>7.1f} {percentile(client, 0.99):>7.1f}"
            f" {percentile(server, 0.5):>10.1f} {percentile(server, 0.95):>10.1f}"
            f" {error_count:>6}"
        )
    for (kind, status), count in sorted(unexpected.items(), key=str):
        print(f"  unexpected: {kind} answered {status or 'no connection'} ({count} times)")
    return sum(errors.values())


def overbooking_check(session_ids: list[int], records) -> int:
    """Sessions overbooked or with a wrong stored count, plus 1 when the bookings recorded do
    not match the 302 answers: one each, and one more where a booking took a session's last
    seats and put the rest of its participants on the waiting list (at most once a session)."""
    bookings = Booking.objects.filter(session_id__in=session_ids)
    by_status = bookings.values("status").annotate(count=Count("pk"), seats=Sum("seats"))
    print(
        "bookings recorded: "
        + ", ".join(f"{row['status']} {row['count']} ({row['seats']} seats)" for row in by_status)
    )
    overbooked = miscounted = 0
    taken = []
    for session in Session.objects.filter(pk__in=session_ids).order_by("pk"):
        counted = seats_taken(session)
        taken.append(counted)
        overbooked += counted > session.capacity
        miscounted += session.seats_taken != counted
    booked = sum(1 for kind, status, _ in records if kind == POST_BOOKING and status == 302)
    recorded = bookings.count()
    print(
        f"overbooking check: seats taken {taken} (capacity {CAPACITY} each); overbooked"
        f" {overbooked}, stored count wrong {miscounted}; {recorded} bookings recorded for"
        f" {booked} answers 302"
    )
    return overbooked + miscounted + (not booked <= recorded <= booked + len(session_ids))


def browsing_phase(title: str, server: Server, urls, access, args, rate: float, seconds: float):
    """Runs and reports one browsing phase; returns its errors and the catalogue's p95."""
    load = f"{rate:g} requests/s due at random times" if rate else "no pauses"
    print(f"{title}: {seconds:g} s, {args.clients} client threads, {load}")
    elapsed, records = run_browsing(server.port, urls, seconds, args.clients, rate)
    server.check()
    errors = latency_table(KINDS, records, access.read())
    print(f"requests/s: {len(records) / elapsed:.1f} ({len(records)} in {elapsed:.1f} s)")
    catalogue = sorted(s * 1000 for kind, _, s in records if kind == "catalogue")
    return errors, percentile(catalogue, 0.95) if catalogue else float("inf")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=60, help="browsing seconds (60)")
    parser.add_argument(
        "--rate", type=float, default=RATE, help=f"browsing requests per second ({RATE})"
    )
    parser.add_argument(
        "--saturation", type=float, default=20, help="seconds of browsing without pauses (20)"
    )
    parser.add_argument("--clients", type=int, default=8, help="browsing client threads (8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the database")
    args = parser.parse_args()
    # A terminated bench still stops its gunicorn (the finally blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    db = settings.DATABASES["default"]
    try:
        prepare_database(args.fresh)
        cookies = member_cookies()
        session_ids = booking_sessions()
        urls = browsing_urls(20000)
    except (psycopg.OperationalError, OperationalError) as error:
        raise SystemExit(
            f"PostgreSQL at {db['HOST']}:{db['PORT'] or 5432} (database {db['NAME']}) is not"
            f" reachable: {str(error).strip()}"
        ) from None

    with tempfile.TemporaryDirectory(prefix="iq-load-") as temporary:
        folder = Path(temporary)
        environment = server_environment(folder / "static")
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=ROOT,
            env=environment,
            check=True,
        )
        with gunicorn(environment, args.workers, folder) as server:
            port = server.port
            for kind in KINDS:  # warm up: each worker imports and compiles on first use
                path = next(path for k, path in urls if k == kind)
                for _ in range(2 * args.workers):
                    status = fetch(port, "GET", path)[0]
                    if status != 200:
                        raise SystemExit(f"Warm-up: {path} answered {status}.")
            access = AccessLog(folder / "access.log", urls)
            access.read()
            print(
                f"gunicorn: {args.workers} workers, settings.production, 127.0.0.1:{port};"
                f" clients in a separate process; {os.cpu_count()} cores, load average"
                f" {os.getloadavg()[0]:.1f} before the run"
            )
            errors, catalogue_p95 = browsing_phase(
                "browsing", server, urls, access, args, args.rate, args.duration
            )
            if args.saturation:
                saturation_errors, _ = browsing_phase(
                    "saturation", server, urls, access, args, 0, args.saturation
                )
                errors += saturation_errors

            elapsed, records = run_burst(port, cookies, session_ids)
            server.check()
            print(
                f"booking burst: {ATTEMPTS} attempts of 1–3 seats on {BOOKING_SESSIONS} sessions"
                f" of capacity {CAPACITY} from {BOOKING_THREADS} threads in {elapsed:.1f} s"
                f" ({ATTEMPTS / elapsed:.1f} attempts/s)"
            )
            errors += latency_table((GET_BOOKING, POST_BOOKING), records, access.read())
        posts = Counter(status for kind, status, _ in records if kind == POST_BOOKING)
        print(
            f"POST answers: 302 booked {posts[302]}, 400 refused {posts[400]},"
            f" 503 busy (may retry) {posts[503]}"
        )
        overbooked = overbooking_check(session_ids, records)
        if errors:
            print("gunicorn's log (end):")
            print((folder / "gunicorn.log").read_text(errors="replace")[-3000:])

    checks = [
        ("errors", errors == 0, f"{errors} (target 0)"),
        ("overbooked or miscounted sessions", overbooked == 0, f"{overbooked} (target 0)"),
        # The sessions fill up: a burst in which nothing is booked tests nothing.
        ("bookings in the burst", posts[302] > 0, f"{posts[302]} booked (target > 0)"),
        (
            "catalogue p95",
            catalogue_p95 < CATALOGUE_P95_TARGET_MS,
            f"{catalogue_p95:.0f} ms at {args.rate:g} requests/s"
            f" (target < {CATALOGUE_P95_TARGET_MS} ms)",
        ),
    ]
    for label, ok, figure in checks:
        print(f"{label}: {figure}: {'OK' if ok else 'MISSED'}")
    return 0 if all(ok for _, ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
