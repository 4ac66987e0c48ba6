"""The programme's figures, counted once, by the rules written in docs/statistics.md.

- A training held is a session with status "held". It belongs to the month (and so to every
  period) that contains the Berlin date of its first occurrence that was not cancelled.
- A participant counts once per training held when present at one or more of its occurrences
  that were not cancelled, in a confirmed booking, and not cancelled themselves. Cancelled
  sessions, cancelled, expired, held or waitlisted bookings, absent and excused people never count.
- Sector comes from the type the organisation had when it booked (recorded on the booking;
  staff re-classify explicitly), function from the participant.
- A session marked held where nobody was present on any date is not a training held; the report
  lists it apart ("held without attendance").
- With a sector filter, participants are those of that sector and trainings held are those with
  at least one counted participant of that sector.

Three queries whatever the period: the topics; the trainings held with their month, state
network and topic; the counted participants per training held (aggregated in PostgreSQL). The
per-session rows are then added up by topic, state network and month.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _

from bookings.certificates import trainer_directory
from bookings.models import (
    ADMINISTRATION_TYPES,
    Attendance,
    AttendanceStatus,
    BookingStatus,
    Function,
    OrganisationType,
    Participant,
    Sector,
)
from catalogue.models import Occurrence, Session, StateNetwork, Topic
from catalogue.models.sessions import SessionStatus
from catalogue.schedule import BERLIN

COMPANY_TYPES = frozenset(OrganisationType.values) - ADMINISTRATION_TYPES
SECTOR_TYPES = {
    Sector.ADMINISTRATION.value: ADMINISTRATION_TYPES,
    Sector.COMPANIES.value: COMPANY_TYPES,
}
SECTORS = tuple(SECTOR_TYPES)
FUNCTIONS = tuple(Function.values)
BREAKDOWN = SECTORS + FUNCTIONS
CROSS = tuple(f"{sector}_{function}" for sector in SECTORS for function in FUNCTIONS)
TYPE_KEYS = tuple(f"type_{value}" for value in OrganisationType.values)
SUMMED = BREAKDOWN + CROSS + TYPE_KEYS


class StatisticsError(ValueError):
    """The filters cannot be answered; the message says why, in the user's language."""


@dataclass(frozen=True)
class Filters:
    date_from: date
    date_to: date
    state: str | None = None
    topic: str | None = None  # slug
    sector: str | None = None
    # The state networks the figures may come from (a state network's staff); None: all.
    within: frozenset[str] | None = None


@dataclass(frozen=True)
class TopicFigures:
    topic: str  # slug
    title: str
    trainings_held: int
    participants: int


@dataclass(frozen=True)
class StateFigures:
    state: str  # ISO 3166-2:DE code without "DE-"
    title: str
    trainings_held: int
    participants: int


@dataclass(frozen=True)
class MonthFigures:
    month: str  # YYYY-MM
    trainings_held: int
    participants: int


@dataclass(frozen=True)
class HeldWithoutAttendance:
    session: int
    training: str
    state: str
    first_date: date


@dataclass(frozen=True)
class SessionFigures:
    """One training held, as the report lists it."""

    session: int
    training: str
    topic: str  # slug
    state: str
    dates: list[date]
    units: int  # UE of the training
    trainers: list[str]
    inhouse: bool
    participants: int
    by_sector: dict[str, int]
    by_function: dict[str, int]


