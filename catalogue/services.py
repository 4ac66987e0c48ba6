"""Writes with rules for the catalogue: saving a session and expanding its schedule; who works
for which state network."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _

from catalogue.caching import catalogue_changed
from catalogue.models.sessions import Occurrence, Session, SessionStatus
from catalogue.models.staff import StateStaff
from catalogue.roles import (
    FEDERAL_GROUP,
    FEDERAL_PERMISSIONS,
    STAFF_GROUP,
    STAFF_PERMISSIONS,
    ensure_group,
)
from catalogue.schedule import MAX_DATES, ScheduleTooLong, Slot, schedule_slots
from catalogue.selectors.staff import staff_scope

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


# Statuses only the booking services set, with their checks (bookings.services): held
# (session_mark_held, session_reopen) and cancelled (session_cancel).
SERVICE_STATUSES = frozenset({SessionStatus.HELD, SessionStatus.CANCELLED})


SCHEDULE_FIELDS = ("first_date", "start_time", "end_time", "recurrences")


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
def session_save(*, session: Session, by=None, status_change: bool = False) -> Session:
    """Save a session (new or changed) and bring its occurrences in line with its schedule.
    Staff (`by`) work on the sessions of their state networks only; None: the system (the
    booking services, imports). Held and cancelled come and go only through the booking
    services (`status_change`), which check what those mean."""
    session_slots(session=session)
    scope = staff_scope(by) if by is not None else None
    if scope and not scope.allows(session.state):
        raise CatalogueError(_("This session belongs to another state network."))
    previous = Session.objects.select_for_update().get(pk=session.pk) if session.pk else None
    previous_status = previous.status if previous else SessionStatus.PLANNED
    if (
        not status_change
        and previous_status != session.status
        and SERVICE_STATUSES & {previous_status, session.status}
    ):
        raise CatalogueError(
            _(
                "A session is marked as held from its attendance, reopened with a reason and "
                "cancelled with its bookings; the status cannot be set here."
            )
        )
    if previous is not None:
        if scope and not scope.allows(previous.state):
            raise CatalogueError(_("This session belongs to another state network."))
        if previous.status == SessionStatus.HELD and any(
            str(getattr(previous, field)) != str(getattr(session, field))
            for field in SCHEDULE_FIELDS
        ):
            raise CatalogueError(
                _("The dates of a session held are what took place; reopen it to correct them.")
            )
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


# --- who works for which state network -------------------------------------------------------


@transaction.atomic
def staff_grant(*, user, states=(), federal: bool = False) -> None:
    """Make `user` staff of the state networks `states`, or of the federal office; the groups
    are made where missing. Granting again changes nothing."""
    staff = ensure_group(Group, Permission, STAFF_GROUP, STAFF_PERMISSIONS)
    user.groups.add(staff)
    if federal:
        user.groups.add(ensure_group(Group, Permission, FEDERAL_GROUP, FEDERAL_PERMISSIONS))
    for state in states:
        StateStaff.objects.get_or_create(user=user, state=state)


@transaction.atomic
def staff_revoke(*, user, states=(), federal: bool = False) -> None:
    """Take `user` off the state networks `states` or the federal office (neither: off all of
    them); a user who works for none any more leaves the staff's group."""
    everything = not states and not federal
    if states or everything:
        StateStaff.objects.filter(
            user=user, **({} if everything else {"state__in": states})
        ).delete()
    if federal or everything:
        user.groups.remove(*Group.objects.filter(name=FEDERAL_GROUP))
    if (
        not StateStaff.objects.filter(user=user).exists()
        and not user.groups.filter(name=FEDERAL_GROUP).exists()
    ):
        user.groups.remove(*Group.objects.filter(name=STAFF_GROUP))
