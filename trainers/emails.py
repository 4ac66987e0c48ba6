"""How the emails to trainers and staff are written (bookings.outbox sends them): subject and
body from templates/trainers/emails/<kind>_subject.txt and <kind>.txt, in the recipient's
language and Berlin time; assignment emails carry the dates as an .ics (REQUEST when a trainer
is asked, accepts or takes back a decline, CANCEL when the assignment is declined or withdrawn)."""

from allauth.account.forms import EmailAwarePasswordResetTokenGenerator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

from bookings.emails import access_context
from bookings.models import Notification
from bookings.outbox import Calendar, Message
from bookings.unsubscribe import unsubscribe_url
from catalogue.changes import CHANGE_LABELS
from catalogue.models import Occurrence
from catalogue.models.sessions import SessionStatus
from trainers.ics import assignment_invitation, assignment_url
from trainers.models import Assignment, Certification, Trainer

# Which .ics each change of an assignment carries: a new or accepted one is requested, the
# rest cancel.
ICS_METHODS = {
    "assignment_assigned": "REQUEST",
    "assignment_accepted": "REQUEST",
    "assignment_changed": "REQUEST",
    "assignment_declined": "CANCEL",
    "assignment_decline_taken_back": "REQUEST",
    "assignment_withdrawn": "CANCEL",
    "assignment_date_cancelled": "CANCEL",
    "assignment_session_cancelled": "CANCEL",
}
KINDS = frozenset({*ICS_METHODS, "trainer_invited", "certification_expiring", "trainer_reminder"})


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
        session = assignment.session
        occurrences = list(session.occurrences.all())
        active = [o for o in occurrences if not o.is_cancelled]
        # The access only while the trainer is assigned: not in a withdrawal.
        shows_access = assignment.is_active and session.status != SessionStatus.CANCELLED
        context = {
            "assignment": assignment,
            "trainer": assignment.trainer,
            "title": session.training.localized.title,
            "link": _absolute(reverse("trainers_staff:session", args=[assignment.session_id]))
            if data["for_staff"]
            else assignment_url(assignment),
            "for_staff": data["for_staff"],
            "occurrences": occurrences,
            **access_context(session, active, show=shows_access and not data["for_staff"]),
            "cancelled_dates": [o for o in occurrences if o.pk in data.get("cancelled_dates", [])],
            "changes": [str(CHANGE_LABELS[k]) for k in CHANGE_LABELS if k in data.get("what", [])],
        }
        if kind == "trainer_reminder":
            context.update(
                participants=session.seats_taken,
                attendance_url=_absolute(
                    reverse("trainers:attendance", args=[assignment.pk, active[0].pk])
                ),
                unsubscribe_url=unsubscribe_url(notification.recipient),
            )
        else:
            method = ICS_METHODS[kind]
            dates = context["cancelled_dates"] if kind == "assignment_date_cancelled" else None
            calendar = Calendar(
                content=assignment_invitation(assignment, method=method, occurrences=dates),
                method=method,
                filename="assignment.ics",
            )
    return Message(
        subject=render_to_string(f"trainers/emails/{kind}_subject.txt", context),
        body=render_to_string(f"trainers/emails/{kind}.txt", context),
        calendar=calendar,
        unsubscribe_url=context.get("unsubscribe_url", ""),
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
