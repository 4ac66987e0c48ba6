"""Stripe: the only module that talks to it (stripe-python's StripeClient).

Callers use it outside their transactions (Stripe calls run after commit, never under a lock);
every create carries an idempotency key. Stripe's answers come back as small frozen records, so
nothing else depends on stripe-python's types."""

import json
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import lru_cache

import stripe
from django.conf import settings
from django.utils import timezone

from bookings.models import Booking

# Stripe lets a Checkout Session live from 30 minutes to 24 hours; a minute of slack below.
CHECKOUT_MIN_LIFETIME = timedelta(minutes=31)
CHECKOUT_MAX_LIFETIME = timedelta(hours=24)
CHECKOUT_EVENTS = frozenset(
    {
        "checkout.session.completed",
        "checkout.session.async_payment_succeeded",
        "checkout.session.async_payment_failed",
        "checkout.session.expired",
    }
)
REFUND_EVENTS = frozenset({"charge.refunded"})


class PaymentError(Exception):
    """Stripe could not be reached or refused the request."""


class NotFound(PaymentError):
    """Stripe does not know the object (e.g. it belongs to another integration)."""


class InvalidEvent(Exception):
    """A webhook request that is not a verified, well-formed Stripe event."""


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    checkout_id: str = ""  # checkout.session.* events
    payment_intent: str = ""  # charge.* events


@dataclass(frozen=True)
class Checkout:
    id: str
    url: str
    status: str  # open, complete, expired
    payment_status: str  # paid, unpaid, no_payment_required
    payment_intent: str
    payment_intent_status: str
    amount_total: int  # cents
    booking_id: int | None
    booking_reference: str
    expires_at: datetime

    @property
    def paid(self) -> bool:
        return self.status == "complete" and self.payment_status in ("paid", "no_payment_required")

    @property
    def failed(self) -> bool:
        """An asynchronous payment (e.g. SEPA debit) that did not go through."""
        return (
            self.status == "complete"
            and self.payment_status == "unpaid"
            and self.payment_intent_status in ("requires_payment_method", "canceled")
        )


@dataclass(frozen=True)
class Payment:
    """A PaymentIntent with what its charge took and gave back, in cents."""

    id: str
    amount: int
    amount_refunded: int
    booking_id: int | None
    booking_reference: str


def cents(amount: Decimal) -> int:
    return int((amount * 100).quantize(Decimal("1")))


def checkout_expiry(hold_expires_at: datetime, now: datetime) -> int:
    """When the Checkout Session ends (epoch seconds): with the hold, but within Stripe's
    30 minutes to 24 hours. Whole minutes, so a repeat within the minute sends the same
    parameters under the same idempotency key."""
    earliest = math.ceil((now + CHECKOUT_MIN_LIFETIME).timestamp() / 60) * 60
    latest = math.floor((now + CHECKOUT_MAX_LIFETIME).timestamp() / 60) * 60
    return max(min(math.ceil(hold_expires_at.timestamp()), latest), earliest)


def checkout_create(
    *,
    booking: Booking,
    replaces: str,
    title: str,
    email: str,
    locale: str,
    success_url: str,
    cancel_url: str,
) -> Checkout:
    """A Checkout Session for the booking's seats at its price per seat, in euros. `replaces`
    is the booking's previous Checkout Session that has ended ("" for the first)."""
    expires_at = checkout_expiry(booking.hold_expires_at, timezone.now())
    metadata = {
        "booking_reference": booking.reference,
        "booking_id": str(booking.pk),
        "session_id": str(booking.session_id),
    }
    params = {
        "mode": "payment",
        "line_items": [
            {
                "quantity": booking.seats,
                "price_data": {
                    "currency": "eur",
                    "unit_amount": cents(booking.price_per_seat),
                    "product_data": {"name": title},
                },
            }
        ],
        "metadata": metadata,
        "payment_intent_data": {"metadata": metadata},
        "client_reference_id": booking.reference,
        "locale": locale,
        "success_url": success_url,
        "cancel_url": cancel_url,
        "expires_at": expires_at,
    }
    if email:
        params["customer_email"] = email
    hold = int(booking.hold_expires_at.timestamp())
    key = f"checkout-{booking.pk}-{hold}-{booking.seats}-{expires_at}-{replaces or 'first'}"
    return _checkout(
        _call(lambda client: client.v1.checkout.sessions.create(params, {"idempotency_key": key}))
    )


