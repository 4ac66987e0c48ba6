"""Writes with rules for the catalogue: saving a session and expanding its schedule."""

from django.db import transaction
from django.utils.translation import gettext as _

from catalogue.caching import catalogue_changed
from catalogue.models.sessions import Occurrence, Session, SessionStatus
from catalogue.schedule import MAX_DATES, ScheduleTooLong, Slot, schedule_slots

# Fields whose change alters what a calendar shows; changing one raises the SEQUENCE.
CALENDAR_FIELDS = (
    "training_id",
    "venue_id",
    "online",
    "status",
    "first_date",
    "start_time",
    "end_time",
    "recurrences",
)


class CatalogueError(Exception):
    """A catalogue rule refused the change; the message says why."""


def session_slots(*, session: Session) -> list[Slot]:
    """The session's dates as instants; refuses an empty or overlong schedule."""
    try:
        slots = schedule_slots(
            first_date=session.first_date,
            start_time=session.start_time,
            end_time=session.end_time,
            recurrence=session.recurrences,
        )
    except ScheduleTooLong:
        raise CatalogueError(
            _("A session can have at most %(max)s dates; give the rule an end date or a count.")
            % {"max": MAX_DATES}
        ) from None
    if not slots:
        raise CatalogueError(_("The schedule has no dates left; check the excluded dates."))
    return slots


@transaction.atomic
def session_save(*, session: Session) -> Session:
    """Save a session (new or changed) and bring its occurrences in line with its schedule."""
    session_slots(session=session)
    if session.pk:
        previous = Session.objects.select_for_update().get(pk=session.pk)
        if session.capacity < previous.seats_taken:
            raise CatalogueError(
                _("%(taken)s seats are already taken; the capacity cannot be lower.")
                % {"taken": previous.seats_taken}
            )
        if any(
            str(getattr(previous, field)) != str(getattr(session, field))
            for field in CALENDAR_FIELDS
        ):
            session.sequence = previous.sequence + 1
        else:
            session.sequence = previous.sequence
    session.training_key = session.training.translation_key
    session.save()
    session_schedule_expand(session=session)
    catalogue_changed()
    return session


def session_schedule_expand(*, session: Session) -> None:
    """Create, move and retire Occurrence rows so they match the session's schedule.

    A date dropped from a session that was never published is deleted; once a session has been
    open for booking, a dropped date stays as a cancelled occurrence so calendars learn of it.
    """
    slots = {slot.local_date: slot for slot in session_slots(session=session)}
    existing = {occurrence.local_date: occurrence for occurrence in session.occurrences.all()}
    to_create, to_update, to_delete = [], [], []
    for day, slot in slots.items():
        occurrence = existing.get(day)
        if occurrence is None:
            to_create.append(Occurrence(session=session, start=slot.start, end=slot.end))
        elif (occurrence.start, occurrence.end, occurrence.is_cancelled) != (
            slot.start,
            slot.end,
            False,
        ):
            occurrence.start, occurrence.end, occurrence.is_cancelled = slot.start, slot.end, False
            to_update.append(occurrence)
    for day, occurrence in existing.items():
        if day in slots:
            continue
        if session.status == SessionStatus.PLANNED:
            to_delete.append(occurrence.pk)
        elif not occurrence.is_cancelled:
            occurrence.is_cancelled = True
            to_update.append(occurrence)

    Occurrence.objects.filter(pk__in=to_delete).delete()
    Occurrence.objects.bulk_update(to_update, ["start", "end", "is_cancelled"])
    Occurrence.objects.bulk_create(to_create)

    session.starts_at = min(slot.start for slot in slots.values())
    session.ends_at = max(slot.end for slot in slots.values())
    Session.objects.filter(pk=session.pk).update(
        starts_at=session.starts_at, ends_at=session.ends_at
    )
