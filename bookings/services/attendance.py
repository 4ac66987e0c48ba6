"""Attendance per participant and date, and closing a session as held. Written under the
session lock; every change is logged with who and when."""

from collections.abc import Mapping

from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from bookings.models import (
    Attendance,
    AttendanceStatus,
    Booking,
    BookingStatus,
    Function,
    Participant,
)
from bookings.services.errors import BookingError
from bookings.services.locking import session_locked
from bookings.services.periods import check_period_open
from bookings.services.scope import check_staff_scope
from bookings.services.seats import sync_seats
from catalogue.models import Occurrence, Session
from catalogue.models.sessions import SessionStatus
from catalogue.services import CatalogueError, session_save

ATTENDANCE_ACTION = "iq.attendance"
SESSION_HELD_ACTION = "iq.session.held"
SESSION_REOPENED_ACTION = "iq.session.reopened"
ON_THE_DAY_ACTION = "iq.participant.on_the_day"

# Sent with `session` inside the transaction that marks it held, its attendance final: apps
# that follow up on a training held (evaluations) connect here, so bookings never imports them.
session_held = Signal()


def attendance_record(
    *, occurrence: Occurrence, statuses: Mapping[int, str], by, as_staff: bool = False
) -> int:
    """Record present, absent or excused (by participant id) for one date of a session. After
    the session is marked held only staff may change it. Each change is logged; returns how
    many changed. The caller checks that `by` may record for this session."""
    if not statuses:
        raise BookingError(_("Choose present, absent or excused for at least one participant."))
    if any(status not in AttendanceStatus.values for status in statuses.values()):
        raise BookingError(_("Choose present, absent or excused for every participant."))
    with session_locked(occurrence.session_id) as session:
        if as_staff:
            check_staff_scope(by, session.state)
        occurrence = _attendance_occurrence(session, occurrence.pk, as_staff)
        attending = set(_attending(session).values_list("pk", flat=True))
        if not set(statuses) <= attending:
            raise BookingError(
                _("Attendance can only be recorded for participants of this session.")
            )
        return _attendance_write(occurrence, statuses, by)


def attendance_all_present(*, occurrence: Occurrence, by, as_staff: bool = False) -> int:
    """Mark every participant of the session present on this date."""
    with session_locked(occurrence.session_id) as session:
        if as_staff:
            check_staff_scope(by, session.state)
        occurrence = _attendance_occurrence(session, occurrence.pk, as_staff)
        present = dict.fromkeys(_attending(session).values_list("pk", flat=True), "present")
        return _attendance_write(occurrence, present, by)


def session_mark_held(*, session: Session, by, as_staff: bool = False) -> Session:
    """Close a session as held once its last date has ended. Trainers must have recorded every
    participant on every date first; staff may close it with gaps (a gap counts as not
    present)."""
    with session_locked(session.pk) as locked:
        if as_staff:
            check_staff_scope(by, locked.state)
        if locked.status == SessionStatus.HELD:
            raise BookingError(_("This session has already been marked as held."))
        if locked.status == SessionStatus.CANCELLED:
            raise BookingError(_("A cancelled session cannot be marked as held."))
        if not locked.has_ended:
            raise BookingError(_("A session can be marked as held once its last date has ended."))
        if not as_staff:
            check_period_open(locked)
        occurrences = locked.active_occurrences
        if not as_staff:
            attending = _attending(locked)
            recorded = Attendance.objects.filter(
                occurrence__in=occurrences, participant__in=attending
            ).count()
            if recorded < attending.count() * len(occurrences):
                raise BookingError(
                    _("Record the attendance of every participant on every date first.")
                )
        previous = locked.status
        locked.status = SessionStatus.HELD
        try:
            session_save(session=locked, status_change=True)
        except CatalogueError as error:
            raise BookingError(str(error)) from None
        log(instance=locked, action=SESSION_HELD_ACTION, user=by, data={"from": previous})
        session_held.send(sender=Session, session=locked)
    return locked


def session_reopen(*, session: Session, by, reason: str) -> Session:
    """Take back "held" (to correct attendance, say): staff only, with a reason, logged. The
    session counts as a training held again once it is marked held again."""
    reason = reason.strip()
    if not reason:
        raise BookingError(_("Say why the session is reopened; the reason is kept in its history."))
    with session_locked(session.pk) as locked:
        check_staff_scope(by, locked.state)
        if locked.status != SessionStatus.HELD:
            raise BookingError(_("Only a session marked as held can be reopened."))
        check_period_open(locked)
        locked.status = SessionStatus.OPEN
        session_save(session=locked, status_change=True)
        log(
            instance=locked,
            action=SESSION_REOPENED_ACTION,
            user=by,
            data={"reason": reason},
        )
    return locked


