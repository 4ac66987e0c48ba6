"""Every read the catalogue's pages, feeds and the admin need."""

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import NamedTuple

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    TextField,
)
from django.db.models.functions import Cast, Length, Substr
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import PageViewRestriction

from catalogue.caching import cached
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

    def cache_key(self) -> tuple:
        return (
            self.query,
            self.topic and self.topic.pk,
            self.target_group and self.target_group.pk,
            self.state,
            self.format,
            self.language and self.language.pk,
            self.date_from,
            self.date_to,
            self.free_only,
        )

    @property
    def filters_sessions(self) -> bool:
        return bool(self.state or self.date_from or self.date_to or self.free_only)


def public_sessions() -> QuerySet[Session]:
    """Sessions anyone may see and book: not an organisation's private in-house session, and of
    a training that is published and not behind a view restriction (on the page or above it)."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("training__path"), 1, Length("page__path"))
    )
    return Session.objects.filter(is_private=False, training__live=True).exclude(Exists(restricted))


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


class Epoch(Func):
    """Seconds since 1970 as an integer: far cheaper to fetch in bulk than datetimes."""

    template = "CAST(EXTRACT(EPOCH FROM %(expressions)s) AS bigint)"
    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        template = "CAST(strftime('%%%%s', %(expressions)s) AS integer)"
        return self.as_sql(compiler, connection, template=template, **extra_context)


class ListedTraining(NamedTuple):
    """A training's place in a listing: enough to sort, count and paginate."""

    pk: int
    next_start: int | None  # epoch seconds; a datetime only for the trainings shown
    upcoming_count: int


def catalogue_trainings(
    *, index: CatalogueIndexPage, filters: CatalogueFilters
) -> list[ListedTraining]:
    """The trainings of one catalogue (one language), filtered and in listing order.

    Cached until the catalogue changes and for one minute at most (sessions start as time
    passes; other web processes learn of a change through a shared cache, else within that
    minute).
    """
    return cached(
        ("listing", index.pk, get_language(), filters.cache_key()),
        lambda: _catalogue_trainings(index=index, filters=filters),
        per_minute=True,
    )


def _catalogue_trainings(
    *, index: CatalogueIndexPage, filters: CatalogueFilters
) -> list[ListedTraining]:
    """The uncached listing.

    Two light queries instead of a subquery per training: the trainings that pass the
    training filters, and one aggregate of the matching upcoming sessions per training.
    Sessions carry their training's translation_key, which all its language versions share.
    Rows come back as plain integers and strings: this runs on every catalogue request.
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
    candidates = trainings.annotate(key=Cast("translation_key", CharField())).values_list(
        "pk", "key"
    )
    upcoming = {
        key: (next_start, count)
        for key, next_start, count in _listed_upcoming_sessions(filters)
        .order_by()
        .values("training_key")
        .annotate(
            key=Cast("training_key", CharField()),
            next_start=Epoch(Min("starts_at")),
            count=Count("pk"),
        )
        .values_list("key", "next_start", "count")
    }
    no_sessions = (None, 0)
    listed = [
        ListedTraining(pk, *upcoming.get(key, no_sessions))
        for pk, key in candidates
        if not filters.filters_sessions or key in upcoming
    ]
    if not filters.query:  # by next date; a search keeps its ranking
        listed.sort(key=_by_next_date)
    return listed


def _by_next_date(item: ListedTraining) -> tuple[bool, int]:
    return (item.next_start is None, item.next_start or 0)


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
        page.next_start = (
            datetime.fromtimestamp(item.next_start, BERLIN) if item.next_start else None
        )
        page.upcoming_count = item.upcoming_count
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
            training_key=training.translation_key,
            status__in=LISTED_STATUSES,
            ends_at__gte=timezone.now(),
        )
        .order_by("starts_at", "pk")
    )


def public_session_for_training(*, training: TrainingPage, session_id: int) -> Session | None:
    return (
        _with_occurrences(public_sessions())
        .filter(training_key=training.translation_key, pk=session_id)
        .first()
    )


def sessions_for_training_admin(*, training: TrainingPage, user) -> QuerySet[Session]:
    """A training's sessions for the panel on its edit page, newest first: all of them for
    staff who may see sessions, the public ones for everyone else (editors): in-house sessions
    are private to the organisation and the staff."""
    sessions = Session.objects.filter(training_key=training.translation_key)
    if not user.has_perm("catalogue.view_session"):
        sessions = sessions.filter(is_private=False)
    return sessions.select_related("venue").order_by("-starts_at")


@dataclass(frozen=True)
class FeedSession:
    pk: int
    status: str
    sequence: int
    updated_at: datetime
    venue: Venue | None
    translation_key: str


@dataclass(frozen=True)
class FeedOccurrence:
    pk: int
    start: datetime
    end: datetime
    is_cancelled: bool
    session: FeedSession


def feed_occurrences(*, topic: Topic | None = None, state: str = "") -> list[FeedOccurrence]:
    """Dates of public sessions for the catalogue feed, as plain rows (a feed can hold tens of
    thousands): open sessions that have not ended, and cancelled ones so that subscribed
    calendars drop them."""
    sessions = public_sessions().filter(
        status__in=(SessionStatus.OPEN, SessionStatus.CANCELLED), ends_at__gte=timezone.now()
    )
    if topic:
        sessions = sessions.filter(training__topic=topic)
    if state:
        sessions = sessions.filter(state=state)
    session_rows = list(
        sessions.order_by()
        .annotate(updated=Epoch("updated_at"))
        .values_list("pk", "status", "sequence", "updated", "venue_id", "training_key")
    )
    venues = Venue.objects.in_bulk({row[4] for row in session_rows if row[4]})
    by_id = {
        pk: FeedSession(
            pk=pk,
            status=status,
            sequence=sequence,
            updated_at=datetime.fromtimestamp(updated, BERLIN),
            venue=venues.get(venue_id),
            translation_key=str(key),
        )
        for pk, status, sequence, updated, venue_id, key in session_rows
    }
    occurrence_rows = (
        Occurrence.objects.filter(session__in=sessions)
        .order_by("start", "pk")
        .annotate(start_epoch=Epoch("start"), end_epoch=Epoch("end"))
        .values_list("pk", "start_epoch", "end_epoch", "is_cancelled", "session_id")
    )
    return [
        FeedOccurrence(
            pk=pk,
            start=datetime.fromtimestamp(start, BERLIN),
            end=datetime.fromtimestamp(end, BERLIN),
            is_cancelled=cancelled,
            session=by_id[session_id],
        )
        for pk, start, end, cancelled, session_id in occurrence_rows
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


@dataclass(frozen=True)
class FilterChoices:
    topics: dict[str, Topic]
    target_groups: dict[str, TargetGroup]
    languages: dict[str, Language]


def filter_choices() -> FilterChoices:
    """Topics, target groups and languages by slug or code (cached until the catalogue
    changes)."""
    return cached(
        ("choices",),
        lambda: FilterChoices(
            topics={topic.slug: topic for topic in Topic.objects.all()},
            target_groups={group.slug: group for group in TargetGroup.objects.all()},
            languages={language.code: language for language in Language.objects.all()},
        ),
    )


def topics() -> QuerySet[Topic]:
    return Topic.objects.all()


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
