"""Card payments through Stripe Checkout, and refunds.

Stripe is called through bookings.stripe_client, never inside a transaction: Checkout Sessions
are created before their id is recorded, refunds run after commit. The webhook is a trigger, not
a source of truth: payment_event_apply fetches the object again from Stripe and applies it under
the session lock, once per event id (DESIGN.md rule 4).
"""

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from bookings import stripe_client
from bookings.models import Booking, BookingStatus, PaymentMethod, PaymentStatus, StripeEvent
from bookings.notifications import notify, notify_status
from bookings.services.errors import BookingBusy, BookingError
from bookings.services.history import log_status
from bookings.services.invoices import invoice_for_booking, invoice_issue, refund_record
from bookings.services.locking import session_locked
from bookings.services.pricing import card_payments_enabled
from bookings.services.seats import promote_waitlist, seats_taken, sync_seats
from catalogue.models import Session
from catalogue.models.sessions import SessionStatus

logger = logging.getLogger(__name__)


def checkout_start(
    *, booking: Booking, title: str, email: str, locale: str, success_url: str, cancel_url: str
) -> str:
    """The Stripe Checkout address for a booking held for card payment: its open Checkout
    Session when that is for the current seats, otherwise a new one."""
    booking = Booking.objects.get(pk=booking.pk)
    _check_payable(booking)
    try:
        if booking.stripe_checkout_id:
            current = stripe_client.checkout_retrieve(booking.stripe_checkout_id)
            if current.status == "complete":
                raise BookingError(_("Your payment has been received and is being confirmed."))
            if current.status == "open" and current.amount_total == stripe_client.cents(
                booking.amount
            ):
                return current.url
        checkout = stripe_client.checkout_create(
            booking=booking,
            replaces=booking.stripe_checkout_id,
            title=title,
            email=email,
            locale=locale,
            success_url=success_url,
            cancel_url=cancel_url,
        )
    except stripe_client.PaymentError as error:
        logger.warning("Checkout for booking %s failed: %s", booking.reference, error)
        raise BookingError(
            _("Card payment is not possible right now. Please try again in a few minutes.")
        ) from error
    Booking.objects.filter(pk=booking.pk, status=BookingStatus.HELD).update(
        stripe_checkout_id=checkout.id
    )
    return checkout.url


def payment_event_apply(*, event: stripe_client.Event) -> bool:
    """Apply a verified Stripe event once. The event is only a trigger: its Checkout Session or
    PaymentIntent is fetched again from Stripe and applied under the session lock, in the
    transaction that records the event id. A repeat changes nothing; a busy lock (BookingBusy)
    or an unreachable Stripe (stripe_client.PaymentError) keeps nothing, so Stripe's next delivery
    applies it. Returns whether the event was applied (False: repeat or not ours)."""
    if not (event.checkout_id or event.payment_intent):
        return False
    if StripeEvent.objects.filter(event_id=event.id).exists():
        return False
    checkout = payment = None
    try:
        if event.checkout_id:
            checkout = stripe_client.checkout_retrieve(event.checkout_id)
        else:
            payment = stripe_client.payment_retrieve(event.payment_intent)
    except stripe_client.NotFound:
        logger.info("Stripe event %s is about an object Stripe does not know.", event.id)
    with transaction.atomic():
        _event, created = StripeEvent.objects.get_or_create(
            event_id=event.id, defaults={"type": event.type}
        )
        if not created:
            return False
        if checkout is not None:
            _checkout_apply(checkout)
        elif payment is not None:
            _refunds_record(payment)
    return True


def _check_payable(booking: Booking) -> None:
    if not card_payments_enabled():
        raise BookingError(
            _("Card payment is not available at the moment; please contact the programme team.")
        )
    if booking.payment_method != PaymentMethod.CARD or booking.payment_status != (
        PaymentStatus.PENDING
    ):
        raise BookingError(_("There is no card payment due for this booking."))
    if booking.status == BookingStatus.WAITLISTED:
        raise BookingError(
            _("This booking is on the waiting list; you can pay once seats are offered to you.")
        )
    if booking.status == BookingStatus.CANCELLED:
        raise BookingError(_("This booking has been cancelled."))
    if not booking.awaiting_payment:
        raise BookingError(_("The time to pay for this booking has run out. Please book again."))


