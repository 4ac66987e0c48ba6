"""Writes with rules for the catalogue: saving a session and expanding its schedule; who works
for which state network; what the search finds of a training."""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Collection

from catalogue.caching import catalogue_changed
from catalogue.changes import CHANGE_FIELDS, SessionChange, change_tell
from catalogue.models.materials import Material
from catalogue.models.search import TrainingSearch, search_document
from catalogue.models.sessions import Occurrence, Session, SessionStatus
from catalogue.models.staff import StateStaff
from catalogue.models.taxonomy import Topic
from catalogue.models.training import TrainingPage
from catalogue.roles import (
    FEDERAL_GROUP,
    FEDERAL_PERMISSIONS,
    STAFF_GROUP,
    STAFF_PERMISSIONS,
    ensure_group,
)
from catalogue.schedule import MAX_DATES, ScheduleTooLong, Slot, schedule_slots
from catalogue.selectors.staff import staff_scope
from catalogue.selectors.translations import TRANSLATION_CURRENT_ACTION

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
    "meeting_url",
    "access_notes",
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
def session_save(
    *, session: Session, by=None, status_change: bool = False, notice: bool = False
) -> Session:
    """Save a session (new or changed) and bring its occurrences in line with its schedule.
    Staff (`by`) work on the sessions of their state networks only; None: the system (the
    booking services, imports). Held and cancelled come and go only through the booking
    services (`status_change`), which check what those mean. With `notice`, everyone concerned
    is told of the change (catalogue.changes); staff may leave it out for a trivial fix."""
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
    session.training = session.training.facts  # sessions belong to the default language's page
    session.training_key = session.training.translation_key
    session.save()
    dates = session_schedule_expand(session=session)
    catalogue_changed()
    if notice and previous is not None:
        what = changed_groups(previous, session) | ({"schedule"} if dates.rescheduled else set())
        if what or dates.cancelled:
            change_tell(
                SessionChange(
                    session_id=session.pk,
                    sequence=session.sequence,
                    what=what,
                    cancelled_dates=tuple(dates.cancelled),
                    added_dates=tuple(dates.added),
                    by_id=getattr(by, "pk", None),
                )
            )
    return session


def changed_groups(previous: Session, session: Session) -> frozenset[str]:
    """What people are told changed (catalogue.changes.CHANGE_FIELDS), but for the dates:
    the schedule expansion says which were added, moved or cancelled. Held and reopened are
    no news to anyone: they follow from the attendance."""
    what = {
        group
        for group, fields in CHANGE_FIELDS.items()
        if group != "schedule"
        and any(str(getattr(previous, f)) != str(getattr(session, f)) for f in fields)
    }
    if SessionStatus.HELD in (previous.status, session.status):
        what.discard("status")
    return frozenset(what)


def session_change_preview(*, session: Session) -> SessionChange | None:
    """The change saving `session` (edited, not saved) would tell people of, or None. Dates the
    schedule drops count as cancelled; new dates have no id yet."""
    if session.pk is None:
        return None
    previous = Session.objects.get(pk=session.pk)
    what = set(changed_groups(previous, session))
    try:
        slots = {slot.local_date: slot for slot in session_slots(session=session)}
    except CatalogueError:
        return None  # the form shows why it cannot be saved
    active = {o.local_date: o for o in previous.occurrences.all() if not o.is_cancelled}
    cancelled = tuple(o.pk for day, o in active.items() if day not in slots)
    if any(
        day not in active or (active[day].start, active[day].end) != (slot.start, slot.end)
        for day, slot in slots.items()
    ):
        what.add("schedule")
    if not what:
        return None
    return SessionChange(
        session_id=session.pk,
        sequence=previous.sequence + 1,
        what=frozenset(what),
        cancelled_dates=cancelled,
    )


@transaction.atomic
def session_access_save(
    *, session: Session, dates: dict[int, tuple[str, str]], by=None, notice: bool = True
) -> Session:
    """Give dates of an online session their own meeting link and access notes (`dates`: by
    occurrence id; empty values: the session's apply). Raises the SEQUENCE and, with `notice`,
    tells the confirmed participants and the trainers when anything changed."""
    locked = Session.objects.select_for_update().get(pk=session.pk)
    scope = staff_scope(by) if by is not None else None
    if scope and not scope.allows(locked.state):
        raise CatalogueError(_("This session belongs to another state network."))
    if not locked.online:
        raise CatalogueError(_("Only an online or hybrid session has online access."))
    occurrences = {o.pk: o for o in locked.occurrences.all()}
    if set(dates) - set(occurrences):
        raise CatalogueError(_("These dates do not belong to this session."))
    changed = []
    for occurrence_id, (url, notes) in dates.items():
        occurrence = occurrences[occurrence_id]
        if (occurrence.meeting_url, occurrence.access_notes) != (url, notes):
            occurrence.meeting_url, occurrence.access_notes = url, notes
            changed.append(occurrence)
    if not changed:
        return locked
    Occurrence.objects.bulk_update(changed, ["meeting_url", "access_notes"])
    locked.sequence += 1
    locked.save(update_fields=["sequence", "updated_at"])
    if notice:
        change_tell(
            SessionChange(
                session_id=locked.pk,
                sequence=locked.sequence,
                what=frozenset({"access"}),
                by_id=getattr(by, "pk", None),
            )
        )
    return locked


@dataclass(frozen=True)
class DatesChanged:
    """Occurrence ids a schedule expansion added (or brought back), moved and cancelled."""

    added: list[int]
    moved: list[int]
    cancelled: list[int]

    @property
    def rescheduled(self) -> bool:
        return bool(self.added or self.moved)


