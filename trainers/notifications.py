"""Who is told what about trainers: the trainer, and the staff of the state network concerned
(the session's; for a certification the trainer's), about an invitation, an assignment's
changes (a decline, say) and a certification about to expire. Services call these inside their
transaction; bookings.outbox records the emails after commit and sends them by a task
(trainers.emails writes them). A failed email never undoes what the service did.
"""

import uuid

from bookings import outbox
from bookings.notifications import staff_addresses
from trainers.models import Assignment, Certification, Trainer


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
    """`kind`: assigned, accepted, declined or withdrawn; to the trainer and the staff."""
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