def _checkout_apply(checkout: stripe_client.Checkout) -> None:
    booking = _payment_booking(checkout.booking_id, checkout.booking_reference)
    if booking is None and checkout.id:
        booking = Booking.objects.filter(stripe_checkout_id=checkout.id).first()
    if booking is None:
        logger.info("Checkout Session %s belongs to no booking.", checkout.id)
        return
    with session_locked(booking.session_id) as locked:
        booking = Booking.objects.get(pk=booking.pk)
        if checkout.paid:
            _checkout_paid(booking, locked, checkout)
        elif checkout.failed:
            _checkout_failed(booking, locked, checkout)
        elif checkout.status == "expired":
            _checkout_expired(booking, locked, checkout)


def _checkout_paid(booking: Booking, session: Session, checkout: stripe_client.Checkout) -> None:
    """Confirm a held booking; a payment for a lapsed or expired hold confirms it if the seats
    are still free. Any payment that cannot be applied is refunded in full."""
    intent = checkout.payment_intent
    if intent and booking.stripe_payment_intent == intent:
        return  # applied before
    due = booking.payment_method == PaymentMethod.CARD and (
        booking.payment_status == PaymentStatus.PENDING
    )
    in_time = booking.status == BookingStatus.HELD and booking.hold_expires_at > timezone.now()
    late = booking.status in (BookingStatus.HELD, BookingStatus.EXPIRED) and not in_time
    if due and (
        in_time
        or (
            late
            and session.status == SessionStatus.OPEN
            and booking.seats <= session.capacity - seats_taken(session)
        )
    ):
        previous = booking.status
        booking.status = BookingStatus.CONFIRMED
        booking.payment_status = PaymentStatus.PAID
        booking.stripe_checkout_id = checkout.id
        booking.stripe_payment_intent = intent
        booking.save(
            update_fields=[
                "status",
                "payment_status",
                "stripe_checkout_id",
                "stripe_payment_intent",
                "updated_at",
            ]
        )
        log_status(booking, previous, booking.status, None)
        invoice_issue(booking, paid_reference=intent)
        notify_status(booking, previous=previous, new=booking.status)
        sync_seats(session)
        excess = checkout.amount_total - stripe_client.cents(
            booking.amount
        )  # seats cancelled meanwhile
        _refund_later(booking.pk, intent, excess, f"refund-{intent}-excess")
        return
    if not intent or not checkout.amount_total:
        return
    previous = booking.status
    if booking.status == BookingStatus.HELD:  # lapsed, and its seats are gone
        booking.status = BookingStatus.EXPIRED
    if not booking.stripe_payment_intent:
        booking.stripe_payment_intent = intent
    booking.save(update_fields=["status", "stripe_payment_intent", "updated_at"])
    if booking.status != previous:
        log_status(booking, previous, booking.status, None)
        notify_status(booking, previous=previous, new=booking.status)
    log(
        instance=booking,
        action="wagtail.edit",
        user=None,
        data={"late_payment_refunded": intent, "amount": checkout.amount_total},
    )
    _refund_later(booking.pk, intent, checkout.amount_total, f"refund-{intent}-unapplied")
    notify(
        "late_payment_refunded",
        booking,
        amount=_euros(checkout.amount_total),
        payment=intent,
    )


def _checkout_failed(booking: Booking, session: Session, checkout: stripe_client.Checkout) -> None:
    """An asynchronous payment failed: the hold is released and the waiting list moves up."""
    if booking.status != BookingStatus.HELD or booking.stripe_checkout_id != checkout.id:
        return
    _hold_release(booking, session)
    notify("payment_failed", booking, checkout=checkout.id)


def _checkout_expired(booking: Booking, session: Session, checkout: stripe_client.Checkout) -> None:
    """An unpaid Checkout Session ran out: the hold is released if it has run out too. A
    waiting-list offer that lasts longer keeps its hold; its payment link makes a new
    Checkout Session."""
    if booking.status != BookingStatus.HELD or booking.stripe_checkout_id != checkout.id:
        return
    if booking.hold_expires_at <= max(checkout.expires_at, timezone.now()):
        _hold_release(booking, session)


def _hold_release(booking: Booking, session: Session) -> None:
    booking.status = BookingStatus.EXPIRED
    booking.save(update_fields=["status", "updated_at"])
    log_status(booking, BookingStatus.HELD, BookingStatus.EXPIRED, None)
    notify_status(booking, previous=BookingStatus.HELD, new=BookingStatus.EXPIRED)
    sync_seats(session)
    promote_waitlist(session, None)


