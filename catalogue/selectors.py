"""Every read the catalogue's pages, feeds and the admin need."""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Locale

from catalogue.models import (
    CatalogueIndexPage,
    Language,
    Occurrence,
    Session,
    TargetGroup,
    Topic,
    TrainingPage,
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


def catalogue_trainings(*, index: CatalogueIndexPage, filters: CatalogueFilters) -> QuerySet:
    """The trainings of one catalogue (one language), filtered, with their next date.

    Sessions belong to the training in the default language; translations share its
    translation_key, so the sessions are matched through it.
    """
    trainings = (
        TrainingPage.objects.child_of(index)
        .live()
        .public()
        .select_related("topic")
        .defer_streamfields()
    )
    if filters.topic:
        trainings = trainings.filter(topic=filters.topic)
    if filters.target_group:
        trainings = trainings.filter(target_groups=filters.target_group)
    if filters.format:
        trainings = trainings.filter(format=filters.format)
    if filters.language:
        trainings = trainings.filter(languages=filters.language)

    sessions = _listed_upcoming_sessions(filters).filter(
        training__translation_key=OuterRef("translation_key")
    )
    if filters.filters_sessions:
        trainings = trainings.filter(Exists(sessions))
    trainings = trainings.annotate(
        next_start=Subquery(sessions.order_by("starts_at").values("starts_at")[:1]),
        upcoming_count=Coalesce(
            Subquery(
                sessions.order_by()
                .values("training__translation_key")
                .annotate(count=Count("pk"))
                .values("count")[:1],
                output_field=IntegerField(),
            ),
            Value(0),
        ),
    )
    if filters.query:
        return _search(trainings, filters.query)
    return trainings.order_by(F("next_start").asc(nulls_last=True), "title")


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


def feed_sessions(*, topic: Topic | None = None, state: str = "") -> QuerySet[Session]:
    """Public sessions for the catalogue feed: open ones with dates to come, and cancelled ones
    (so subscribed calendars drop them)."""
    sessions = public_sessions().filter(
        status__in=(SessionStatus.OPEN, SessionStatus.CANCELLED), ends_at__gte=timezone.now()
    )
    if topic:
        sessions = sessions.filter(training__topic=topic)
    if state:
        sessions = sessions.filter(state=state)
    return _with_occurrences(sessions.select_related("training")).order_by("starts_at", "pk")


def training_translations(*, translation_keys, language_code: str) -> dict:
    """Each training in the given language (falling back to the original), by translation key."""
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return {}
    pages = TrainingPage.objects.live().filter(
        translation_key__in=set(translation_keys), locale=locale
    )
    return {page.translation_key: page for page in pages.defer_streamfields()}


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
    return [
        (session, pages.get(session.training.translation_key, session.training))
        for session in sessions
    ]
