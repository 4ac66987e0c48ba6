"""Reads of training pages: the catalogue listing with its filters and search, and a training's
title and address in a language."""

import math
from datetime import datetime
from typing import NamedTuple

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    CharField,
    Count,
    F,
    Min,
    Q,
    QuerySet,
)
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page

from catalogue.caching import cached
from catalogue.models.search import search_config, search_words
from catalogue.models.sessions import Session, SessionStatus
from catalogue.models.training import TrainingPage
from catalogue.schedule import BERLIN
from catalogue.selectors.sessions import (
    CatalogueFilters,
    Epoch,
    listed_upcoming_sessions,
    plain_rows,
    public_sessions,
    restricted_page_paths,
    with_occurrences,
)

# A training's place in a listing, enough to sort, count and paginate: (page id, its next
# upcoming start in epoch seconds or None, the number of its upcoming sessions). Plain tuples:
# a listing holds a thousand of them, pickled into the cache and out again on every request.
ListedTraining = tuple[int, int | None, int]


def catalogue_trainings(*, index: Page, filters: CatalogueFilters) -> list[ListedTraining]:
    """The trainings of one catalogue (one language), filtered and in listing order.

    Cached until the catalogue changes (and the seats, where only trainings with free places
    are asked for) and for one minute at most (sessions start as time passes; other web
    processes learn of a change through a shared cache, else within that minute).
    """
    return cached(
        ("listing", index.pk, get_language(), filters.cache_key()),
        lambda: _catalogue_trainings(index=index, filters=filters),
        per_minute=True,
        with_seats=filters.free_only,
    )


def _catalogue_trainings(*, index: Page, filters: CatalogueFilters) -> list[ListedTraining]:
    """The uncached listing.

    Two light queries instead of a subquery per training, after the restricted pages' paths:
    the trainings that pass the training filters, and one aggregate of the matching upcoming
    sessions per training.
    Sessions carry their training's translation_key, which all its language versions share.
    Rows come back as plain integers and strings: this runs on every catalogue request.
    """
    restricted_paths = restricted_page_paths()
    trainings = TrainingPage.objects.child_of(index).live()
    for path in restricted_paths:  # as .public(), with the paths read once for both queries
        trainings = trainings.exclude(path__startswith=path)
    if filters.topic:
        trainings = trainings.filter(topic=filters.topic)
    if filters.target_group:
        trainings = trainings.filter(target_groups=filters.target_group)
    if filters.format:
        trainings = trainings.filter(format=filters.format)
    if filters.language:
        trainings = trainings.filter(languages=filters.language)
    if filters.query:
        trainings = _search(trainings, filters.query)
    else:
        trainings = trainings.order_by("title")
    candidates = plain_rows(
        trainings.annotate(key=Cast("translation_key", CharField())).values_list("pk", "key")
    )
    upcoming = {
        key: (next_start, count)
        for key, next_start, count in plain_rows(
            listed_upcoming_sessions(filters, restricted_paths=restricted_paths)
            .order_by()
            .values(key=Cast("training_key", CharField()))
            .annotate(next_start=Epoch(Min("starts_at")), count=Count("*"))
            .values_list("key", "next_start", "count")
        )
    }
    if filters.filters_sessions:  # only trainings with a matching session
        listed = [(pk, *upcoming[key]) for pk, key in candidates if key in upcoming]
    else:
        no_sessions = (None, 0)
        listed = [(pk, *upcoming.get(key, no_sessions)) for pk, key in candidates]
    if not filters.query:  # by next date, those without one last; a search keeps its ranking
        listed.sort(key=_by_next_date)
    return listed


def _by_next_date(item: ListedTraining) -> float:
    return item[1] if item[1] is not None else math.inf


def trainings_for_listing(listed: list[ListedTraining]) -> list[TrainingPage]:
    """The pages of one listing page, in its order, with `next_start` and `upcoming_count`."""
    pages = (
        TrainingPage.objects.filter(pk__in=[pk for pk, _next_start, _count in listed])
        .select_related("topic", "image", "locale")
        .prefetch_related("image__renditions")
        .defer_streamfields()
        .in_bulk()
    )
    # The facts (prices, length) of every page from the default language's, in one query
    # where they are translations (the default language's listing has them already).
    translated = [
        page.translation_key
        for page in pages.values()
        if page.locale.language_code != settings.LANGUAGE_CODE
    ]
    sources = (
        {
            page.translation_key: page
            for page in TrainingPage.objects.filter(
                translation_key__in=translated, locale__language_code=settings.LANGUAGE_CODE
            ).defer_streamfields()
        }
        if translated
        else {}
    )
    result = []
    for pk, next_start, upcoming_count in listed:
        page = pages[pk]
        page.facts = sources.get(page.translation_key, page)
        page.next_start = datetime.fromtimestamp(next_start, BERLIN) if next_start else None
        page.upcoming_count = upcoming_count
        result.append(page)
    return result


