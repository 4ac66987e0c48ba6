"""Every read the catalogue's pages, feeds and the admin need."""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count, F, Min, Prefetch, Q, QuerySet, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import get_language

from catalogue.models import (
    CatalogueIndexPage,
    Language,
    Occurrence,
    Session,
    TargetGroup,
    Topic,
    TrainingPage,
    Venue,
)
from catalogue.models.sessions import SessionStatus
from catalogue.schedule import BERLIN

# Sessions the public sees announced on a training page and in the listing.
LISTED_STATUSES = (SessionStatus.PLANNED, SessionStatus.OPEN)
SEARCH_CONFIGS = {"de": "german", "en": "english"}
NO_DATE = datetime.max.replace(tzinfo=BERLIN)


@dataclass(frozen=True)
class CatalogueFilters:
    query: str = ""
    topic: Topic | None = None
    target_group: TargetGroup | None = None
    state: str = ""
    format: str = ""
    language: Language | None = None
    date_from: date | None = None
    date_to: date | None = None
    free_only: bool = False

    @property
    def filters_sessions(self) -> bool:
        return bool(self.state or self.date_from or self.date_to or self.free_only)


def public_sessions() -> QuerySet[Session]:
    return Session.objects.filter(is_private=False)


def _listed_upcoming_sessions(filters: CatalogueFilters | None = None) -> QuerySet[Session]:
    sessions = public_sessions().filter(status__in=LISTED_STATUSES, starts_at__gte=timezone.now())
    if filters is None:
        return sessions
    if filters.state:
        sessions = sessions.filter(state=filters.state)
    if filters.date_from:
        sessions = sessions.filter(
            starts_at__gte=datetime.combine(filters.date_from, time.min, BERLIN)
        )
    if filters.date_to:
        sessions = sessions.filter(
            starts_at__lte=datetime.combine(filters.date_to, time.max, BERLIN)
        )
    if filters.free_only:
        sessions = sessions.filter(capacity__gt=F("seats_taken"))
    return sessions


@dataclass(frozen=True)
class ListedTraining:
    """A training's place in a listing: enough to sort, count and paginate."""

    pk: int
    next_start: datetime | None
    upcoming_count: int


def catalogue_trainings(
    *, index: CatalogueIndexPage, filters: CatalogueFilters
) -> list[ListedTraining]:
    """The trainings of one catalogue (one language), filtered and in listing order.

    Two light queries instead of a subquery per training: the trainings that pass the
    training filters, and one aggregate of the matching upcoming sessions per training.
    Sessions belong to the training in the default language; translations share its
    translation_key, so the two are matched through it.
    """
    trainings = TrainingPage.objects.child_of(index).live().public()
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
    candidates = list(trainings.values_list("pk", "translation_key"))

    upcoming = {
        row["training__translation_key"]: (row["next_start"], row["count"])
        for row in _listed_upcoming_sessions(filters)
        .order_by()
        .values("training__translation_key")
        .annotate(next_start=Min("starts_at"), count=Count("pk"))
    }
    listed = [
        ListedTraining(pk, *upcoming.get(key, (None, 0)))
        for pk, key in candidates
        if key in upcoming or not filters.filters_sessions
    ]
    if not filters.query:  # by next date; a search keeps its ranking
        listed.sort(key=lambda item: (item.next_start is None, item.next_start or NO_DATE))
    return listed


def trainings_for_listing(listed: list[ListedTraining]) -> list[TrainingPage]:
    """The pages of one listing page, in its order, with `next_start` and `upcoming_count`."""
    pages = (
        TrainingPage.objects.filter(pk__in=[item.pk for item in listed])
        .select_related("topic")
        .defer_streamfields()
        .in_bulk()
    )
    result = []
    for item in listed:
        page = pages[item.pk]
        page.next_start, page.upcoming_count = item.next_start, item.upcoming_count
        result.append(page)
    return result


