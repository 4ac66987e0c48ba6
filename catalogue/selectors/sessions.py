"""Reads of sessions and their dates for the pages, the feed and the admin, and the taxonomy
the filters offer. Nothing here reads training pages (catalogue.selectors.trainings does), so
the pages can use it."""

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import NamedTuple

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.db.models.functions import Cast, Length, Substr
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from catalogue.caching import cached
from catalogue.models.sessions import Occurrence, Session, SessionStatus
from catalogue.models.taxonomy import Language, StateNetwork, TargetGroup, Topic, Venue
from catalogue.schedule import BERLIN
from catalogue.selectors.staff import next_first, sessions_for_staff

# Sessions the public sees announced on a training page and in the listing.
LISTED_STATUSES = (SessionStatus.PLANNED, SessionStatus.OPEN)


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


def plain_rows(queryset: QuerySet) -> list[tuple]:
    """A values_list query's rows as the database driver gives them, without Django's
    converter on every value: for bulk reads of integers, booleans and text."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def public_sessions(*, restricted_paths: list[str] | None = None) -> QuerySet[Session]:
    """Sessions anyone may see and book: not an organisation's private in-house session, and of
    a training that is published and not behind a view restriction (on the page or above it).

    `restricted_paths`: the restricted pages' paths, where the caller has read them
    (restricted_page_paths()); then no restriction is looked up per session and the training's
    publication is checked on its page alone, so that the listing's aggregate reads the
    sessions from `session_listed_idx`."""
    if restricted_paths is None:
        restricted = PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("training__path"), 1, Length("page__path"))
        )
        return Session.objects.filter(is_private=False, training__live=True).exclude(
            Exists(restricted)
        )
    sessions = Session.objects.filter(
        is_private=False, training_id__in=Page.objects.filter(live=True).values("pk")
    )
    for path in restricted_paths:
        sessions = sessions.exclude(training__path__startswith=path)
    return sessions


def restricted_page_paths() -> list[str]:
    """The paths of the pages with view restrictions (few; usually none)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def is_public_training(training: Page) -> bool:
    """Whether a training page's sessions are public, as public_sessions() decides, with the
    page tree's cached view restrictions (no query for a page without any)."""
    return training.live and not training.get_view_restrictions().exists()


def listed_upcoming_sessions(
    filters: CatalogueFilters, *, restricted_paths: list[str]
) -> QuerySet[Session]:
    """The announced upcoming public sessions in the listing's filters."""
    sessions = public_sessions(restricted_paths=restricted_paths).filter(
        status__in=LISTED_STATUSES, starts_at__gte=timezone.now()
    )
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


def with_occurrences(sessions: QuerySet[Session]) -> QuerySet[Session]:
    return sessions.select_related("venue", "language").prefetch_related(
        Prefetch("occurrences", queryset=Occurrence.objects.order_by("start"))
    )


def upcoming_public_sessions(*, translation_key) -> QuerySet[Session]:
    """Current and upcoming public sessions of a training (in any of its languages)."""
    return public_sessions().filter(
        training_key=translation_key, status__in=LISTED_STATUSES, ends_at__gte=timezone.now()
    )


def upcoming_sessions_for_training(*, training: Page) -> QuerySet[Session]:
    """upcoming_public_sessions, next first, with their dates."""
    return with_occurrences(
        upcoming_public_sessions(translation_key=training.translation_key).order_by(
            "starts_at", "pk"
        )
    )


@dataclass(frozen=True)
class TrainingDates:
    """The dates a training page shows: the next few, or those of one state network, or all
    (on demand); and how many each state network has, for choosing one."""

    sessions: list[Session]
    total: int
    states: list[tuple[str, str, int]]  # code, name, number of dates
    state: str | None
    state_unknown: bool
    showing_all: bool

    @property
    def more(self) -> int:
        return 0 if self.state or self.showing_all else self.total - len(self.sessions)


NEXT_DATES = 8


def training_dates(*, training: Page, state: str | None, show_all: bool) -> TrainingDates:
    """Cached until the catalogue or the seats change, and for a minute at most; an unknown
    state network (anything in the query string) is not a key of its own."""
    known = state if state in StateNetwork.values else None
    dates = cached(
        ("training-dates", str(training.translation_key), known, show_all),
        lambda: _training_dates(training, known, show_all),
        per_minute=True,
        with_seats=True,
    )
    return replace(dates, state_unknown=bool(state) and known is None)


