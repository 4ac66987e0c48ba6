"""Catalogue speed with about 10,000 sessions (`seed_demo --scale 1000`).

Prints the median server time (in-process, Django test client, no network) of the listing, a
filtered listing, a search, a training page and the feed, and of a bare Wagtail page (the
imprint) in the same run, as ratios. Listings are cached until the catalogue changes (at most a
minute): "warm" is the steady state, "cold" clears the cache before every request. Targets:
listing (warm) at most 1.5 times the bare page; the feed for 10,000 occurrences (never cached)
under one second.
"""

import re
import sys

from common import call_command, ensure_database, median_ms, query_count  # noqa: I001
from django.core.cache import cache  # noqa: E402
from django.test import Client  # noqa: E402

from catalogue.models import Occurrence, Session, TrainingPage  # noqa: E402
from home.models import StandardPage  # noqa: E402

SCALE = 1000
LISTING_TARGET = 1.5
FEED_TARGET_MS = 1000


def main() -> int:
    ensure_database()
    call_command("seed_demo", verbosity=0)
    missing = SCALE - TrainingPage.objects.filter(slug__startswith="skalierung-").count()
    if missing > 0:
        print(f"Seeding {missing} more trainings for the benchmark (once per database) ...")
        call_command("seed_demo", scale=missing, verbosity=0)
    print(
        f"Data: {TrainingPage.objects.count()} training pages, {Session.objects.count()} sessions, "
        f"{Occurrence.objects.count()} occurrences"
    )

    client = Client()
    bare = StandardPage.objects.filter(locale__language_code="de").first().url
    training = TrainingPage.objects.filter(slug="interkulturelle-kompetenz-im-jobcenter").first()
    urls = {
        "bare Wagtail page": bare,
        "listing": "/schulungen/",
        "filtered listing": "/schulungen/?topic=asylum-and-forced-migration&state=BE&free=on",
        "search": "/schulungen/?q=Beratung",
        "training page": training.url,
        "feed": "/schulungen/feed/",
    }
    for url in urls.values():
        assert client.get(url).status_code == 200, url

    def cold(url):
        cache.clear()
        client.get(url)

    results, cold_results = {}, {}
    for name, url in urls.items():
        repeat = 5 if name == "feed" else 40
        results[name] = median_ms(lambda url=url: client.get(url), repeat)
        cold_results[name] = median_ms(lambda url=url: cold(url), min(repeat, 15))

    base = results["bare Wagtail page"]
    print(
        f"{'page':<20} {'warm ms':>8} {'x bare':>7} {'queries':>8} {'cold ms':>8} {'x bare':>7}"
        f" {'queries':>8}"
    )
    for name, url in urls.items():
        warm_queries = query_count(lambda url=url: client.get(url))
        cold_queries = query_count(lambda url=url: cold(url))
        print(
            f"{name:<20} {results[name]:>8.1f} {results[name] / base:>7.2f} {warm_queries:>8}"
            f" {cold_results[name]:>8.1f} {cold_results[name] / base:>7.2f} {cold_queries:>8}"
        )

    events = len(re.findall(rb"BEGIN:VEVENT", client.get(urls["feed"]).content))
    print(f"feed events: {events}")
    listing_ok = results["listing"] <= LISTING_TARGET * base
    feed_ok = cold_results["feed"] < FEED_TARGET_MS
    print(
        f"listing (warm) / bare page = {results['listing'] / base:.2f}"
        f" (target <= {LISTING_TARGET}): "
        f"{'OK' if listing_ok else 'MISSED'}"
    )
    print(
        f"feed {cold_results['feed']:.0f} ms for {events} events (target < {FEED_TARGET_MS} ms): "
        f"{'OK' if feed_ok else 'MISSED'}"
    )
    return 0 if listing_ok and feed_ok else 1


if __name__ == "__main__":
    sys.exit(main())