def _search(trainings: QuerySet, query: str) -> QuerySet:
    if connection.vendor != "postgresql":  # the SQLite quick start: plain substring search
        return trainings.filter(Q(title__icontains=query) | Q(summary__icontains=query)).order_by(
            "title"
        )
    config = SEARCH_CONFIGS.get(get_language(), "german")
    vector = (
        SearchVector("title", weight="A", config=config)
        + SearchVector("summary", "topic__name", "topic__name_en", weight="B", config=config)
        + SearchVector(Cast("body", TextField()), weight="C", config=config)
    )
    search_query = SearchQuery(query, config=config, search_type="websearch")
    return (
        trainings.annotate(rank=SearchRank(vector, search_query))
        .filter(rank__gt=0)
        .order_by("-rank", "title")
    )


def _with_occurrences(sessions: QuerySet[Session]) -> QuerySet[Session]:
    return sessions.select_related("venue", "language").prefetch_related(
        Prefetch("occurrences", queryset=Occurrence.objects.order_by("start"))
    )


def upcoming_sessions_for_training(*, training: TrainingPage) -> QuerySet[Session]:
    """Current and upcoming public sessions of a training (in any of its languages)."""
    return _with_occurrences(
        public_sessions()
        .filter(
            training__translation_key=training.translation_key,
            status__in=LISTED_STATUSES,
            ends_at__gte=timezone.now(),
        )
        .order_by("starts_at", "pk")
    )


def public_session_for_training(*, training: TrainingPage, session_id: int) -> Session | None:
    return (
        _with_occurrences(public_sessions())
        .filter(training__translation_key=training.translation_key, pk=session_id)
        .first()
    )


def sessions_for_training_admin(*, training: TrainingPage) -> QuerySet[Session]:
    """All sessions of a training for the admin panel, newest first."""
    return (
        Session.objects.filter(training__translation_key=training.translation_key)
        .select_related("venue")
        .order_by("-starts_at")
    )


@dataclass(frozen=True)
class FeedOccurrence:
    pk: int
    start: datetime
    end: datetime
    cancelled: bool
    session_id: int
    sequence: int
    updated_at: datetime
    venue: Venue | None
    translation_key: str


def feed_occurrences(*, topic: Topic | None = None, state: str = "") -> list[FeedOccurrence]:
    """Dates of public sessions for the catalogue feed, as plain rows (the feed can hold
    thousands): open sessions that have not ended, and cancelled ones so that subscribed
    calendars drop them."""
    sessions = public_sessions().filter(
        status__in=(SessionStatus.OPEN, SessionStatus.CANCELLED), ends_at__gte=timezone.now()
    )
    if topic:
        sessions = sessions.filter(training__topic=topic)
    if state:
        sessions = sessions.filter(state=state)
    rows = (
        Occurrence.objects.filter(session__in=sessions)
        .order_by("start", "pk")
        .values_list(
            "pk",
            "start",
            "end",
            "is_cancelled",
            "session_id",
            "session__status",
            "session__sequence",
            "session__updated_at",
            "session__venue_id",
            "session__training__translation_key",
        )
    )
    rows = list(rows)
    venues = Venue.objects.in_bulk({row[8] for row in rows if row[8]})
    return [
        FeedOccurrence(
            pk=pk,
            start=start,
            end=end,
            cancelled=cancelled or status == SessionStatus.CANCELLED,
            session_id=session_id,
            sequence=sequence,
            updated_at=updated_at,
            venue=venues.get(venue_id),
            translation_key=str(key),
        )
        for pk, start, end, cancelled, session_id, status, sequence, updated_at, venue_id, key in rows
    ]


def training_translations(*, translation_keys, language_code: str) -> dict:
    """Each training in the given language (else in any language), by translation key (str)."""
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


def topics() -> QuerySet[Topic]:
    return Topic.objects.all()


def target_groups() -> QuerySet[TargetGroup]:
    return TargetGroup.objects.all()


def languages() -> QuerySet[Language]:
    return Language.objects.all()


def next_public_sessions(*, limit: int) -> list[tuple[Session, TrainingPage]]:
    """The next open public sessions, each with its training in the active language."""
    sessions = list(
        _with_occurrences(
            public_sessions().filter(status=SessionStatus.OPEN, starts_at__gte=timezone.now())
        )
        .select_related("training")
        .order_by("starts_at", "pk")[:limit]
    )
    pages = training_translations(
        translation_keys=[session.training.translation_key for session in sessions],
        language_code=get_language(),
    )
    return [(session, pages[str(session.training.translation_key)]) for session in sessions]