def participant_on_the_day(
    *,
    session: Session,
    booking_id: int,
    name: str,
    function: str,
    by,
    replaces_id: int | None = None,
    as_staff: bool = False,
) -> Participant:
    """Record someone who came to the session: in addition to a confirmed booking's people (a
    walk-in: the booking gains a seat) or in place of one of them who was not present on any
    date (that one is cancelled). From the first date until the session is closed; logged;
    counted and certified like everyone else. The caller checks that `by` may record for this
    session."""
    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise BookingError(_("Enter the name of the participant (at most 200 characters)."))
    if function not in Function.values:
        raise BookingError(_("Choose employee or manager."))
    with session_locked(session.pk) as locked:
        if as_staff:
            check_staff_scope(by, locked.state)
        if locked.status in (SessionStatus.HELD, SessionStatus.CANCELLED):
            raise BookingError(
                _("The session is closed; staff reopen it before participants change.")
            )
        check_period_open(locked)
        if not any(occurrence.day_has_come for occurrence in locked.active_occurrences):
            raise BookingError(_("Participants are added on the day, from the first date on."))
        booking = Booking.objects.filter(
            pk=booking_id, session=locked, status=BookingStatus.CONFIRMED
        ).first()
        if booking is None:
            raise BookingError(_("Choose a confirmed booking of this session."))
        replaced = None
        if replaces_id is not None:
            replaced = booking.participants.filter(
                pk=replaces_id, cancelled_at__isnull=True
            ).first()
            if replaced is None:
                raise BookingError(_("Choose a participant of this booking to replace."))
            if replaced.attendances.filter(status=AttendanceStatus.PRESENT).exists():
                raise BookingError(
                    _(
                        "%(name)s was present on a date and stays; add the other person "
                        "without replacing anyone."
                    )
                    % {"name": replaced.name}
                )
            replaced.cancelled_at = timezone.now()
            replaced.save(update_fields=["cancelled_at"])
        else:
            booking.seats += 1
            booking.save(update_fields=["seats", "updated_at"])
        participant = Participant.objects.create(
            booking=booking,
            name=name,
            function=function,
            added_on_the_day=True,
            replaces=replaced,
        )
        sync_seats(locked)
        log(
            instance=participant,
            action=ON_THE_DAY_ACTION,
            user=by,
            data={"booking": booking.reference, "replaces": replaced.pk if replaced else None},
        )
    return participant


def _attending(session: Session):
    """Participants holding a confirmed seat in the session."""
    return Participant.objects.filter(
        booking__session=session,
        booking__status=BookingStatus.CONFIRMED,
        cancelled_at__isnull=True,
    )


def _attendance_occurrence(session: Session, occurrence_id: int, as_staff: bool) -> Occurrence:
    """The date to record on; staff correct inside a closed reporting period (logged, shown as
    a difference to the closed report), trainers do not."""
    if not as_staff:
        check_period_open(session)
    occurrence = Occurrence.objects.filter(session=session, pk=occurrence_id).first()
    if occurrence is None or occurrence.is_cancelled:
        raise BookingError(_("This date does not take place."))
    if session.status == SessionStatus.CANCELLED:
        raise BookingError(_("This session has been cancelled."))
    if session.status == SessionStatus.HELD and not as_staff:
        raise BookingError(
            _("The session has been marked as held; only programme staff can change attendance.")
        )
    if not occurrence.has_begun:
        raise BookingError(_("Attendance can be recorded once the date has begun."))
    return occurrence


def _attendance_write(occurrence: Occurrence, statuses: Mapping[int, str], by) -> int:
    existing = {
        attendance.participant_id: attendance
        for attendance in Attendance.objects.filter(
            occurrence=occurrence, participant_id__in=list(statuses)
        )
    }
    changed = 0
    for participant_id, status in statuses.items():
        attendance = existing.get(participant_id)
        previous = attendance.status if attendance else ""
        if previous == status:
            continue
        if attendance is None:
            attendance = Attendance(participant_id=participant_id, occurrence=occurrence)
        attendance.status = status
        attendance.recorded_by = by
        attendance.save()
        log(
            instance=attendance,
            action=ATTENDANCE_ACTION,
            user=by,
            data={"occurrence": occurrence.pk, "from": previous, "to": status},
        )
        changed += 1
    return changed