def _search(trainings: QuerySet, query: str) -> QuerySet:
    """Trainings found by every word of the query in their search documents (the live title,
    summary, body text and topic): on PostgreSQL the stored vector, stemmed in the listing's
    language and ranked; on SQLite (the quick start) the words anywhere in the text, by title."""
    if connection.vendor != "postgresql":
        return _with_every_word(trainings, query).order_by("title")
    search_query = SearchQuery(query, config=search_config(get_language()), search_type="websearch")
    return (
        trainings.filter(search_document__vector=search_query)
        .annotate(rank=SearchRank(F("search_document__vector"), search_query))
        .order_by("-rank", "title")
    )


def _with_every_word(trainings: QuerySet, query: str) -> QuerySet:
    """The trainings whose search text holds every word of the query, as a word or inside one
    ("Schulung" finds "Schulungen"), whatever the case ("ärger" finds "Ärger": both sides are
    folded, so SQLite's ASCII-only LIKE compares them exactly). No words: none."""
    words = search_words(query)
    if not words:
        return trainings.none()
    return trainings.filter(*[Q(search_document__text__contains=word) for word in words])


def training_translations(*, translation_keys, language_code: str) -> dict:
    """Each training in the given language (else in any language), by translation key (str).
    For lists (the feed, the home page, a trainer's feed): one query for all of them, where
    Page.localized, which a single page uses, would ask once per page."""
    pages = (
        TrainingPage.objects.live()
        .filter(translation_key__in=set(translation_keys))
        .select_related("locale")
        .only("title", "slug", "url_path", "translation_key", "locale__language_code")
    )
    by_key = {}
    for page in pages:
        key = str(page.translation_key)
        if key not in by_key or page.locale.language_code == language_code:
            by_key[key] = page
    return by_key


class TrainingLink(NamedTuple):
    title: str
    url: str


def training_links(*, translation_keys: QuerySet, language_code: str) -> dict[str, TrainingLink]:
    """Title and URL of each live training in the given language (else in any language), by
    its translation key as text: for the feed's thousands of dates, as plain rows. The URL is
    its parent's (one query for the few catalogue pages) and its slug."""
    rows = plain_rows(
        TrainingPage.objects.live()
        .filter(translation_key__in=translation_keys)
        .order_by()
        .values_list(
            Cast("translation_key", CharField()), "locale__language_code", "title", "url_path"
        )
    )
    chosen = {}
    for key, language, title, url_path in rows:
        if key not in chosen or language == language_code:
            chosen[key] = (title, url_path)
    parent_path = {
        key: url_path[: url_path.rindex("/", 0, -1) + 1] for key, (_, url_path) in chosen.items()
    }
    parent_urls = {
        page.url_path: page.url
        for page in Page.objects.filter(url_path__in=set(parent_path.values())).select_related(
            "locale"
        )
    }
    return {
        key: TrainingLink(title, parent_urls[parent_path[key]] + url_path[len(parent_path[key]) :])
        for key, (title, url_path) in chosen.items()
    }


def next_public_sessions(*, limit: int) -> list[tuple[Session, TrainingPage]]:
    """The next open public sessions, each with its training in the active language (cached
    until the catalogue or the seats change, and for a minute at most: the next ones move with
    the clock)."""
    language = get_language()

    def compute() -> list[tuple[Session, TrainingPage]]:
        sessions = list(
            with_occurrences(
                public_sessions().filter(status=SessionStatus.OPEN, starts_at__gte=timezone.now())
            )
            .select_related("training")
            .order_by("starts_at", "pk")[:limit]
        )
        pages = training_translations(
            translation_keys=[session.training.translation_key for session in sessions],
            language_code=language,
        )
        return [(session, pages[str(session.training.translation_key)]) for session in sessions]

    return cached(
        ("next-public-sessions", limit, language), compute, per_minute=True, with_seats=True
    )
