"""Rendering and sending one recorded email (a Notification), and sending failed ones again.

Subject and body come from templates/bookings/email/<kind>_subject.txt and <kind>.txt, rendered
in the recipient's language and Berlin time. Confirmations carry an .ics invitation
(METHOD:REQUEST, one event per date, the dates' stable UIDs); cancellations carry
METHOD:CANCEL with a SEQUENCE above the session's, so calendars remove the events.
"""

import logging
import re
import smtplib
from datetime import timedelta
from email.mime.text import MIMEText
from email.utils import parseaddr
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from bookings.models import Booking, Notification, NotificationStatus, Participant, PaymentStatus
from catalogue.ics import CalendarEvent, Person, build_calendar, occurrence_uid, venue_location
from catalogue.models import Session
from catalogue.schedule import BERLIN
from catalogue.selectors import training_translations

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# A notification still pending after this long lost its task (e.g. a crash after commit).
PENDING_GRACE = timedelta(minutes=10)
REQUEST_KINDS = frozenset({"confirmed", "moved_up", "paid"})
CANCEL_KINDS = frozenset({"cancelled", "participants_cancelled", "session_cancelled"})


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
                "Email %s (%s) failed: %s",
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
    """The email in the recipient's language, with its calendar attachment if it has one."""
    with translation.override(notification.language), timezone.override(BERLIN):
        context = _context(notification)
        kind = notification.kind
        subject = render_to_string(f"bookings/email/{kind}_subject.txt", context)
        body = render_to_string(f"bookings/email/{kind}.txt", context)
        message = EmailMessage(" ".join(subject.split()), _tidy(body), to=[notification.recipient])
        calendar = _calendar(notification, context)
    if calendar is not None:
        message.attach(calendar)
    return message


def _context(notification: Notification) -> dict:
    data = notification.data
    context = {"data": data, "name": "", "participant": None}
    booking = notification.booking
    if booking is None:
        return context
    session = (
        Session.objects.select_related("venue", "training")
        .prefetch_related("occurrences")
        .get(pk=booking.session_id)
    )
    training = training_translations(
        translation_keys=[session.training_key], language_code=notification.language
    ).get(str(session.training_key), session.training)
    training_url = training.get_url() or "/"
    participant = (
        Participant.objects.filter(booking=booking, pk=data["participant"]).first()
        if data.get("participant")
        else None
    )
    booker = booking.created_by
    context.update(
        booking=booking,
        session=session,
        training=training.title,
        occurrences=session.active_occurrences,
        place=venue_location(session.venue),
        participant=participant,
        name=participant.name if participant else (booker.get_full_name() if booker else ""),
        participants=[p.name for p in booking.participants.filter(cancelled_at__isnull=True)],
        cancelled=[
            p.name for p in booking.participants.filter(pk__in=data.get("participants", []))
        ],
        booking_url=_absolute(reverse("bookings:booking_detail", args=[booking.reference])),
        session_url=_absolute(
            training_url + training.reverse_subpage("session", args=[session.pk])
        ),
        training_url=_absolute(training_url),
        paid=booking.payment_status == PaymentStatus.PAID,
    )
    return context


def _calendar(notification: Notification, context: dict) -> MIMEText | None:
    """The .ics invitation (REQUEST) or withdrawal (CANCEL), or None for this email."""
    kind, participant = notification.kind, context["participant"]
    if kind in REQUEST_KINDS:
        method = "REQUEST"
    elif kind in CANCEL_KINDS and notification.data.get("calendar"):
        if kind == "participants_cancelled" and participant is None:
            return None  # the booker's note: the booking itself stands
        method = "CANCEL"
    else:
        return None
    booking: Booking = context["booking"]
    session: Session = context["session"]
    cancel = method == "CANCEL"
    events = [
        CalendarEvent(
            uid=occurrence_uid(occurrence.pk),
            sequence=session.sequence + 1 if cancel else session.sequence,
            start=occurrence.start,
            end=occurrence.end,
            summary=context["training"],
            location=context["place"],
            description=context["session_url"],
            url=context["session_url"],
            cancelled=cancel,
            last_modified=session.updated_at,
        )
        for occurrence in context["occurrences"]
    ]
    organizer_name, organizer_email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    body = build_calendar(
        events,
        name=context["training"],
        method=method,
        organizer=Person(email=organizer_email, name=organizer_name),
        attendees=[_attendee(notification, booking, participant, context["name"])],
    )
    part = MIMEText(body.decode(), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename=f"{booking.reference}.ics")
    return part


def _attendee(notification, booking, participant, name) -> Person:
    """The recipient; a booker who does not take part is a NON-PARTICIPANT."""
    takes_part = (
        participant is not None
        or booking.participants.filter(email__iexact=notification.recipient).exists()
    )
    return Person(
        email=notification.recipient,
        name=name,
        role="REQ-PARTICIPANT" if takes_part else "NON-PARTICIPANT",
    )


def _absolute(path: str) -> str:
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


_ADDRESS = re.compile(r"[^\s<>\"'(),;:]+@[^\s<>\"'(),;:]+")


def failure_text(error: Exception) -> str:
    """What went wrong, for the row and the log, without the email addresses a mail server's
    answer names (they are personal data and stay on the row after anonymising)."""
    return _ADDRESS.sub("…@…", f"{type(error).__name__}: {error}")[:1000]


def _tidy(body: str) -> str:
    """Template tags leave blank lines and trailing spaces; keep single blank lines only."""
    lines = [line.rstrip() for line in body.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"
