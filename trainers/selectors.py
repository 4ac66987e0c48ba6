"""Every read of trainers, their availability and assignments, scoped to who asks.

`candidates_for_session` decides who may run a session and ranks them. It reads everything in a
fixed number of queries, whatever the number of trainers or assignments, and decides in Python.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache, reduce
from operator import or_

import recurrence
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from bookings.models import Attendance, BookingStatus, Participant
from catalogue.models import Occurrence, Session
from catalogue.models.sessions import SessionStatus
from catalogue.schedule import BERLIN
from catalogue.selectors.sessions import upcoming_public_sessions
from catalogue.selectors.staff import sessions_for_staff, staff_scope
from trainers.availability import MAX_WINDOW_LENGTH, Window, covered, overlaps
from trainers.models import (
    ACTIVE_STATUSES,
    Assignment,
    AssignmentStatus,
    AvailabilityRule,
    AvailabilityWindow,
    Certification,
    Trainer,
)

# The portal warns of certifications that expire within this many days (the staff and the
# trainer are also reminded by email then, see trainers.services).
EXPIRY_WARNING_DAYS = 60

# --- the trainer's own records ------------------------------------------------------------


def trainer_for_user(user) -> Trainer | None:
    """The user's trainer profile while it is active: a deactivated trainer's portal (with
    its participants' names) and calendar feed are closed."""
    if not user.is_authenticated:
        return None
    return Trainer.objects.filter(user=user, is_active=True).first()


def trainer_by_calendar_token(token: str) -> Trainer | None:
    if not token:
        return None
    return Trainer.objects.filter(calendar_token=token, is_active=True).first()


def assignments_for_trainer(trainer: Trainer) -> QuerySet[Assignment]:
    return Assignment.objects.filter(trainer=trainer).select_related(
        "session__training", "session__venue", "session__language"
    )


def with_participant_count(assignments: QuerySet[Assignment]) -> QuerySet[Assignment]:
    """Each assignment's `participant_count`: the confirmed participants of its session, in the
    same query (see participants_for_session)."""
    confirmed = (
        _confirmed_participants()
        .filter(booking__session=OuterRef("session"))
        .values("booking__session")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return assignments.annotate(participant_count=Coalesce(Subquery(confirmed), 0))


def assignment_for_trainer(
    trainer: Trainer, assignment_id: int, *, accepted: bool = False
) -> Assignment | None:
    """One of the trainer's assignments (only an accepted one if `accepted`), else None."""
    assignments = with_participant_count(assignments_for_trainer(trainer)).prefetch_related(
        Prefetch("session__occurrences", queryset=Occurrence.objects.order_by("start"))
    )
    if accepted:
        assignments = assignments.filter(status=AssignmentStatus.ACCEPTED)
    return assignments.filter(pk=assignment_id).first()


def upcoming_and_past_assignments(trainer: Trainer) -> tuple[list, list]:
    """Open and accepted assignments not yet ended, and the rest (newest first)."""
    now = timezone.now()
    assignments = list(
        with_participant_count(assignments_for_trainer(trainer))
        .exclude(status=AssignmentStatus.WITHDRAWN)
        .order_by("session__starts_at", "pk")
    )
    upcoming = [a for a in assignments if a.is_active and a.session.ends_at >= now]
    upcoming_ids = {a.pk for a in upcoming}
    past = [a for a in assignments if a.pk not in upcoming_ids]
    return upcoming, list(reversed(past))


def held_assignments(trainer: Trainer) -> list[Assignment]:
    """The sessions the trainer ran that are marked held, the latest first."""
    return list(
        assignments_for_trainer(trainer)
        .filter(status=AssignmentStatus.ACCEPTED, session__status=SessionStatus.HELD)
        .order_by("-session__starts_at", "-pk")
    )


STAFF_ACTED_ON_DECLINE = gettext_lazy(
    "The programme team has assigned trainers to this session since you declined; "
    "please contact them if you can run it after all."
)


def decline_take_back_refusal(assignment: Assignment) -> str | None:
    """Why the trainer can no longer take back their decline (None: they can). The staff act
    on a decline by assigning a trainer to the session (someone else, or the same trainer
    again); from then on, and once the session is cancelled, held or over, the decline stands."""
    if assignment.status != AssignmentStatus.DECLINED:
        return _("Only a declined assignment can be taken back.")
    session = assignment.session
    if session.status in (SessionStatus.CANCELLED, SessionStatus.HELD) or (
        session.ends_at is not None and session.ends_at < timezone.now()
    ):
        return _("The session has been cancelled or is over; the decline stands.")
    since = assignment.responded_at or assignment.updated_at
    if Assignment.objects.filter(session_id=assignment.session_id, created_at__gt=since).exists():
        return str(STAFF_ACTED_ON_DECLINE)
    return None


def accepted_assignments_for_feed(trainer: Trainer) -> list[Assignment]:
    return list(
        assignments_for_trainer(trainer)
        .filter(status=AssignmentStatus.ACCEPTED)
        .prefetch_related(
            Prefetch("session__occurrences", queryset=Occurrence.objects.order_by("start"))
        )
        .order_by("session__starts_at")
    )


def availability_rules_for_trainer(trainer: Trainer) -> QuerySet[AvailabilityRule]:
    return AvailabilityRule.objects.filter(trainer=trainer)


def availability_rule_for_trainer(trainer: Trainer, rule_id: int) -> AvailabilityRule | None:
    return availability_rules_for_trainer(trainer).filter(pk=rule_id).first()


def certifications_for_trainer(trainer: Trainer) -> QuerySet[Certification]:
    return Certification.objects.filter(trainer=trainer).select_related("topic", "document")


def certification_warnings(trainer: Trainer, *, today: date | None = None) -> list[Certification]:
    """Per topic, the trainer's latest certification when it has expired or expires within
    EXPIRY_WARNING_DAYS (a renewed one ends the warning), soonest first; each with `expired`
    and `days_left`."""
    today = today or timezone.localdate()
    latest = {}
    for certification in certifications_for_trainer(trainer):
        current = latest.get(certification.topic_id)
        if current is None or certification.valid_until > current.valid_until:
            latest[certification.topic_id] = certification
    warnings = [
        c for c in latest.values() if c.valid_until <= today + timedelta(days=EXPIRY_WARNING_DAYS)
    ]
    for certification in warnings:
        certification.days_left = (certification.valid_until - today).days
        certification.expired = certification.days_left < 0
    return sorted(warnings, key=lambda c: c.valid_until)


def certification_for_trainer(trainer: Trainer, certification_id: int) -> Certification | None:
    return certifications_for_trainer(trainer).filter(pk=certification_id).first()


def co_trainers(assignment: Assignment) -> list[Assignment]:
    return list(
        Assignment.objects.filter(session_id=assignment.session_id, status__in=ACTIVE_STATUSES)
        .exclude(pk=assignment.pk)
        .select_related("trainer")
    )


def _confirmed_participants() -> QuerySet[Participant]:
    return Participant.objects.filter(
        booking__status=BookingStatus.CONFIRMED, cancelled_at__isnull=True
    )


def participants_for_session(session: Session) -> list[Participant]:
    """Participants holding a confirmed seat, with their organisation."""
    return list(
        _confirmed_participants()
        .filter(booking__session=session)
        .select_related("booking__organisation")
        .order_by("name", "pk")
    )


def attendance_by_participant(occurrence: Occurrence) -> dict[int, str]:
    return dict(
        Attendance.objects.filter(occurrence=occurrence).values_list("participant_id", "status")
    )


def attendance_progress(session: Session) -> dict[int, int]:
    """Recorded attendances per occurrence of the session."""
    return dict(
        Attendance.objects.filter(
            occurrence__session=session,
            participant__booking__status=BookingStatus.CONFIRMED,
            participant__cancelled_at__isnull=True,
        )
        .values("occurrence_id")
        .annotate(count=Count("pk"))
        .values_list("occurrence_id", "count")
    )


def trainers_for_training_page(*, translation_key) -> list[Trainer]:
    """Trainers who agreed to be shown and run an upcoming public session of the training."""
    # The sessions first (by their training's key): joined in one query, PostgreSQL would
    # rather read every session than the few assignments.
    sessions = list(
        upcoming_public_sessions(translation_key=translation_key).values_list("pk", flat=True)
    )
    if not sessions:
        return []
    teaching = Assignment.objects.filter(
        trainer=OuterRef("pk"), status=AssignmentStatus.ACCEPTED, session_id__in=sessions
    )
    return list(
        Trainer.objects.filter(Exists(teaching), show_on_training_pages=True, is_active=True)
        .select_related("photo")
        .prefetch_related("photo__renditions")
        .order_by("name")
    )


def staff_session(user, session_id: int) -> Session | None:
    """A session of the user's state networks for the admin assignment and attendance views,
    with what eligibility needs."""
    return (
        sessions_for_staff(user)
        .select_related("training__topic", "language", "venue")
        .filter(pk=session_id)
        .first()
    )


# --- the staff's view of the shared register ---------------------------------------------------


def trainers_for_staff(user) -> QuerySet[Trainer]:
    """The trainers who work in the user's state networks (all for the federal office). The
    register is shared: a trainer working in two states is seen by both states' staff."""
    scope = staff_scope(user)
    if scope.national:
        return Trainer.objects.all()
    ids = [
        pk
        for pk, states in Trainer.objects.values_list("pk", "states")
        if scope.states.intersection(states or [])
    ]
    return Trainer.objects.filter(pk__in=ids)


def certifications_for_staff(user) -> QuerySet[Certification]:
    return Certification.objects.filter(trainer__in=trainers_for_staff(user))


def assignments_for_staff(user) -> QuerySet[Assignment]:
    """Assignments to the sessions of the user's state networks: a trainer working in two
    states is seen by each state's staff for that state's assignments only."""
    return staff_scope(user).filter(Assignment.objects.all(), "session__state")


@dataclass(frozen=True)
class TrainerlessSessions:
    count: int
    # The next ones, each with `lost_assignments`: those that ended, the latest first.
    sessions: list[Session]


def sessions_that_lost_their_trainer(user, *, limit: int = 10) -> TrainerlessSessions:
    """Sessions of the user's state networks, not cancelled and with dates to come, that had a
    trainer whose assignment ended (declined or withdrawn) and have no active assignment now;
    the next first. A fixed number of queries at any data size."""
    assignments = Assignment.objects.filter(session=OuterRef("pk"))
    sessions = (
        sessions_for_staff(user)
        .filter(ends_at__gt=timezone.now())
        .exclude(status=SessionStatus.CANCELLED)
        .filter(Exists(assignments.exclude(status__in=ACTIVE_STATUSES)))
        .exclude(Exists(assignments.filter(status__in=ACTIVE_STATUSES)))
    )
    lost = (
        Assignment.objects.exclude(status__in=ACTIVE_STATUSES)
        .select_related("trainer")
        .order_by("-updated_at", "-pk")
    )
    listed = (
        sessions.select_related("training")
        .prefetch_related(Prefetch("assignments", queryset=lost, to_attr="lost_assignments"))
        .order_by("starts_at", "pk")[:limit]
    )
    return TrainerlessSessions(count=sessions.count(), sessions=list(listed))


def session_assignments(session: Session) -> list[Assignment]:
    return list(
        Assignment.objects.filter(session=session)
        .select_related("trainer", "assigned_by")
        .order_by("status", "role", "trainer__name")
    )


# --- eligibility and ranking --------------------------------------------------------------


@dataclass
class Candidate:
    """One trainer's standing for a session: why not (reasons), else how well they fit."""

    trainer: Trainer
    reasons: list[str] = field(default_factory=list)
    teaches_online: bool = True
    in_state: bool = False
    speaks_language: bool = False
    month_assignments: int = 0
    assignment: Assignment | None = None

    @property
    def eligible(self) -> bool:
        return not self.reasons and self.assignment is None

    def rank(self) -> tuple:
        return (
            not self.teaches_online,
            not self.in_state,
            not self.speaks_language,
            self.month_assignments,
            self.trainer.name.lower(),
        )


@dataclass(frozen=True)
class SessionFacts:
    session: Session
    occurrences: list[Occurrence]
    days: list[date]  # the occurrences' local dates

    @property
    def topic(self):
        return self.session.training.topic


def candidates_for_session(*, session: Session, user=None) -> list[Candidate]:
    """Every active trainer the user may assign (a state network's staff: those who work in the
    session's state network; the federal office: all): the eligible ones ranked first (teaching
    online for an online session, working in the session's state network, speaking its
    language, fewest assignments in the session's month), then those already assigned, then the
    others by name, each with the reasons they cannot run the session."""
    facts = _session_facts(session)
    trainers = Trainer.objects.filter(is_active=True).order_by("name")
    if user is not None and not staff_scope(user).national:
        trainers = trainers_working_in(trainers, session.state)
    trainers = list(trainers)
    candidates = _judge(facts, trainers)
    eligible = sorted((c for c in candidates if c.eligible), key=Candidate.rank)
    assigned = [c for c in candidates if c.assignment is not None]
    others = [c for c in candidates if not c.eligible and c.assignment is None]
    return eligible + assigned + others


def refusals(*, session: Session, trainer: Trainer, ignore: Assignment | None = None) -> list[str]:
    """Why `trainer` cannot run `session` (empty: they can). `ignore`: an assignment of this
    trainer in this session that does not count as being already assigned."""
    facts = _session_facts(session)
    candidate = _judge(facts, [trainer], ignore=ignore)[0]
    if candidate.assignment is not None:
        return [_("%(name)s is already assigned to this session.") % {"name": trainer.name}]
    return candidate.reasons


def _session_facts(session: Session) -> SessionFacts:
    occurrences = list(
        Occurrence.objects.filter(session=session, is_cancelled=False).order_by("start")
    )
    return SessionFacts(
        session=session,
        occurrences=occurrences,
        days=[occurrence.local_date for occurrence in occurrences],
    )


def _judge(
    facts: SessionFacts, trainers: list[Trainer], *, ignore: Assignment | None = None
) -> list[Candidate]:
    session, occurrences = facts.session, facts.occurrences
    ids = [trainer.pk for trainer in trainers]
    candidates = {trainer.pk: Candidate(trainer=trainer) for trainer in trainers}
    if not occurrences:
        for candidate in candidates.values():
            candidate.reasons.append(_("The session has no dates."))
        return list(candidates.values())
    one_trainer = ids if len(ids) == 1 else None

    speakers = set(
        Trainer.languages.through.objects.filter(language_id=session.language_id)
        .filter(_ids_filter("trainer_id", one_trainer))
        .values_list("trainer_id", flat=True)
    )
    certifications = defaultdict(list)
    for trainer_id, issued_on, valid_until in Certification.objects.filter(
        _ids_filter("trainer_id", one_trainer), topic_id=facts.topic.pk
    ).values_list("trainer_id", "issued_on", "valid_until"):
        certifications[trainer_id].append((issued_on, valid_until))
    working, absences = _windows(occurrences, one_trainer)
    busy = _busy(session, occurrences, one_trainer)
    month_counts = _month_counts(session, one_trainer)
    current = {
        a.trainer_id: a
        for a in Assignment.objects.filter(
            _ids_filter("trainer_id", one_trainer), session=session, status__in=ACTIVE_STATUSES
        )
        if ignore is None or a.pk != ignore.pk
    }

    for trainer_id, candidate in candidates.items():
        trainer = candidate.trainer
        candidate.teaches_online = trainer.online or not session.online
        candidate.in_state = session.state in (trainer.states or [])
        candidate.speaks_language = trainer_id in speakers
        candidate.month_assignments = month_counts.get(trainer_id, 0)
        candidate.assignment = current.get(trainer_id)
        reason = _certification_reason(facts, certifications.get(trainer_id, []))
        if reason:
            candidate.reasons.append(reason)
        candidate.reasons += _availability_reasons(
            occurrences, working.get(trainer_id, []), absences.get(trainer_id, [])
        )
        reason = _busy_reason(occurrences, busy.get(trainer_id, []))
        if reason:
            candidate.reasons.append(reason)
    return list(candidates.values())


def _ids_filter(name: str, ids: list[int] | None) -> Q:
    return Q(**{f"{name}__in": ids}) if ids is not None else Q()


def _overlapping(occurrences: list[Occurrence]) -> Q:
    """Rows with `start`/`end` that overlap any of the occurrences. Windows and occurrences are
    at most a (long) day, so a row cannot start earlier than that before an occurrence: the
    bound keeps the scan of the start index short."""
    return reduce(
        or_,
        (
            Q(start__lt=o.end, end__gt=o.start, start__gte=o.start - MAX_WINDOW_LENGTH)
            for o in occurrences
        ),
    )


def _windows(occurrences, ids) -> tuple[dict, dict]:
    working, absences = defaultdict(list), defaultdict(list)
    rows = (
        AvailabilityWindow.objects.filter(_overlapping(occurrences), _ids_filter("trainer_id", ids))
        .order_by("start")
        .values_list("trainer_id", "is_absence", "start", "end")
    )
    for trainer_id, is_absence, start, end in rows:
        (absences if is_absence else working)[trainer_id].append(Window(start, end))
    return working, absences


@dataclass(frozen=True)
class BusyTime:
    start: datetime
    end: datetime
    title: str


def _busy(session, occurrences, ids) -> dict[int, list[BusyTime]]:
    """Per trainer, the dates of other sessions (not cancelled) that overlap this session's
    dates and in which the trainer has accepted an assignment; one query."""
    busy = defaultdict(list)
    rows = (
        Occurrence.objects.filter(
            _overlapping(occurrences),
            _ids_filter("session__assignments__trainer_id", ids),
            is_cancelled=False,
            session__assignments__status=AssignmentStatus.ACCEPTED,
        )
        .exclude(session_id=session.pk)
        .exclude(session__status=SessionStatus.CANCELLED)
        .values_list("session__assignments__trainer_id", "start", "end", "session__training__title")
    )
    for trainer_id, start, end, title in rows:
        busy[trainer_id].append(BusyTime(start, end, title))
    return busy


def _month_counts(session: Session, ids) -> dict[int, int]:
    local = timezone.localtime(session.starts_at, BERLIN)
    month_start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    next_month = (month_start + timedelta(days=32)).replace(day=1)
    return dict(
        Assignment.objects.filter(
            _ids_filter("trainer_id", ids),
            status__in=ACTIVE_STATUSES,
            session__starts_at__gte=month_start,
            session__starts_at__lt=next_month,
        )
        .values("trainer_id")
        .annotate(count=Count("pk"))
        .values_list("trainer_id", "count")
    )


def _certification_reason(facts: SessionFacts, periods: list[tuple[date, date]]) -> str | None:
    topic = facts.topic.label
    if not periods:
        return _("Not certified for “%(topic)s”.") % {"topic": topic}
    expiry = max(valid_until for _issued_on, valid_until in periods)
    for day in facts.days:
        if any(issued_on <= day <= valid_until for issued_on, valid_until in periods):
            continue
        if expiry < timezone.localdate():
            return _("The certification for “%(topic)s” expired on %(expiry)s.") % {
                "topic": topic,
                "expiry": _day(expiry),
            }
        if expiry < day:
            return _(
                "The certification for “%(topic)s” expires on %(expiry)s, before the session's "
                "date on %(date)s."
            ) % {"topic": topic, "expiry": _day(expiry), "date": _day(day)}
        return _("Not certified for “%(topic)s” on %(date)s.") % {"topic": topic, "date": _day(day)}
    return None


def _availability_reasons(occurrences, working: list[Window], absences: list[Window]) -> list:
    reasons = []
    for occurrence in occurrences:
        if overlaps(occurrence.start, occurrence.end, absences):
            reasons.append(_("Absent on %(date)s.") % {"date": _day(occurrence.local_date)})
            break
    for occurrence in occurrences:
        if not covered(occurrence.start, occurrence.end, working):
            reasons.append(
                _("Outside the working times on %(date)s, %(start)s–%(end)s.")
                % {
                    "date": _day(occurrence.local_date),
                    "start": _time(occurrence.start),
                    "end": _time(occurrence.end),
                }
            )
            break
    return reasons


def _busy_reason(occurrences, busy: list[BusyTime]) -> str | None:
    for occurrence in occurrences:
        for other in busy:
            if other.start < occurrence.end and other.end > occurrence.start:
                return _("Teaching “%(training)s” at the same time on %(date)s.") % {
                    "training": other.title,
                    "date": _day(occurrence.local_date),
                }
    return None


def _day(day: date) -> str:
    return _formatted_day(day, get_language())


@lru_cache(maxsize=512)
def _formatted_day(day: date, language: str) -> str:
    """Formatting is slow and the same few dates recur for every trainer."""
    return date_format(day, "DATE_FORMAT")


def _time(value: datetime) -> str:
    return time_format(timezone.localtime(value, BERLIN), "H:i")


# --- personal data ---------------------------------------------------------------------------


def personal_data_for_user(user) -> dict | None:
    """What the platform holds about a trainer, for the member's personal-data download
    (bookings.retention): profile, certifications, working times and absences, assignments."""
    trainer = (
        Trainer.objects.filter(user=user).prefetch_related("languages", "certifications").first()
    )
    if trainer is None:
        return None
    return {
        "name": trainer.name,
        "bio": trainer.bio,
        "bio_en": trainer.bio_en,
        "languages": [language.code for language in trainer.languages.all()],
        "state_networks": trainer.states,
        "teaches_online": trainer.online,
        "shown_on_training_pages": trainer.show_on_training_pages,
        "active": trainer.is_active,
        "certifications": [
            {
                "topic": str(certification.topic),
                "issued_by": certification.issued_by,
                "issued_on": certification.issued_on,
                "valid_until": certification.valid_until,
                "document": certification.document.title if certification.document else None,
            }
            for certification in trainer.certifications.select_related("topic", "document")
        ],
        "availability": [
            {
                "kind": rule.kind,
                "first_date": rule.first_date,
                "last_date": rule.last_date,
                "start_time": rule.start_time,
                "end_time": rule.end_time,
                "repeats": recurrence.serialize(rule.recurrences) if rule.recurrences else "",
                "note": rule.note,
            }
            for rule in trainer.availability_rules.order_by("first_date", "pk")
        ],
        "assignments": [
            {
                "session": str(assignment.session),
                "role": assignment.role,
                "status": assignment.status,
                "assigned_at": assignment.created_at,
                "answered_at": assignment.responded_at,
            }
            for assignment in trainer.assignments.select_related("session__training").order_by(
                "created_at"
            )
        ],
    }


def trainers_working_in(trainers: QuerySet[Trainer], state: str) -> QuerySet[Trainer]:
    """Those of `trainers` who work in the state network `state`."""
    ids = [pk for pk, states in trainers.values_list("pk", "states") if state in (states or [])]
    return trainers.filter(pk__in=ids)