@dataclass(frozen=True)
class Figures:
    filters: Filters
    trainings_held: int
    participants: int
    participants_by_sector: dict[str, int]
    participants_by_function: dict[str, int]
    by_topic: list[TopicFigures]
    by_state: list[StateFigures]
    by_month: list[MonthFigures]
    held_without_attendance: list[HeldWithoutAttendance]
    sessions: list[SessionFigures]
    by_organisation_type: dict[str, int]
    organisations_reached: int
    open_vs_inhouse: dict[str, dict[str, int]]
    teaching_units: int
    participant_hours: float
    function_by_sector: dict[str, dict[str, int]]  # sector -> function -> participations
    state_by_topic: dict[str, dict[str, dict[str, int]]]  # state -> topic -> figures
    feedback: "FeedbackFigures"

    def as_dict(self) -> dict:
        """The report as plain data (the JSON of `report_pa3`)."""
        return {
            "period": {
                "from": self.filters.date_from.isoformat(),
                "to": self.filters.date_to.isoformat(),
            },
            "filters": {
                "state": self.filters.state,
                "topic": self.filters.topic,
                "sector": self.filters.sector,
            },
            "trainings_held": self.trainings_held,
            "participants": self.participants,
            "participants_by_sector": dict(self.participants_by_sector),
            "participants_by_function": dict(self.participants_by_function),
            "by_topic": [
                {
                    "topic": row.topic,
                    "title": row.title,
                    "trainings_held": row.trainings_held,
                    "participants": row.participants,
                }
                for row in self.by_topic
            ],
            "by_state": [
                {
                    "state": row.state,
                    "trainings_held": row.trainings_held,
                    "participants": row.participants,
                }
                for row in self.by_state
            ],
            "by_month": [
                {
                    "month": row.month,
                    "trainings_held": row.trainings_held,
                    "participants": row.participants,
                }
                for row in self.by_month
            ],
            "held_without_attendance": [
                {
                    "session": row.session,
                    "training": row.training,
                    "state": row.state,
                    "first_date": row.first_date.isoformat(),
                }
                for row in self.held_without_attendance
            ],
            "sessions": [
                {
                    "reference": row.session,
                    "training": row.training,
                    "topic": row.topic,
                    "state": row.state,
                    "dates": [day.isoformat() for day in row.dates],
                    "teaching_units": row.units,
                    "trainers": row.trainers,
                    "inhouse": row.inhouse,
                    "participants": row.participants,
                    "participants_by_sector": row.by_sector,
                    "participants_by_function": row.by_function,
                }
                for row in self.sessions
            ],
            "by_organisation_type": dict(self.by_organisation_type),
            "organisations_reached": self.organisations_reached,
            "open_vs_inhouse": self.open_vs_inhouse,
            "teaching_units": self.teaching_units,
            "participant_hours": self.participant_hours,
            "function_by_sector": self.function_by_sector,
            "state_by_topic": self.state_by_topic,
            "feedback": self.feedback.as_dict(),
        }


@dataclass(frozen=True)
class FeedbackFigures:
    """What the participants' anonymous feedback says of the trainings held counted: links
    given out, answers, the response rate and the mean overall satisfaction (1–5, None where
    too few answers exist to show it). Supplied by the evaluations app."""

    invited: int = 0
    answers: int = 0
    response_rate: float | None = None
    overall_satisfaction: float | None = None

    def as_dict(self) -> dict:
        return {
            "invited": self.invited,
            "answers": self.answers,
            "response_rate": self.response_rate,
            "overall_satisfaction": self.overall_satisfaction,
        }


# (The session ids, a query of sessions that holds them all) -> their FeedbackFigures. The
# query lets the database select by the period instead of by a list of thousands of ids.
# Registered by EvaluationsConfig.ready(), since bookings never imports evaluations.
FeedbackSource = Callable[[list[int], QuerySet], FeedbackFigures]


def _no_feedback(session_ids: list[int], among: QuerySet) -> FeedbackFigures:
    return FeedbackFigures()


_feedback_source: FeedbackSource = _no_feedback


def register_feedback_source(source: FeedbackSource | None) -> None:
    """None: no feedback again."""
    global _feedback_source
    _feedback_source = source or _no_feedback