def _training_dates(training: Page, state: str | None, show_all: bool) -> TrainingDates:
    upcoming = upcoming_sessions_for_training(training=training)
    counts = dict(
        upcoming.order_by()
        .values_list("state")
        .annotate(dates=Count("pk"))
        .values_list("state", "dates")
    )
    states = [(code, name, counts[code]) for code, name in StateNetwork.choices if code in counts]
    if state:
        sessions = list(upcoming.filter(state=state))
    elif show_all:
        sessions = list(upcoming)
    else:
        sessions = list(upcoming[:NEXT_DATES])
    return TrainingDates(
        sessions=sessions,
        total=sum(counts.values()),
        states=states,
        state=state,
        state_unknown=False,
        showing_all=show_all and not state,
    )


def public_session_for_training(*, training: Page, session_id: int) -> Session | None:
    """A public session of the training page being served (which Wagtail found live and not
    restricted), as public_sessions() decides: its own training page, where that is another
    language's, must be live and unrestricted too (the page tree's cached restrictions)."""
    session = (
        with_occurrences(Session.objects.filter(is_private=False))
        .filter(training_key=training.translation_key, pk=session_id)
        .first()
    )
    if session is None or session.training_id == training.pk:
        return session
    return session if is_public_training(session.training) else None


def sessions_for_training_admin(*, training: Page, user) -> QuerySet[Session]:
    """A training's sessions for the panel on its edit page, the next first (past ones after):
    the public ones of every state network, and for staff who may see sessions the in-house ones
    of their state networks too (in-house sessions are private to the organisation and its
    state's staff)."""
    visible = Q(is_private=False)
    if user.has_perm("catalogue.view_session"):
        visible |= Q(pk__in=sessions_for_staff(user).values("pk"))
    return next_first(
        Session.objects.filter(visible, training_key=training.translation_key).select_related(
            "venue"
        )
    )


class FeedSession(NamedTuple):
    pk: int
    status: str
    sequence: int
    updated_at: datetime
    venue: Venue | None
    translation_key: str


class FeedOccurrence(NamedTuple):
    pk: int
    start: datetime
    end: datetime
    is_cancelled: bool
    session: FeedSession


def feed_sessions(*, topic: Topic | None = None, state: str = "") -> QuerySet[Session]:
    """The sessions whose dates the catalogue feed holds: open sessions that have not ended,
    and cancelled ones so that subscribed calendars drop them."""
    sessions = public_sessions().filter(
        status__in=(SessionStatus.OPEN, SessionStatus.CANCELLED), ends_at__gte=timezone.now()
    )
    if topic:
        sessions = sessions.filter(training__topic=topic)
    if state:
        sessions = sessions.filter(state=state)
    return sessions


def feed_occurrences(*, topic: Topic | None = None, state: str = "") -> list[FeedOccurrence]:
    """The dates of the feed's sessions, as plain rows (a feed can hold tens of thousands)."""
    sessions = feed_sessions(topic=topic, state=state)
    session_rows = plain_rows(
        sessions.order_by().values_list(
            "pk",
            "status",
            "sequence",
            Epoch("updated_at"),
            "venue_id",
            Cast("training_key", CharField()),
        )
    )
    venues = Venue.objects.in_bulk({row[4] for row in session_rows if row[4]})
    by_id = {
        pk: FeedSession(
            pk=pk,
            status=status,
            sequence=sequence,
            updated_at=datetime.fromtimestamp(updated, BERLIN),
            venue=venues.get(venue_id),
            translation_key=key,
        )
        for pk, status, sequence, updated, venue_id, key in session_rows
    }
    occurrence_rows = plain_rows(
        Occurrence.objects.filter(session__in=sessions)
        .order_by("start", "pk")
        .values_list("pk", Epoch("start"), Epoch("end"), "is_cancelled", "session_id")
    )
    return [
        FeedOccurrence(
            pk=pk,
            start=datetime.fromtimestamp(start, BERLIN),
            end=datetime.fromtimestamp(end, BERLIN),
            is_cancelled=bool(cancelled),
            session=by_id[session_id],
        )
        for pk, start, end, cancelled, session_id in occurrence_rows
    ]


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