def _refunds_record(payment: stripe_client.Payment) -> None:
    """Record what Stripe has refunded of a booking's payment (a total, so repeats and any
    order of events change nothing); all of it refunded: payment status refunded."""
    booking = _payment_booking(payment.booking_id, payment.booking_reference)
    if booking is None:
        booking = Booking.objects.filter(stripe_payment_intent=payment.id).first()
    if booking is None:
        return
    with session_locked(booking.session_id):
        booking = Booking.objects.get(pk=booking.pk)
        refunded = _euros(payment.amount_refunded)
        if booking.stripe_payment_intent != payment.id or refunded <= booking.refunded_amount:
            return
        added = refunded - booking.refunded_amount
        was_paid = booking.payment_status == PaymentStatus.PAID
        booking.refunded_amount = refunded
        if payment.amount_refunded >= payment.amount:
            booking.payment_status = PaymentStatus.REFUNDED
        booking.save(update_fields=["refunded_amount", "payment_status", "updated_at"])
        log(instance=booking, action="wagtail.edit", user=None, data={"refunded": str(refunded)})
        refund_record(booking, amount=added, reference=payment.id)
        if was_paid:  # a late payment given back was announced already
            notify("refunded", booking, amount=added, total=refunded)


def refund_cancelled(booking: Booking, session: Session, participant_ids: Sequence[int]) -> None:
    """Refund cancelled participants' seats: the training's share before the booking deadline,
    its (usually smaller) share after it."""
    percent = refund_percent(session)
    ids = ",".join(str(pk) for pk in sorted(participant_ids))
    digest = hashlib.sha256(ids.encode()).hexdigest()[:24]
    refund_seats(
        booking, seats=len(participant_ids), percent=percent, key=f"refund-{booking.pk}-{digest}"
    )


def refund_percent(session: Session) -> int:
    """The share of a seat's price given back (refunded or credited) when it is cancelled now."""
    training = session.training.facts
    if session.before_booking_deadline:
        return training.refund_before_deadline
    return training.refund_after_deadline


@dataclass(frozen=True)
class CancellationTerms:
    """What cancelling `seats` seats of a booking now means for its money: `kind` is "free",
    "nothing_due" (neither paid nor invoiced), "card" (refunded to the card) or "invoice" (a
    credit note); `amount` is what is given back, `percent` of the price."""

    kind: str
    percent: int
    amount: Decimal
    invoice_number: str = ""


def cancellation_terms(booking: Booking, *, seats: int) -> CancellationTerms:
    percent = refund_percent(booking.session)
    cents = stripe_client.cents(booking.price_per_seat or Decimal("0")) * seats * percent // 100
    amount = (Decimal(cents) / 100).quantize(Decimal("0.01"))
    if not booking.price_per_seat:
        return CancellationTerms("free", percent, Decimal("0"))
    if booking.payment_status == PaymentStatus.PAID and booking.stripe_payment_intent:
        return CancellationTerms("card", percent, amount)
    invoice = invoice_for_booking(booking)
    if invoice is not None:
        return CancellationTerms("invoice", percent, amount, invoice.number)
    return CancellationTerms("nothing_due", percent, Decimal("0"))


def refund_seats(booking: Booking, *, seats: int, percent: int, key: str) -> None:
    """Give back `percent` of the price of `seats` seats of a booking paid by card (after
    commit), in whole cents rounded down."""
    if booking.payment_status != PaymentStatus.PAID or not booking.stripe_payment_intent:
        return
    amount = stripe_client.cents(booking.price_per_seat) * seats * percent // 100
    _refund_later(booking.pk, booking.stripe_payment_intent, amount, key)


def _refund_later(booking_id: int, payment_intent: str, amount: int, key: str) -> None:
    if amount > 0:
        transaction.on_commit(lambda: _refund(booking_id, payment_intent, amount, key), robust=True)


def _refund(booking_id: int, payment_intent: str, amount: int, key: str) -> None:
    """Refund through Stripe (the key makes a retry safe), then record the refunded total;
    if recording fails here, Stripe's charge.refunded event records it."""
    try:
        stripe_client.refund_create(
            payment_intent=payment_intent, amount=amount, idempotency_key=key
        )
        _refunds_record(stripe_client.payment_retrieve(payment_intent))
    except (stripe_client.PaymentError, BookingBusy):
        logger.exception("Refund %s of booking %s did not complete.", key, booking_id)


def _payment_booking(booking_id: int | None, reference: str) -> Booking | None:
    if booking_id is None:
        return None
    return Booking.objects.filter(pk=booking_id, reference=reference).first()


def _euros(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))
