"""How the emails about bookings are written (bookings.outbox sends them): subject and body
from templates/bookings/email/<kind>_subject.txt and <kind>.txt, in the recipient's language and
Berlin time. Confirmations carry an .ics invitation (METHOD:REQUEST, one entry per date, the
dates' stable UIDs); cancellations carry METHOD:CANCEL with a SEQUENCE above the session's, so
calendars remove the entries.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from bookings.models import (
    Booking,
    BookingStatus,
    InhouseRequest,
    InvoiceKind,
    Notification,
    Participant,
    PaymentStatus,
)
from bookings.notifications import REMINDER_KINDS
from bookings.outbox import Calendar, Message
from bookings.participant_links import participant_materials_url
from bookings.unsubscribe import unsubscribe_url
from catalogue.changes import CHANGE_LABELS
from catalogue.ics import Person, invitation, session_events, venue_location
from catalogue.models import Session

# To the staff of a state network (bookings.notifications.notify_staff).
STAFF_KINDS = frozenset({"staff_inhouse_request", "staff_booking", "staff_cancellation"})
KINDS = frozenset(
    {
        "confirmed",
        "waitlisted",
        "offer",
        "moved_up",
        "paid",
        "expired",
        "cancelled",
        "participants_cancelled",
        "session_cancelled",
        "session_changed",
        "date_cancelled",
        "reminder",
        "online_reminder",
        "payment_failed",
        "late_payment_refunded",
        "refunded",
        "invitation",
        "inhouse_answer",
        "invoice_reminder",
        *STAFF_KINDS,
    }
)
REQUEST_KINDS = frozenset({"confirmed", "moved_up", "paid", "session_changed"})
CANCEL_KINDS = frozenset(
    {"cancelled", "participants_cancelled", "session_cancelled", "date_cancelled"}
)


def write(notification: Notification) -> Message:
    """The email of one notification (bookings.outbox calls it in the recipient's language)."""
    context = _context(notification)
    kind = notification.kind
    return Message(
        subject=render_to_string(f"bookings/email/{kind}_subject.txt", context),
        body=render_to_string(f"bookings/email/{kind}.txt", context),
        calendar=_calendar(notification, context),
        unsubscribe_url=context["unsubscribe_url"],
    )


def _context(notification: Notification) -> dict:
    data = notification.data
    context = {"data": data, "name": "", "participant": None, "unsubscribe_url": ""}
    if notification.kind == "staff_inhouse_request":
        request = InhouseRequest.objects.select_related("organisation", "training", "topic").get(
            pk=data["request"]
        )
        return {
            **context,
            "request": request,
            "title": request.training.localized.title if request.training else request.topic,
            "admin_url": _absolute(reverse("bookings_inhouserequest:inspect", args=[request.pk])),
        }
    booking = notification.booking
    if booking is None:
        return context
    session = (
        Session.objects.select_related("venue", "training")
        .prefetch_related("occurrences")
        .get(pk=booking.session_id)
    )
    training = session.training.localized  # the writer runs in the recipient's language
    training_url = training.get_url() or "/"
    participant = (
        Participant.objects.filter(booking=booking, pk=data["participant"]).first()
        if data.get("participant")
        else None
    )
    booker = booking.created_by
    invoice = booking.invoices.filter(kind=InvoiceKind.INVOICE).first()
    # The meeting link only for a confirmed seat (never the waiting list's emails).
    show_access = booking.status == BookingStatus.CONFIRMED and (
        participant is None or participant.cancelled_at is None
    )
    occurrences = session.active_occurrences
    if notification.kind == "online_reminder":
        occurrences = [o for o in occurrences if o.pk == data["occurrence"]]
    context.update(
        booking=booking,
        session=session,
        training=training.title,
        occurrences=occurrences,
        show_access=show_access,
        **access_context(session, occurrences, show=show_access),
        cancelled_dates=[
            o for o in session.occurrences.all() if o.pk in data.get("cancelled_dates", [])
        ],
        changes=[str(CHANGE_LABELS[key]) for key in CHANGE_LABELS if key in data.get("what", [])],
        place=venue_location(session.venue),
        materials_url=participant_materials_url(participant) if participant and show_access else "",
        unsubscribe_url=unsubscribe_url(notification.recipient)
        if notification.kind in REMINDER_KINDS
        else "",
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
        invoice=invoice,
        invoice_url=_absolute(reverse("bookings:invoice_download", args=[invoice.number, "pdf"]))
        if invoice
        else "",
    )
    if notification.kind in STAFF_KINDS:
        context.update(
            name="",
            admin_url=_absolute(reverse("bookings_staff:participants", args=[session.pk])),
        )
    return context


def _calendar(notification: Notification, context: dict) -> Calendar | None:
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
    if kind == "session_changed" and not (
        notification.data.get("calendar") and context["show_access"]
    ):
        return None  # the waiting list has no calendar entries to update
    if kind == "date_cancelled":
        if not notification.data.get("calendar"):
            return None
        # The dates' SEQUENCE was raised by the change itself.
        events = session_events(
            session,
            context["cancelled_dates"],
            title=context["training"],
            url=context["session_url"],
            cancelled=True,
        )
    else:
        events = session_events(
            session,
            context["occurrences"],
            title=context["training"],
            url=context["session_url"],
            sequence=session.sequence + 1 if cancel else session.sequence,
            cancelled=cancel,
            with_access=context["show_access"] and not cancel,
        )
    content = invitation(
        events,
        name=context["training"],
        method=method,
        attendee=_attendee(notification, booking, participant, context["name"]),
    )
    return Calendar(content=content, method=method, filename=f"{booking.reference}.ics")


def access_context(session, occurrences, *, show: bool) -> dict:
    """The dates of an email with their online access (shown only for a confirmed seat): once
    when every date shares it (`access`), otherwise with each date (`dated`)."""
    accesses = [(o, session.access_for(o) if show else None) for o in occurrences]
    shared = {access for _occurrence, access in accesses}
    if len(shared) == 1:
        return {"access": shared.pop(), "dated": [(o, None) for o in occurrences]}
    return {"access": None, "dated": accesses}


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
