"""Emails to trainers and programme staff, each in its recipient's language.

Services call these inside their transaction; the sending is a task (django-tasks) enqueued after
commit, with ids only. A failed email is logged and never undoes what the service did.
"""

import logging
import re
from email.mime.text import MIMEText

from allauth.account.forms import EmailAwarePasswordResetTokenGenerator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode

from bookings.emails import failure_text
from catalogue.models import Occurrence
from catalogue.schedule import BERLIN
from trainers import tasks
from trainers.ics import assignment_calendar, assignment_url, title_for, training_titles
from trainers.models import Assignment, Certification, Trainer

logger = logging.getLogger(__name__)

STAFF_GROUP = "Programme staff"
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
# Which .ics each change carries: a new or accepted assignment is requested, the rest cancel.
ICS_METHODS = {
    "assigned": "REQUEST",
    "accepted": "REQUEST",
    "declined": "CANCEL",
    "withdrawn": "CANCEL",
}


def trainer_invited(trainer: Trainer, *, new_account: bool) -> None:
    trainer_id = trainer.pk
    transaction.on_commit(
        lambda: tasks.send_trainer_invitation.enqueue(
            trainer_id=trainer_id, new_account=new_account
        )
    )


def assignment_changed(kind: str, assignment: Assignment) -> None:
    assignment_id = assignment.pk
    transaction.on_commit(
        lambda: tasks.send_assignment_emails.enqueue(kind=kind, assignment_id=assignment_id)
    )


def certification_expiring(certification: Certification) -> bool:
    """Remind the trainer and staff now; True when the trainer's email went out."""
    trainer = certification.trainer
    context = {"certification": certification, "trainer": trainer}
    sent = _send(
        template="certification_expiring",
        recipient=trainer.email,
        language=trainer.language,
        context={**context, "for_staff": False, "portal_url": _site_url("trainers:home")},
    )
    for email, language in staff_recipients():
        _send(
            template="certification_expiring",
            recipient=email,
            language=language,
            context={**context, "for_staff": True},
        )
    return sent


def send_trainer_invitation(*, trainer_id: int, new_account: bool) -> None:
    trainer = Trainer.objects.select_related("user").filter(pk=trainer_id).first()
    if trainer is None:
        return
    with translation.override(trainer.language):
        portal = reverse("trainers:home")
        if new_account:
            user = trainer.user
            key = f"{user_pk_to_url_str(user)}-{EmailAwarePasswordResetTokenGenerator().make_token(user)}"
            path = reverse(
                "account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"}
            ).replace("UID-KEY", key)
            link = _absolute(f"{path}?{urlencode({'next': portal})}")
        else:
            link = _absolute(f"{reverse('account_login')}?{urlencode({'next': portal})}")
    _send(
        template="trainer_invited",
        recipient=trainer.email,
        language=trainer.language,
        context={"trainer": trainer, "link": link, "new_account": new_account},
    )


def send_assignment_emails(*, kind: str, assignment_id: int) -> None:
    assignment = (
        Assignment.objects.select_related(
            "trainer__user", "session__training", "session__venue", "assigned_by"
        )
        .prefetch_related(
            Prefetch("session__occurrences", queryset=Occurrence.objects.order_by("start"))
        )
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None:
        return
    method = ICS_METHODS[kind]
    trainer = assignment.trainer
    _send_about_assignment(
        kind, assignment, method, trainer.email, trainer.language, for_staff=False
    )
    for email, language in staff_recipients():
        _send_about_assignment(kind, assignment, method, email, language, for_staff=True)


def _send_about_assignment(kind, assignment, method, recipient, language, *, for_staff) -> bool:
    with translation.override(language):
        title = title_for(assignment, training_titles([assignment]))
        link = (
            _site_url("trainers_staff:session", args=[assignment.session_id])
            if for_staff
            else assignment_url(assignment)
        )
        calendar = assignment_calendar(assignment, method=method)
    return _send(
        template=f"assignment_{kind}",
        recipient=recipient,
        language=language,
        context={
            "assignment": assignment,
            "trainer": assignment.trainer,
            "title": title,
            "link": link,
            "for_staff": for_staff,
            "occurrences": assignment.session.occurrences.all(),
        },
        calendar=(calendar, method),
    )


def staff_recipients() -> list[tuple[str, str]]:
    """(email, language) of the active members of the programme staff group."""
    from wagtail.users.models import UserProfile

    users = list(
        get_user_model()
        .objects.filter(groups__name=STAFF_GROUP, is_active=True)
        .exclude(email="")
        .values_list("pk", "email")
        .distinct()
    )
    languages = dict(
        UserProfile.objects.filter(user_id__in=[pk for pk, _email in users]).values_list(
            "user_id", "preferred_language"
        )
    )
    return [
        (
            email,
            languages.get(pk) if languages.get(pk) in LANGUAGE_CODES else settings.LANGUAGE_CODE,
        )
        for pk, email in users
    ]


def _send(*, template: str, recipient: str, language: str, context: dict, calendar=None) -> bool:
    if not recipient:
        return False
    try:
        with translation.override(language), timezone.override(BERLIN):
            subject = render_to_string(f"trainers/emails/{template}_subject.txt", context)
            body = render_to_string(f"trainers/emails/{template}.txt", context)
        message = EmailMessage(" ".join(subject.split()), _tidy(body), to=[recipient])
        if calendar is not None:
            content, method = calendar
            part = MIMEText(content.decode(), "calendar", "utf-8")
            part.set_param("method", method)
            part.add_header("Content-Disposition", "attachment", filename="assignment.ics")
            message.attach(part)
        message.send()
    except Exception as error:
        logger.error("Email %s could not be sent: %s", template, failure_text(error))
        return False
    return True


def _tidy(body: str) -> str:
    """Template tags leave blank lines and trailing spaces; keep single blank lines only."""
    lines = [line.rstrip() for line in body.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _site_url(name: str, args=None) -> str:
    return _absolute(reverse(name, args=args))
