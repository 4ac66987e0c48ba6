"""Calendar entries of a trainer's assignments (RFC 5545, written by catalogue.ics).

Each date of an assignment has its own UID, distinct from the participants' entries for the
same date; SEQUENCE adds the assignment's changes to the session's, so it only ever rises.
"""

from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from catalogue.ics import CalendarEvent, Person, build_calendar, uid_domain, venue_location
from catalogue.models.sessions import SessionStatus
from catalogue.selectors import training_translations
from trainers.models import Assignment, Trainer


def assignment_uid(assignment_id: int, occurrence_id: int) -> str:
    return f"iq-assignment-{assignment_id}-{occurrence_id}@{uid_domain()}"


def assignment_url(assignment: Assignment) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "trainers:assignment", args=[assignment.pk]
    )


def assignment_events(
    assignment: Assignment, *, title: str, cancelled: bool = False
) -> list[CalendarEvent]:
    """One event per date of the session (uses prefetched occurrences)."""
    session = assignment.session
    url = assignment_url(assignment)
    summary = f"{title} ({assignment.get_role_display()})"
    session_cancelled = cancelled or session.status == SessionStatus.CANCELLED
    return [
        CalendarEvent(
            uid=assignment_uid(assignment.pk, occurrence.pk),
            sequence=session.sequence + assignment.sequence,
            start=occurrence.start,
            end=occurrence.end,
            summary=summary,
            location=venue_location(session.venue),
            description=url,
            url=url,
            cancelled=session_cancelled or occurrence.is_cancelled,
            last_modified=max(assignment.updated_at, session.updated_at),
        )
        for occurrence in session.occurrences.all()
    ]


def training_titles(assignments: list[Assignment]) -> dict[str, str]:
    """Training titles in the active language, by the training's translation key."""
    pages = training_translations(
        translation_keys={a.session.training_key for a in assignments},
        language_code=get_language(),
    )
    return {key: page.title for key, page in pages.items()}


def title_for(assignment: Assignment, titles: dict[str, str]) -> str:
    return titles.get(str(assignment.session.training_key), assignment.session.training.title)


def assignment_calendar(assignment: Assignment, *, method: str) -> bytes:
    """The .ics attached to an assignment email: REQUEST, or CANCEL to take it back."""
    title = title_for(assignment, training_titles([assignment]))
    organizer_name, organizer_email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    trainer = assignment.trainer
    return build_calendar(
        assignment_events(assignment, title=title, cancelled=method == "CANCEL"),
        name=title,
        method=method,
        organizer=Person(email=organizer_email, name=organizer_name),
        attendees=[
            Person(
                email=trainer.email,
                name=trainer.name,
                role="CHAIR" if assignment.role == "lead" else "REQ-PARTICIPANT",
            )
        ],
    )


def trainer_feed(trainer: Trainer, assignments: list[Assignment]) -> bytes:
    titles = training_titles(assignments)
    events = []
    for assignment in assignments:
        events += assignment_events(assignment, title=title_for(assignment, titles))
    return build_calendar(
        events, name=_("IQ assignments of %(name)s") % {"name": trainer.name}, method="PUBLISH"
    )