def programme_figures(
    *,
    date_from: date,
    date_to: date,
    state: str | None = None,
    topic: str | None = None,
    sector: str | None = None,
    within: frozenset[str] | None = None,
) -> Figures:
    """Every figure of the programme report for the period (both days included) and filters,
    from the state networks `within` (None: all). Raises StatisticsError for a reversed period
    or an unknown state, topic or sector, and for a state outside `within`."""
    if date_to < date_from:
        raise StatisticsError(_("The end of the period is before its start."))
    if state is not None and state not in StateNetwork.values:
        raise StatisticsError(_("Unknown state network: %(state)s.") % {"state": state})
    if state is not None and within is not None and state not in within:
        raise StatisticsError(_("These figures are not yours to see."))
    if sector is not None and sector not in Sector.values:
        raise StatisticsError(_("Unknown sector: %(sector)s.") % {"sector": sector})
    topics = list(Topic.objects.order_by("sort_order", "name"))
    if topic is not None:
        topics = [item for item in topics if item.slug == topic]
        if not topics:
            raise StatisticsError(_("Unknown topic: %(topic)s.") % {"topic": topic})
    filters = Filters(
        date_from=date_from,
        date_to=date_to,
        state=state,
        topic=topic,
        sector=sector,
        within=within,
    )

    topic_id = topics[0].pk if topic is not None else None
    sessions = list(_held_sessions(filters, topic_id=topic_id))
    counted_participants = _counted_participants(filters, topic_id=topic_id)
    counts = {row["session"]: row for row in _participant_counts(counted_participants)}
    dates = _dates_of(filters, topic_id=topic_id)
    in_period = Session.objects.filter(_held_in_period(filters, topic_id=topic_id)).values("pk")
    trainer_names = trainer_directory().names_for_sessions(in_period)
    reached, hours = _reach_and_hours(filters, topic_id=topic_id)
    topic_slugs = {item.pk: item.slug for item in topics}

    trainings, participants, breakdown = Counter(), Counter(), Counter()
    without_attendance, held = [], []
    for session_id, session_state, topic_id, title, starts_at, units, private in sessions:
        row = counts.get(session_id)
        first_date = starts_at.astimezone(BERLIN).date()
        if row is None:  # nobody present on any date
            without_attendance.append(
                HeldWithoutAttendance(
                    session=session_id, training=title, state=session_state, first_date=first_date
                )
            )
            continue
        month = first_date.replace(day=1)
        if filters.sector is not None:
            counted = _of_sector(row, filters.sector)
            if not counted["participants"]:
                continue  # no participant of that sector: not a training held for it
        else:
            counted = row
        kind = "inhouse" if private else "open"
        for key in (
            ("topic", topic_id),
            ("state", session_state),
            ("month", month),
            ("kind", kind),
            ("state_topic", session_state, topic_id),
        ):
            trainings[key] += 1
            participants[key] += counted["participants"]
        for name in SUMMED:
            breakdown[name] += counted[name]
        breakdown["units"] += units
        held.append(
            SessionFigures(
                session=session_id,
                training=title,
                topic=topic_slugs.get(topic_id, ""),
                state=session_state,
                dates=dates.get(session_id, []),
                units=units,
                trainers=trainer_names.get(session_id, []),
                inhouse=bool(private),
                participants=counted["participants"],
                by_sector={name: counted[name] for name in SECTORS},
                by_function={name: counted[name] for name in FUNCTIONS},
            )
        )

    if state is not None:
        states = [state]
    else:
        states = [code for code in StateNetwork.values if within is None or code in within]
    months = months_between(date_from, date_to)
    return Figures(
        filters=filters,
        trainings_held=sum(trainings["month", month] for month in months),
        participants=sum(participants["month", month] for month in months),
        participants_by_sector={name: breakdown[name] for name in SECTORS},
        participants_by_function={name: breakdown[name] for name in FUNCTIONS},
        by_topic=[
            TopicFigures(
                topic=item.slug,
                title=item.label,
                trainings_held=trainings["topic", item.pk],
                participants=participants["topic", item.pk],
            )
            for item in topics
        ],
        by_state=[
            StateFigures(
                state=code,
                title=str(StateNetwork(code).label),
                trainings_held=trainings["state", code],
                participants=participants["state", code],
            )
            for code in states
        ],
        by_month=[
            MonthFigures(
                month=f"{month:%Y-%m}",
                trainings_held=trainings["month", month],
                participants=participants["month", month],
            )
            for month in months
        ],
        held_without_attendance=without_attendance,
        sessions=held,
        by_organisation_type={
            value: breakdown[f"type_{value}"] for value in OrganisationType.values
        },
        organisations_reached=reached,
        open_vs_inhouse={
            kind: {
                "trainings_held": trainings["kind", kind],
                "participants": participants["kind", kind],
            }
            for kind in ("open", "inhouse")
        },
        teaching_units=breakdown["units"],
        participant_hours=hours,
        feedback=_feedback_source([row.session for row in held], in_period),
        function_by_sector={
            sector_name: {name: breakdown[f"{sector_name}_{name}"] for name in FUNCTIONS}
            for sector_name in SECTORS
        },
        state_by_topic={
            code: {
                item.slug: {
                    "trainings_held": trainings["state_topic", code, item.pk],
                    "participants": participants["state_topic", code, item.pk],
                }
                for item in topics
            }
            for code in states
        },
    )


def _of_sector(row: dict, sector: str) -> dict:
    """A session's counts narrowed to the participants of one sector."""
    return {
        "participants": row[sector],
        **{name: row[name] if name == sector else 0 for name in SECTORS},
        **{name: row[f"{sector}_{name}"] for name in FUNCTIONS},
        **{name: row[name] if name.startswith(sector) else 0 for name in CROSS},
        **{
            f"type_{value}": row[f"type_{value}"] if value in SECTOR_TYPES[sector] else 0
            for value in OrganisationType.values
        },
    }


