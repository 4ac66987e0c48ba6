"""A trainer's calendar entries: what they are (catalogue.ics makes them).

Each date of an assignment has its own UID, distinct from the participants' entries for the
same date; SEQUENCE adds the assignment's changes to the session's, so it only ever rises.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from catalogue.ics import (
    CalendarEvent,
    Person,
    build_calendar,
    invitation,
    session_events,
    uid_domain,
)
from catalogue.selectors.trainings import training_translations
from trainers.models import Assignment, AssignmentRole, Trainer


def assignment_uid(assignment_id: int, occurrence_id: int) -> str:
    return f"iq-assignment-{assignment_id}-{occurrence_id}@{uid_domain()}"


def assignment_url(assignment: Assignment) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "trainers:assignment", args=[assignment.pk]
    )


def assignment_events(
    assignment: Assignment, *, title: str, cancelled: bool = False, occurrences=None
) -> list[CalendarEvent]:
    """One entry per date of the session (default: the prefetched occurrences), with the online
    access while the assignment stands."""
    session = assignment.session
    return session_events(
        session,
        occurrences,
        with_access=assignment.is_active and not cancelled,
        title=f"{title} ({assignment.get_role_display()})",
        url=assignment_url(assignment),
        uid=lambda occurrence_id: assignment_uid(assignment.pk, occurrence_id),
        sequence=session.sequence + assignment.sequence,
        cancelled=cancelled,
        last_modified=max(assignment.updated_at, session.updated_at),
    )


def training_titles(assignments: list[Assignment]) -> dict[str, str]:
    """Training titles in the active language, by the training's translation key."""
    pages = training_translations(
        translation_keys={a.session.training_key for a in assignments},
        language_code=get_language(),
    )
    return {key: page.title for key, page in pages.items()}


def title_for(assignment: Assignment, titles: dict[str, str]) -> str:
    return titles.get(str(assignment.session.training_key), assignment.session.training.title)


def assignment_invitation(assignment: Assignment, *, method: str, occurrences=None) -> bytes:
    """The .ics an assignment email carries: REQUEST, or CANCEL to take it back (all its dates,
    or `occurrences`)."""
    title = assignment.session.training.localized.title
    trainer = assignment.trainer
    return invitation(
        assignment_events(
            assignment, title=title, cancelled=method == "CANCEL", occurrences=occurrences
        ),
        name=title,
        method=method,
        attendee=Person(
            email=trainer.email,
            name=trainer.name,
            role="CHAIR" if assignment.role == AssignmentRole.LEAD else "REQ-PARTICIPANT",
        ),
    )


def trainer_feed(trainer: Trainer, assignments: list[Assignment]) -> bytes:
    titles = training_titles(assignments)
    events = []
    for assignment in assignments:
        events += assignment_events(assignment, title=title_for(assignment, titles))
    return build_calendar(
        events, name=_("IQ assignments of %(name)s") % {"name": trainer.name}, method="PUBLISH"
    )