def session_schedule_expand(*, session: Session) -> DatesChanged:
    """Create, move and retire Occurrence rows so they match the session's schedule; says
    which dates were added, moved and cancelled.

    A date dropped from a session that was never published is deleted; once a session has been
    open for booking, a dropped date stays as a cancelled occurrence so calendars learn of it.
    """
    slots = {slot.local_date: slot for slot in session_slots(session=session)}
    existing = {occurrence.local_date: occurrence for occurrence in session.occurrences.all()}
    to_create, to_update, to_delete, restored = [], [], [], []
    for day, slot in slots.items():
        occurrence = existing.get(day)
        if occurrence is None:
            to_create.append(Occurrence(session=session, start=slot.start, end=slot.end))
        elif (occurrence.start, occurrence.end, occurrence.is_cancelled) != (
            slot.start,
            slot.end,
            False,
        ):
            if occurrence.is_cancelled:
                restored.append(occurrence)
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
    return DatesChanged(
        added=[o.pk for o in to_create] + [o.pk for o in restored],
        moved=[o.pk for o in to_update if not o.is_cancelled and o not in restored],
        cancelled=[o.pk for o in to_update if o.is_cancelled],
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


# --- materials ------------------------------------------------------------------------------

MATERIALS_COLLECTION = "Training materials"
MATERIAL_MAX_BYTES = 25 * 1024 * 1024
MATERIAL_EXTENSIONS = frozenset(
    {"pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "png", "jpg", "jpeg", "zip"}
)


def materials_collection() -> Collection:
    """The collection of material files. No group has permissions on it and its documents are
    never served by Wagtail's document URLs (catalogue.wagtail_hooks): only the views that
    check who asks hand them out."""
    collection = Collection.objects.filter(name=MATERIALS_COLLECTION, depth=2).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=MATERIALS_COLLECTION)
    return collection


@transaction.atomic
def material_save(*, material: Material, upload=None, by=None) -> Material:
    """Attach a file (`upload`) or a link (`material.url`) to a training or one session, or
    change a material (a new file or a link replaces its file). Staff (`by`) work on the
    sessions of their state networks; None: checked by the caller (the trainers' portal checks
    the assignment)."""
    scope = staff_scope(by) if by is not None else None
    previous = Material.objects.filter(pk=material.pk).first() if material.pk else None
    for session in (material.session, previous.session if previous else None):
        if scope and session is not None and not scope.allows(session.state):
            raise CatalogueError(_("This session belongs to another state network."))
    keeps_file = previous is not None and previous.document_id and not material.url
    if (upload is None and not keeps_file) == (not material.url) or (upload and material.url):
        raise CatalogueError(_("Give either a file or a link."))
    replaced = previous.document if previous and (upload or material.url) else None
    if upload is not None:
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in MATERIAL_EXTENSIONS:
            raise CatalogueError(
                _("Files of this type cannot be attached; allowed: %(types)s.")
                % {"types": ", ".join(sorted(MATERIAL_EXTENSIONS))}
            )
        if upload.size > MATERIAL_MAX_BYTES:
            raise CatalogueError(_("The file is larger than 25 MB."))
        document = get_document_model()(
            title=material.title, file=upload, collection=materials_collection()
        )
        document.uploaded_by_user_id = material.added_by_id or getattr(by, "pk", None)
        document.save()
        material.document = document
    elif material.url:
        material.document = None
    try:
        material.full_clean(exclude=["document"])
    except ValidationError as error:
        raise CatalogueError(" ".join(error.messages)) from None
    material.save()
    if replaced is not None:
        replaced.file.delete(save=False)
        replaced.delete()
    return material


@transaction.atomic
def material_remove(*, material: Material, by=None) -> None:
    """Remove a material and its file."""
    scope = staff_scope(by) if by is not None else None
    if scope and material.session_id and not scope.allows(material.session.state):
        raise CatalogueError(_("This session belongs to another state network."))
    document = material.document
    material.delete()
    if document is not None:
        document.file.delete(save=False)
        document.delete()


def translation_mark_current(*, page, by) -> None:
    """Record that the copy `page` says again what its source says (after comparing them)."""
    if not page.permissions_for_user(by).can_edit():
        raise CatalogueError(_("You may not edit this page."))
    log(instance=page, action=TRANSLATION_CURRENT_ACTION, user=by)


def translation_copied(*, page) -> None:
    """A copy made for translation starts as what its source says."""
    log(instance=page, action=TRANSLATION_CURRENT_ACTION, data={"copied": True})


def training_search_update(*, page: TrainingPage) -> None:
    """The search finds a live training page by its live content (the page row, never a draft)
    and an unpublished one not at all. Called when a page is published or unpublished
    (catalogue.signals) and for pages made live without publishing (bulk data)."""
    if not page.live:
        TrainingSearch.objects.filter(page=page).delete()
        return
    TrainingSearch.objects.update_or_create(
        page=page, defaults=search_document(page, postgresql=connection.vendor == "postgresql")
    )


def topic_search_update(*, topic: Topic) -> None:
    """A topic's names are in the search documents of its live trainings."""
    for page in TrainingPage.objects.live().filter(topic=topic).select_related("topic", "locale"):
        training_search_update(page=page)


@transaction.atomic
def training_search_rebuild() -> int:
    """Every search document anew (`manage.py update_training_search`); the number of live
    trainings."""
    TrainingSearch.objects.exclude(page__live=True).delete()
    pages = TrainingPage.objects.live().select_related("topic", "locale")
    for page in pages:
        training_search_update(page=page)
    catalogue_changed()
    return len(pages)