def months_between(first: date, last: date) -> list[date]:
    """The first day of every month from `first`'s to `last`'s."""
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def _held_in_period(filters: Filters, *, topic_id: int | None, prefix: str = "") -> Q:
    """Sessions held whose first date falls in the period (and the state and topic filters).

    `Session.starts_at` is the start of the session's first occurrence that is not cancelled:
    catalogue.services.session_schedule_expand writes it whenever the occurrences change."""
    start = datetime.combine(filters.date_from, time.min, BERLIN)
    end = datetime.combine(filters.date_to + timedelta(days=1), time.min, BERLIN)
    conditions = {
        "status": SessionStatus.HELD,
        "starts_at__gte": start,
        "starts_at__lt": end,
    }
    if filters.state is not None:
        conditions["state"] = filters.state
    if filters.within is not None:
        conditions["state__in"] = sorted(filters.within)
    if topic_id is not None:
        conditions["training__topic_id"] = topic_id
    return Q(**{f"{prefix}{name}": value for name, value in conditions.items()})


def _held_sessions(filters: Filters, *, topic_id: int | None):
    """The trainings held in the period, by their first date: (id, state network, topic id,
    title, first start, UE, in-house) per session."""
    return (
        Session.objects.filter(_held_in_period(filters, topic_id=topic_id))
        .order_by("starts_at", "pk")
        .values_list(
            "pk",
            "state",
            "training__topic_id",
            "training__title",
            "starts_at",
            "training__units",
            "is_private",
        )
    )


def _dates_of(filters: Filters, *, topic_id: int | None) -> dict[int, list[date]]:
    """The Berlin dates that took place, per training held."""
    dates: dict[int, list[date]] = {}
    starts = (
        Occurrence.objects.filter(
            _held_in_period(filters, topic_id=topic_id, prefix="session__"), is_cancelled=False
        )
        .order_by("start")
        .values_list("session_id", TruncDate("start", tzinfo=BERLIN))
    )
    for session_id, day in starts:
        dates.setdefault(session_id, []).append(day)
    return dates


def _reach_and_hours(filters: Filters, *, topic_id: int | None) -> tuple[int, float]:
    """Distinct organisations of the counted participants, and their hours present: from the
    attendance of those present (each of them counts), in one query."""
    present = Attendance.objects.filter(
        _held_in_period(filters, topic_id=topic_id, prefix="occurrence__session__"),
        status=AttendanceStatus.PRESENT,
        occurrence__is_cancelled=False,
        participant__cancelled_at__isnull=True,
        participant__booking__status=BookingStatus.CONFIRMED,
    )
    if filters.sector is not None:
        present = present.filter(
            participant__booking__organisation_type__in=SECTOR_TYPES[filters.sector]
        )
    found = present.aggregate(
        time=Sum(F("occurrence__end") - F("occurrence__start")),
        organisations=Count("participant__booking__organisation", distinct=True),
    )
    hours = round(found["time"].total_seconds() / 3600, 2) if found["time"] else 0.0
    return found["organisations"], hours


def _counted_participants(filters: Filters, *, topic_id: int | None):
    """The participants who count: present on a date that took place, in a confirmed booking,
    not cancelled, of a session held in the period."""
    present = Attendance.objects.filter(
        participant=OuterRef("pk"),
        occurrence__is_cancelled=False,
        status=AttendanceStatus.PRESENT,
    )
    return Participant.objects.filter(
        _held_in_period(filters, topic_id=topic_id, prefix="booking__session__"),
        Exists(present),
        booking__status=BookingStatus.CONFIRMED,
        cancelled_at__isnull=True,
    )


def _participant_counts(participants):
    """Per session with anyone present: the counted participants, in total, by sector, by
    function, by sector × function ("administration_employee", ...) and by organisation type
    ("type_job_centre", ...)."""
    return (
        participants.order_by()
        .values(session=F("booking__session"))
        .annotate(
            participants=Count("pk"),
            **{
                name: Count("pk", filter=Q(booking__organisation_type__in=types))
                for name, types in SECTOR_TYPES.items()
            },
            **{name: Count("pk", filter=Q(function=name)) for name in FUNCTIONS},
            **{
                f"{sector}_{function}": Count(
                    "pk", filter=Q(booking__organisation_type__in=types, function=function)
                )
                for sector, types in SECTOR_TYPES.items()
                for function in FUNCTIONS
            },
            **{
                f"type_{value}": Count("pk", filter=Q(booking__organisation_type=value))
                for value in OrganisationType.values
            },
        )
    )
