"""Who is told what about trainers: the trainer, and the staff of the state network concerned
(the session's; for a certification the trainer's), about an invitation, an assignment's
changes (a decline, say) and a certification about to expire. Services call these inside their
transaction; bookings.outbox records the emails after commit and sends them by a task
(trainers.emails writes them). A failed email never undoes what the service did.
"""

import uuid
from datetime import date, datetime, time, timedelta

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings import outbox
from bookings.notifications import staff_addresses
from bookings.unsubscribe import opted_out
from catalogue.changes import Recipient
from catalogue.models import Occurrence, Session
from catalogue.models.sessions import SessionStatus
from catalogue.schedule import BERLIN
from trainers.models import ACTIVE_STATUSES, Assignment, Certification, Trainer

REMINDER_DAYS = 3


def trainer_invited(trainer: Trainer, *, new_account: bool) -> None:
    email = outbox.Email(
        kind="trainer_invited",
        recipient=trainer.email,
        language=trainer.language,
        key=f"trainer_invited:{trainer.pk}",
        data={"trainer": trainer.pk, "new_account": new_account},
    )
    outbox.after_commit(lambda: [email] if email.recipient else [], about="trainer invitation")


def assignment_changed(kind: str, assignment: Assignment) -> None:
    """`kind`: assigned, accepted, declined, decline_taken_back or withdrawn; to the trainer and
    the staff."""
    assignment_id, event = assignment.pk, uuid.uuid4().hex
    outbox.after_commit(
        lambda: _assignment_emails(kind, assignment_id, event), about=f"assignment {kind}"
    )


def certification_expiring(certification: Certification) -> None:
    """Remind the trainer and the staff, once per certification and expiry date."""
    trainer = certification.trainer
    key = f"certification_expiring:{certification.pk}:{certification.valid_until}"
    emails = [
        outbox.Email(
            kind="certification_expiring",
            recipient=trainer.email,
            language=trainer.language,
            key=f"{key}:trainer",
            data={"certification": certification.pk, "for_staff": False},
        )
    ]
    emails += [
        outbox.Email(
            kind="certification_expiring",
            recipient=address,
            language=language,
            key=f"{key}:{outbox.digest({}, address)}",
            data={"certification": certification.pk, "for_staff": True},
        )
        for address, language in _staff_of_trainer(trainer)
    ]
    outbox.after_commit(lambda: emails, about="an expiring certification")


def _assignment_emails(kind: str, assignment_id: int, event: str) -> list[outbox.Email]:
    assignment = Assignment.objects.select_related("trainer__user", "session").get(pk=assignment_id)
    trainer = assignment.trainer
    recipients = [(trainer.email, trainer.language, False)]
    recipients += [
        (address, language, True) for address, language in staff_addresses(assignment.session.state)
    ]
    return [
        outbox.Email(
            kind=f"assignment_{kind}",
            recipient=address,
            language=language,
            key=f"assignment_{kind}:{assignment_id}:{event}:{outbox.digest({}, address)}",
            data={"assignment": assignment_id, "for_staff": for_staff},
        )
        for address, language, for_staff in recipients
        if address
    ]


def _staff_of_trainer(trainer) -> list[tuple[str, str]]:
    """The staff of every state network the trainer works in, each address once."""
    found = {}
    for state in trainer.states or [""]:  # no state network: the federal office
        for address, language in staff_addresses(state):
            found.setdefault(address.lower(), (address, language))
    return list(found.values())


def trainer_reminders_send(*, today: date | None = None) -> int:
    """Remind the trainers of the sessions whose first date is in REMINDER_DAYS days (Berlin
    dates), unless they unsubscribed. Safe to run more than once a day. Returns the number of
    assignments reminded."""
    day = (today or timezone.localdate(timezone=BERLIN)) + timedelta(days=REMINDER_DAYS)
    start = datetime.combine(day, time.min, tzinfo=BERLIN)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=BERLIN)
    active = Occurrence.objects.filter(session=OuterRef("session"), is_cancelled=False)
    assignments = (
        Assignment.objects.filter(status__in=ACTIVE_STATUSES)
        .exclude(session__status=SessionStatus.CANCELLED)
        .filter(Exists(active.filter(start__gte=start, start__lt=end)))
        .exclude(Exists(active.filter(start__lt=start)))
        .select_related("trainer")
    )
    assignments = [a for a in assignments if a.trainer.email]
    unsubscribed = opted_out([a.trainer.email for a in assignments])
    emails = [
        outbox.Email(
            kind="trainer_reminder",
            recipient=a.trainer.email,
            language=a.trainer.language,
            key=f"trainer_reminder:{a.pk}:{day.isoformat()}",
            data={"assignment": a.pk, "for_staff": False},
        )
        for a in assignments
        if a.trainer.email.lower() not in unsubscribed
    ]
    outbox.after_commit(lambda: emails, about="trainer reminders")
    return len(emails)


class AssignedTrainers:
    """The trainers assigned to a session (asked or accepted), told of its changes
    (catalogue.changes) with their own calendar entries, online access included."""

    def recipients(self, session, change) -> list[Recipient]:
        return [
            Recipient(name=a.trainer.name, email=a.trainer.email, role=_("trainer"))
            for a in self._assignments(change.session_id)
        ]

    def notify(self, change) -> None:
        outbox.after_commit(lambda: self._emails(change), about="a session's change")

    @staticmethod
    def _assignments(session_id: int) -> list[Assignment]:
        assignments = Assignment.objects.filter(
            session_id=session_id, status__in=ACTIVE_STATUSES
        ).select_related("trainer")
        return [a for a in assignments if a.trainer.email]

    def _emails(self, change) -> list[outbox.Email]:
        session = Session.objects.get(pk=change.session_id)
        if session.status == SessionStatus.CANCELLED:
            kinds = ["assignment_session_cancelled"]
        else:
            kinds = ["assignment_changed"] if change.what else []
            kinds += ["assignment_date_cancelled"] if change.cancelled_dates else []
        return [
            outbox.Email(
                kind=kind,
                recipient=a.trainer.email,
                language=a.trainer.language,
                key=f"{kind}:{a.pk}:{change.sequence}",
                data={"assignment": a.pk, "for_staff": False, **change.as_data()},
            )
            for a in self._assignments(session.pk)
            for kind in kinds
        ]
