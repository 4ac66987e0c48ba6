"""What a booking costs and how it is paid: the price per seat by the organisation's sector,
and the payment method (nothing to pay, invoice, or card through Stripe Checkout)."""

from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from bookings.models import Organisation, PaymentMethod, PaymentStatus, Sector
from bookings.services.errors import BookingError
from catalogue.models import Session


def card_payments_enabled() -> bool:
    return bool(settings.STRIPE_SECRET_KEY)


def price_per_seat(*, session: Session, organisation: Organisation) -> Decimal:
    training = session.training.facts
    if organisation.sector == Sector.ADMINISTRATION:
        return training.price_administration
    return training.price_companies


def payment_terms(
    *, price: Decimal, organisation: Organisation, pay_by_invoice: bool
) -> tuple[str, str]:
    """(payment method, payment status) of a new booking at `price` per seat."""
    if not price:
        return PaymentMethod.NONE, PaymentStatus.NOT_REQUIRED
    if not card_payments_enabled():
        return PaymentMethod.INVOICE, PaymentStatus.PENDING
    if pay_by_invoice:
        if not organisation.is_public_body:
            raise BookingError(_("Only public bodies can pay by invoice; please pay by card."))
        return PaymentMethod.INVOICE, PaymentStatus.PENDING
    return PaymentMethod.CARD, PaymentStatus.PENDING