def checkout_retrieve(checkout_id: str) -> Checkout:
    return _checkout(
        _call(
            lambda client: client.v1.checkout.sessions.retrieve(
                checkout_id, {"expand": ["payment_intent"]}
            )
        )
    )


def payment_retrieve(payment_intent: str) -> Payment:
    intent = _call(
        lambda client: client.v1.payment_intents.retrieve(
            payment_intent, {"expand": ["latest_charge"]}
        )
    )
    charge = intent.get("latest_charge")
    if not isinstance(charge, dict):  # not charged yet
        charge = {}
    metadata = intent.get("metadata") or {}
    return Payment(
        id=intent["id"],
        amount=charge.get("amount", 0),
        amount_refunded=charge.get("amount_refunded", 0),
        booking_id=_int_or_none(metadata.get("booking_id")),
        booking_reference=metadata.get("booking_reference", ""),
    )


def refund_create(*, payment_intent: str, amount: int, idempotency_key: str) -> None:
    """Give `amount` cents of the payment back."""
    params = {"payment_intent": payment_intent, "amount": amount}
    _call(lambda client: client.v1.refunds.create(params, {"idempotency_key": idempotency_key}))


def event_verify(payload: bytes, signature: str | None) -> Event:
    """The event in a webhook request, if its Stripe-Signature matches the raw body and is
    recent (Stripe's default tolerance of five minutes)."""
    if not settings.STRIPE_WEBHOOK_SECRET:
        raise InvalidEvent("Stripe webhooks are not configured.")
    try:
        stripe.WebhookSignature.verify_header(
            payload, signature, settings.STRIPE_WEBHOOK_SECRET, stripe.Webhook.DEFAULT_TOLERANCE
        )
    except stripe.SignatureVerificationError as error:
        raise InvalidEvent("Invalid or stale signature.") from error
    except ValueError as error:  # a body that is not UTF-8
        raise InvalidEvent("Invalid payload.") from error
    try:
        event = json.loads(payload)
        event_id, event_type, obj = event["id"], event["type"], event["data"]["object"]
        if not (isinstance(event_id, str) and isinstance(event_type, str)):
            raise TypeError
        if event_type in CHECKOUT_EVENTS:
            return Event(id=event_id, type=event_type, checkout_id=_text(obj["id"]))
        if event_type in REFUND_EVENTS:
            return Event(id=event_id, type=event_type, payment_intent=_text(obj["payment_intent"]))
        return Event(id=event_id, type=event_type)
    except (ValueError, KeyError, TypeError) as error:
        raise InvalidEvent("Invalid payload.") from error


@lru_cache(maxsize=4)
def _client(api_key: str, api_base: str) -> stripe.StripeClient:
    return stripe.StripeClient(api_key, base_addresses={"api": api_base}, max_network_retries=2)


def _call(request):
    if not settings.STRIPE_SECRET_KEY:
        raise PaymentError("Stripe is not configured.")
    try:
        response = request(_client(settings.STRIPE_SECRET_KEY, settings.STRIPE_API_BASE))
    except stripe.InvalidRequestError as error:
        if error.http_status == 404:
            raise NotFound(str(error)) from error
        raise PaymentError(str(error)) from error
    except stripe.StripeError as error:
        raise PaymentError(str(error)) from error
    return response.to_dict()


def _checkout(data: dict) -> Checkout:
    intent = data.get("payment_intent") or ""
    if isinstance(intent, dict):
        intent_id, intent_status = intent["id"], intent.get("status", "")
    else:
        intent_id, intent_status = intent, ""
    metadata = data.get("metadata") or {}
    return Checkout(
        id=data["id"],
        url=data.get("url") or "",
        status=data.get("status") or "",
        payment_status=data.get("payment_status") or "",
        payment_intent=intent_id,
        payment_intent_status=intent_status,
        amount_total=data.get("amount_total") or 0,
        booking_id=_int_or_none(metadata.get("booking_id")),
        booking_reference=metadata.get("booking_reference", ""),
        expires_at=datetime.fromtimestamp(data.get("expires_at") or 0, tz=UTC),
    )


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _text(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError
    return value
