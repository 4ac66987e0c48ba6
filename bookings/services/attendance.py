"""Attendance per participant and date, and closing a session as held. Written under the
session lock; every change is logged with who and when."""

from collections.abc import Mapping

from django.utils.translation import gettext as _
from wagtail.log_actions import log

from bookings.models import Attendance, AttendanceStatus, BookingStatus, Participant
from bookings.services.errors import BookingError
from bookings.services.locking import session_locked
from bookings.services.scope import check_staff_scope
from catalogue.models import Occurrence, Session
from catalogue.models.sessions import SessionStatus
from catalogue.services import CatalogueError, session_save

ATTENDANCE_ACTION = "iq.attendance"
SESSION_HELD_ACTION = "iq.session.held"


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
            session_save(session=locked)
        except CatalogueError as error:
            raise BookingError(str(error)) from None
        log(instance=locked, action=SESSION_HELD_ACTION, user=by, data={"from": previous})
    return locked


def _attending(session: Session):
    """Participants holding a confirmed seat in the session."""
    return Participant.objects.filter(
        booking__session=session,
        booking__status=BookingStatus.CONFIRMED,
        cancelled_at__isnull=True,
    )


def _attendance_occurrence(session: Session, occurrence_id: int, as_staff: bool) -> Occurrence:
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
