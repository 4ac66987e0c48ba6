"""How the emails to trainers and staff are written (bookings.outbox sends them): subject and
body from templates/trainers/emails/<kind>_subject.txt and <kind>.txt, in the recipient's
language and Berlin time; assignment emails carry the dates as an .ics (REQUEST when a trainer
is asked or accepts, CANCEL when the assignment is declined or withdrawn)."""

from allauth.account.forms import EmailAwarePasswordResetTokenGenerator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

from bookings.models import Notification
from bookings.outbox import Calendar, Message
from catalogue.models import Occurrence
from trainers.ics import assignment_invitation, assignment_url
from trainers.models import Assignment, Certification, Trainer

# Which .ics each change of an assignment carries: a new or accepted one is requested, the
# rest cancel.
ICS_METHODS = {
    "assignment_assigned": "REQUEST",
    "assignment_accepted": "REQUEST",
    "assignment_declined": "CANCEL",
    "assignment_withdrawn": "CANCEL",
}
KINDS = frozenset({*ICS_METHODS, "trainer_invited", "certification_expiring"})


def write(notification: Notification) -> Message:
    kind, data = notification.kind, notification.data
    calendar = None
    if kind == "trainer_invited":
        context = _invitation_context(data)
    elif kind == "certification_expiring":
        certification = Certification.objects.select_related("trainer", "topic").get(
            pk=data["certification"]
        )
        context = {
            "certification": certification,
            "trainer": certification.trainer,
            "for_staff": data["for_staff"],
            "portal_url": _absolute(reverse("trainers:home")),
        }
    else:
        assignment = _assignment(data["assignment"])
        method = ICS_METHODS[kind]
        context = {
            "assignment": assignment,
            "trainer": assignment.trainer,
            "title": assignment.session.training.localized.title,
            "link": _absolute(reverse("trainers_staff:session", args=[assignment.session_id]))
            if data["for_staff"]
            else assignment_url(assignment),
            "for_staff": data["for_staff"],
            "occurrences": assignment.session.occurrences.all(),
        }
        calendar = Calendar(
            content=assignment_invitation(assignment, method=method),
            method=method,
            filename="assignment.ics",
        )
    return Message(
        subject=render_to_string(f"trainers/emails/{kind}_subject.txt", context),
        body=render_to_string(f"trainers/emails/{kind}.txt", context),
        calendar=calendar,
    )


def _invitation_context(data: dict) -> dict:
    """A new account's link sets its password (made when the email is sent, so that a retry
    still works); an existing account logs in."""
    trainer = Trainer.objects.select_related("user").get(pk=data["trainer"])
    portal = reverse("trainers:home")
    if data["new_account"]:
        user = trainer.user
        key = (
            f"{user_pk_to_url_str(user)}-{EmailAwarePasswordResetTokenGenerator().make_token(user)}"
        )
        path = reverse(
            "account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"}
        ).replace("UID-KEY", key)
        link = _absolute(f"{path}?{urlencode({'next': portal})}")
    else:
        link = _absolute(f"{reverse('account_login')}?{urlencode({'next': portal})}")
    return {"trainer": trainer, "link": link, "new_account": data["new_account"]}


def _assignment(assignment_id: int) -> Assignment:
    return (
        Assignment.objects.select_related(
            "trainer__user", "session__training", "session__venue", "assigned_by"
        )
        .prefetch_related(
            Prefetch("session__occurrences", queryset=Occurrence.objects.order_by("start"))
        )
        .get(pk=assignment_id)
    )


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
