"""Our pages against the framework's floor, with about 10,000 sessions (`seed_demo --scale
1000`) and one popular training with 200 upcoming sessions in all 16 state networks.

The floor is the home page of a bare `wagtail start` project on the same PostgreSQL
(bench/floor.py), timed in its own process exactly like our pages: the Django test client,
DEBUG off, the median of 40 requests after one to warm up. It is timed again before each of our
pages, and its median over the run is the floor. Every page is printed as its median server
time (in-process, no network) warm (cache filled, the steady state) and cold (cache cleared
before every request), each as a ratio to the floor, with its queries and size. Targets are
ratios to the floor (TARGETS), at most 5 queries for a standard page, and the feed (never
cached) under 500 ms.
"""

import sys
from datetime import time as clock
from datetime import timedelta

from common import call_command, ensure_database, median_ms, query_count  # noqa: I001
from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.floor import Floor  # noqa: E402
from bench.timing import median  # noqa: E402
from catalogue.models import (  # noqa: E402
    CatalogueIndexPage,
    Language,
    Occurrence,
    Session,
    StateNetwork,
    Topic,
    TrainingPage,
)
from catalogue.models.sessions import SessionStatus  # noqa: E402
from catalogue.services import session_save, training_search_update  # noqa: E402
from home.models import SiteSettings  # noqa: E402

SCALE = 1000
POPULAR_SLUG = "beliebte-schulung"
POPULAR_SESSIONS = 200
REPEAT = 40
# Page: (warm, cold) ratio to the floor at most; None: not a target.
TARGETS = {
    "imprint": (1.5, None),
    "home": (2, None),
    "listing": (1.5, 3),
    "filtered listing": (None, None),
    "search": (None, 3),
    "session page": (2, None),
    "training page, 200 dates": (4, None),
    "feed": (None, None),
}
STANDARD_PAGE_QUERIES = 5
FEED_TARGET_MS = 500


def popular_training() -> TrainingPage:
    """A live training with POPULAR_SESSIONS upcoming sessions, spread over the 16 state
    networks (created once per database)."""
    training = TrainingPage.objects.filter(slug=POPULAR_SLUG).first()
    if training is None:
        training = TrainingPage(
            title="Beliebte Schulung: Interkulturelle Kompetenz",
            slug=POPULAR_SLUG,
            summary="Eine Schulung mit vielen Terminen in allen Landesnetzwerken.",
            topic=Topic.objects.first(),
            units=8,
            days=1,
            live=True,
            has_unpublished_changes=False,
            first_published_at=timezone.now(),
            last_published_at=timezone.now(),
        )
        training.languages = [Language.objects.get(code="de")]
        CatalogueIndexPage.objects.filter(locale__language_code="de").first().add_child(
            instance=training
        )
        training_search_update(page=training)
    missing = (
        POPULAR_SESSIONS
        - Session.objects.filter(training=training, starts_at__gte=timezone.now()).count()
    )
    states = StateNetwork.values
    today = timezone.localdate()
    for number in range(max(missing, 0)):
        session_save(
            session=Session(
                training=training,
                state=states[number % len(states)],
                online=True,
                capacity=16,
                seats_taken=number % 17,
                language=Language.objects.get(code="de"),
                status=SessionStatus.OPEN,
                first_date=today + timedelta(days=7 + number * 2),
                start_time=clock(9, 0),
                end_time=clock(16, 0),
            )
        )
    return training


def main() -> int:
    ensure_database()
    call_command("seed_demo", verbosity=0)
    missing = SCALE - TrainingPage.objects.filter(slug__startswith="skalierung-").count()
    if missing > 0:
        print(f"Seeding {missing} more trainings for the benchmark (once per database) ...")
        call_command("seed_demo", scale=missing, verbosity=0)
    popular = popular_training()
    with connection.cursor() as cursor:  # the planner's statistics, as autovacuum keeps them
        cursor.execute("ANALYZE")
    print(
        f"Data: {TrainingPage.objects.count()} training pages, {Session.objects.count()} sessions, "
        f"{Occurrence.objects.count()} occurrences"
    )
    session = Session.objects.filter(training=popular).order_by("starts_at").first()
    urls = {
        "imprint": SiteSettings.objects.first().imprint_page.url,
        "home": "/",
        "listing": "/schulungen/",
        "filtered listing": "/schulungen/?topic=asylum-and-forced-migration&state=BE&free=on",
        "search": "/schulungen/?q=Beratung",
        "session page": popular.url + popular.reverse_subpage("session", args=[session.pk]),
        "training page, 200 dates": popular.url,
        "feed": "/schulungen/feed/",
    }
    client = Client()
    for url in urls.values():
        assert client.get(url).status_code == 200, url

    def cold(url):
        cache.clear()
        return client.get(url)

    rows, floors = {}, []
    with Floor(settings.DATABASES["default"]) as floor:
        print(f"floor: {floor.description}")
        for name, url in urls.items():
            floor_ms, floor_queries = floor.time(REPEAT)
            floors.append(floor_ms)
            repeat = 5 if name == "feed" else REPEAT
            rows[name] = (
                median_ms(lambda url=url: client.get(url), repeat),
                query_count(lambda url=url: client.get(url)),
                median_ms(lambda url=url: cold(url), min(repeat, 15)),
                query_count(lambda url=url: cold(url)),
                len(client.get(url).content),
            )
    base = median(floors)
    print(
        f"{'page':<25} {'warm ms':>8} {'x floor':>7} {'queries':>7} {'cold ms':>8}"
        f" {'x floor':>7} {'queries':>7} {'KB':>6}"
    )
    print(
        f"{'floor (bare Wagtail)':<25} {base:>8.1f} {1:>7.2f} {floor_queries:>7}"
        f" {'':>8} {'':>7} {'':>7} {'':>6}"
    )
    for name, (warm, warm_queries, cold_ms, cold_queries, size) in rows.items():
        print(
            f"{name:<25} {warm:>8.1f} {warm / base:>7.2f} {warm_queries:>7} {cold_ms:>8.1f}"
            f" {cold_ms / base:>7.2f} {cold_queries:>7} {size / 1024:>6.0f}"
        )
    print(f"floor per page: {' '.join(f'{ms:.1f}' for ms in floors)} ms")

    checks = []
    for name, (warm_target, cold_target) in TARGETS.items():
        warm, _, cold_ms, _, _ = rows[name]
        if warm_target:
            checks.append(
                (
                    f"{name} warm",
                    warm / base <= warm_target,
                    f"{warm / base:.2f} x floor (target <= {warm_target})",
                )
            )
        if cold_target:
            checks.append(
                (
                    f"{name} cold",
                    cold_ms / base <= cold_target,
                    f"{cold_ms / base:.2f} x floor (target <= {cold_target})",
                )
            )
    imprint_queries = rows["imprint"][1]
    checks.append(
        (
            "imprint queries",
            imprint_queries <= STANDARD_PAGE_QUERIES,
            f"{imprint_queries} (target <= {STANDARD_PAGE_QUERIES})",
        )
    )
    feed_ms = rows["feed"][2]
    events = client.get(urls["feed"]).content.count(b"BEGIN:VEVENT")
    checks.append(
        (
            "feed",
            feed_ms < FEED_TARGET_MS,
            f"{feed_ms:.0f} ms for {events} events (target < {FEED_TARGET_MS} ms)",
        )
    )
    for label, ok, figure in checks:
        print(f"{label}: {figure}: {'OK' if ok else 'MISSED'}")
    return 0 if all(ok for _, ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
