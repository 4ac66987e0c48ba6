"""How the evaluation emails are written (bookings.outbox sends them): subject and body from
templates/evaluations/email/<kind>_subject.txt and <kind>.txt, in the recipient's language.
The data holds the session and the links: one for a participant, several for a booker to pass
on to colleagues without an email."""

from django.template.loader import render_to_string

from bookings.models import Notification
from bookings.outbox import Message
from catalogue.models import Session

KINDS = frozenset({"evaluation_invitation", "evaluation_reminder"})


def write(notification: Notification) -> Message:
    data = notification.data
    session = Session.objects.select_related("training").get(pk=data["session"])
    context = {
        "training": session.training.localized.title,
        "first_date": session.first_date,
        "links": data["links"],
        "for_colleagues": data["for_colleagues"],
    }
    kind = notification.kind
    return Message(
        subject=render_to_string(f"evaluations/email/{kind}_subject.txt", context),
        body=render_to_string(f"evaluations/email/{kind}.txt", context),
    )
