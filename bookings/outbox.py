"""The platform's one email outbox (DESIGN.md rule 12). Every email, to bookers, participants,
trainers or staff, is a Notification row: recorded after the business action commits, sent by a
task (`send_email`, ids only), retried when it fails (`retry_failed`, `manage.py retry_emails`)
and anonymised with the rest of the personal data (bookings.retention). A failed email is kept
with its error and never undoes what caused it.

Apps record emails with `after_commit(...)`, giving what to send as `Email` records, and say how
each kind is written with `register(kinds, writer)` in their AppConfig.ready(): a writer turns a
stored Notification into a `Message` (subject, body and optionally a calendar from
catalogue.ics), rendered in the recipient's language when it is sent.
"""

import hashlib
import json
import logging
import re
import smtplib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from email.mime.text import MIMEText

from django.core.mail import EmailMessage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django_tasks import task

from bookings.models import Booking, Notification, NotificationStatus
from catalogue.schedule import BERLIN

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# A notification still pending after this long lost its task (e.g. a crash after commit).
PENDING_GRACE = timedelta(minutes=10)


@dataclass(frozen=True)
class Email:
    """One email to record: its kind, recipient and language, the data its writer needs, and a
    key that is recorded once (the same event is never mailed twice)."""

    kind: str
    recipient: str
    language: str
    key: str
    data: dict = field(default_factory=dict)
    booking: Booking | None = None


@dataclass(frozen=True)
class Calendar:
    """An iCalendar attachment (text/calendar with its METHOD, RFC 6047)."""

    content: bytes
    method: str
    filename: str


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    calendar: Calendar | None = None
    # Reminders: the recipient's one-click unsubscribe (RFC 8058 headers and a link).
    unsubscribe_url: str = ""


Writer = Callable[[Notification], Message]
_writers: dict[str, Writer] = {}


def register(kinds: Iterable[str], writer: Writer) -> None:
    for kind in kinds:
        _writers[kind] = writer


def after_commit(emails: Callable[[], Iterable[Email]], *, about: str) -> None:
    """Once the transaction commits, record the emails `emails()` gives and send each by a
    task. Nothing here can undo the business action: a failure is logged (`about` says what the
    emails were about, never to whom)."""
    transaction.on_commit(lambda: _record_and_enqueue(emails, about))


def digest(data: dict, recipient: str) -> str:
    """A short digest of what an email is about and to whom, for its key (keys name no
    addresses)."""
    text = json.dumps(as_json(data), sort_keys=True) + "|" + recipient.lower()
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def as_json(data: dict) -> dict:
    """`data` as it is stored (dates, decimals and the like as text)."""
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def _record_and_enqueue(emails: Callable[[], Iterable[Email]], about: str) -> None:
    try:
        created = [pk for email in emails() if (pk := _record(email))]
    except Exception:
        logger.exception("Could not record the emails about %s", about)
        return
    for notification_id in created:
        try:
            send_email.enqueue(notification_id)
        except Exception:  # the row stays pending; retry_failed sends it
            logger.exception("Could not enqueue email %s", notification_id)


def _record(email: Email) -> int | None:
    """The new notification's id, or None when its key was recorded before."""
    key = email.key
    if len(key) > Notification._meta.get_field("key").max_length:
        key = f"{email.kind}:{digest({'key': key}, email.recipient)}"
    notification, created = Notification.objects.get_or_create(
        key=key,
        defaults={
            "kind": email.kind,
            "recipient": email.recipient,
            "language": email.language,
            "booking": email.booking,
            "data": as_json(email.data),
        },
    )
    return notification.pk if created else None


@task()
def send_email(notification_id: int) -> bool:
    """Render and send one recorded email; a failure is kept on the row, never raised."""
    return deliver(notification_id)


def deliver(notification_id: int) -> bool:
    """Send one notification unless it has been sent. A failure is logged and kept on the row
    (status failed, attempts, last_error) and never raised. Returns whether it was sent."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True)
            .exclude(status=NotificationStatus.SENT)
            .filter(pk=notification_id)
            .first()
        )
        if notification is None:  # sent already, or being sent by another worker
            return False
        notification.attempts += 1
        try:
            with transaction.atomic():  # a failed render leaves the row writable
                message = render(notification)
            message.send()
        except Exception as error:
            notification.status = NotificationStatus.FAILED
            notification.last_error = failure_text(error)
            # By id, never by address; a mail server's refusal names addresses, so only a
            # programming error (e.g. in a template) is logged with its traceback.
            logger.error(
                "Email %s (%s) could not be sent; it is kept and retried (failed: %s)",
                notification.pk,
                notification.kind,
                notification.last_error,
                exc_info=not isinstance(error, (smtplib.SMTPException, OSError)),
            )
        else:
            notification.status = NotificationStatus.SENT
            notification.sent_at = timezone.now()
            notification.last_error = ""
        notification.save(update_fields=["status", "attempts", "last_error", "sent_at"])
    return notification.status == NotificationStatus.SENT


def retry_failed() -> int:
    """Send again the failed emails with fewer than MAX_ATTEMPTS attempts, and those left
    pending by a lost task. Returns how many were sent."""
    stale = timezone.now() - PENDING_GRACE
    due = Notification.objects.filter(
        Q(status=NotificationStatus.FAILED, attempts__lt=MAX_ATTEMPTS)
        | Q(status=NotificationStatus.PENDING, created_at__lt=stale)
    )
    ids = list(due.order_by("created_at").values_list("pk", flat=True))
    return sum(deliver(notification_id) for notification_id in ids)


def render(notification: Notification) -> EmailMessage:
    """The email in the recipient's language and Berlin time, written by its kind's writer,
    with its calendar attached."""
    with translation.override(notification.language), timezone.override(BERLIN):
        message = _writers[notification.kind](notification)
    headers = (
        {
            "List-Unsubscribe": f"<{message.unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
        if message.unsubscribe_url
        else {}
    )
    email = EmailMessage(
        " ".join(message.subject.split()),
        _tidy(message.body),
        to=[notification.recipient],
        headers=headers,
    )
    if message.calendar is not None:
        part = MIMEText(message.calendar.content.decode(), "calendar", "utf-8")
        part.set_param("method", message.calendar.method)
        part.add_header("Content-Disposition", "attachment", filename=message.calendar.filename)
        email.attach(part)
    return email


_ADDRESS = re.compile(r"[^\s<>\"'(),;:]+@[^\s<>\"'(),;:]+")


def failure_text(error: Exception) -> str:
    """What went wrong, for the row and the log, without the email addresses a mail server's
    answer names (they are personal data and stay on the row after anonymising)."""
    return _ADDRESS.sub("…@…", f"{type(error).__name__}: {error}")[:1000]


def _tidy(body: str) -> str:
    """Template tags leave blank lines and trailing spaces; keep single blank lines only."""
    lines = [line.rstrip() for line in body.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"
