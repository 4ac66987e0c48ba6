"""Every write with rules about seats: booking, waiting list, cancellation, capacity.

Seats change only here. Each write locks the Session row (select_for_update) in a short
transaction, counts again under the lock and then decides; confirmed plus unexpired held seats
never exceed capacity. A lock that cannot be had within settings.BOOKING_LOCK_TIMEOUT is answered with
BookingBusy ("busy, try again", HTTP 503).
"""

import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from bookings.models import (
    Booking,
    BookingStatus,
    Function,
    Membership,
    Organisation,
    Participant,
    PaymentMethod,
    PaymentStatus,
    Role,
    Sector,
)
from catalogue.caching import catalogue_changed
from catalogue.models import Session
from catalogue.models.sessions import SessionStatus
from catalogue.services import session_save

HOLD_DURATION = timedelta(minutes=30)
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
STATUS_ACTION = "iq.booking.status"


class BookingError(Exception):
    """A booking rule refused the request; the message says why, in the user's language."""


class BookingBusy(BookingError):
    """The session is locked by other bookings right now; try again in a moment."""


@dataclass(frozen=True)
class ParticipantData:
    name: str
    function: str
    email: str = ""


def card_payments_enabled() -> bool:
    return bool(settings.STRIPE_SECRET_KEY)


@contextmanager
def session_locked(session_id: int) -> Iterator[Session]:
    """The session row, locked until the surrounding transaction ends."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config('lock_timeout', %s, true)", [settings.BOOKING_LOCK_TIMEOUT]
                )
        try:
            session = Session.objects.select_for_update().get(pk=session_id)
        except OperationalError as error:
            if getattr(error.__cause__, "sqlstate", None) == "55P03":  # lock_not_available
                raise BookingBusy(
                    _("Many people are booking this session right now. Please try again.")
                ) from error
            raise
        yield session


@transaction.atomic
def organisation_create(*, user, **fields) -> Organisation:
    """Create an organisation with `user` as its first admin."""
    if Membership.objects.filter(user=user).exists():
        raise BookingError(_("You already belong to an organisation."))
    organisation = Organisation(**fields)
    organisation.full_clean()
    organisation.save()
    Membership.objects.create(user=user, organisation=organisation, role=Role.ADMIN)
    log(instance=organisation, action="wagtail.create", user=user)
    return organisation


def booking_create(
    *,
    session: Session,
    organisation: Organisation,
    participants: Sequence[ParticipantData],
    by,
    pay_by_invoice: bool = False,
) -> Booking:
    """Book one seat per participant: confirmed, held for payment, or waitlisted."""
    _check_participants(participants)
    price = price_per_seat(session=session, organisation=organisation)
    method, payment_status = _payment(price, organisation, pay_by_invoice)
    with session_locked(session.pk) as locked:
        _check_bookable(locked, organisation)
        free = locked.capacity - seats_taken(locked)
        if len(participants) <= free:
            status = BookingStatus.HELD if method == PaymentMethod.CARD else BookingStatus.CONFIRMED
        else:
            status = BookingStatus.WAITLISTED
        booking = Booking.objects.create(
            reference=_new_reference(),
            session=locked,
            organisation=organisation,
            status=status,
            seats=len(participants),
            price_per_seat=price,
            payment_method=method,
            payment_status=payment_status,
            hold_expires_at=timezone.now() + HOLD_DURATION
            if status == BookingStatus.HELD
            else None,
            created_by=by,
        )
        Participant.objects.bulk_create(
            Participant(
                booking=booking, name=p.name.strip(), email=p.email.strip(), function=p.function
            )
            for p in participants
        )
        _log_status(booking, "", status, by)
        _sync_seats(locked)
    return booking


def booking_cancel(
    *, booking: Booking, by, participant_ids: Sequence[int] | None = None, as_staff: bool = False
) -> Booking:
    """Cancel a whole booking or some of its participants; freed seats go to the waiting list.
    Bookers may cancel until the booking deadline, staff at any time."""
    with session_locked(booking.session_id) as locked:
        booking = Booking.objects.get(pk=booking.pk)
        if booking.status in (BookingStatus.CANCELLED, BookingStatus.EXPIRED):
            raise BookingError(_("This booking has already been cancelled."))
        if not as_staff and not locked.before_booking_deadline:
            raise BookingError(
                _("The booking deadline has passed; please contact the programme team.")
            )
        active = booking.participants.filter(cancelled_at__isnull=True)
        if participant_ids is not None:
            chosen = active.filter(pk__in=participant_ids)
            if chosen.count() != len(set(participant_ids)) or not participant_ids:
                raise BookingError(_("Choose participants of this booking to cancel."))
        else:
            chosen = active
        now = timezone.now()
        cancelled = chosen.update(cancelled_at=now)
        booking.seats -= cancelled
        previous = booking.status
        if booking.seats == 0:
            booking.seats = cancelled  # keep what was booked, for the record
            booking.status = BookingStatus.CANCELLED
        booking.save(update_fields=["seats", "status", "updated_at"])
        if booking.status != previous:
            _log_status(booking, previous, booking.status, by)
        else:
            log(
                instance=booking,
                action="wagtail.edit",
                user=by,
                data={"cancelled_participants": cancelled},
            )
        _sync_seats(locked)
        _promote_waitlist(locked, by)
    return booking


def session_capacity_set(*, session: Session, capacity: int, by) -> Session:
    """Raise or lower a session's capacity; never below the seats taken. Raising it moves the
    waiting list up."""
    with session_locked(session.pk) as locked:
        taken = seats_taken(locked)
        if capacity < taken:
            raise BookingError(
                _("%(taken)s seats are already taken; the capacity cannot be lower.")
                % {"taken": taken}
            )
        locked.capacity = capacity
        session_save(session=locked)
        _sync_seats(locked)
        _promote_waitlist(locked, by)
    return locked


def session_cancel(*, session: Session, by) -> Session:
    """Cancel a session and every booking in it."""
    with session_locked(session.pk) as locked:
        locked.status = SessionStatus.CANCELLED
        session_save(session=locked)
        for booking in locked.bookings.exclude(
            status__in=(BookingStatus.CANCELLED, BookingStatus.EXPIRED)
        ):
            previous = booking.status
            booking.status = BookingStatus.CANCELLED
            booking.save(update_fields=["status", "updated_at"])
            _log_status(booking, previous, booking.status, by)
        _sync_seats(locked)
    return locked


def holds_expire(*, session: Session) -> int:
    """Turn the session's lapsed payment holds into expired bookings and move the waiting list
    up. Returns how many expired."""
    with session_locked(session.pk) as locked:
        lapsed = list(
            locked.bookings.filter(status=BookingStatus.HELD, hold_expires_at__lte=timezone.now())
        )
        for booking in lapsed:
            booking.status = BookingStatus.EXPIRED
            booking.save(update_fields=["status", "updated_at"])
            _log_status(booking, BookingStatus.HELD, BookingStatus.EXPIRED, None)
        _sync_seats(locked)
        _promote_waitlist(locked, None)
    return len(lapsed)


def price_per_seat(*, session: Session, organisation: Organisation) -> Decimal:
    training = session.training
    if organisation.sector == Sector.ADMINISTRATION:
        return training.price_administration
    return training.price_companies


def seats_taken(session: Session) -> int:
    """Confirmed plus unexpired held seats, counted from the bookings."""
    return (
        Booking.objects.filter(session=session)
        .filter(
            Q(status=BookingStatus.CONFIRMED)
            | Q(status=BookingStatus.HELD, hold_expires_at__gt=timezone.now())
        )
        .aggregate(seats=Coalesce(Sum("seats"), 0))["seats"]
    )


def _promote_waitlist(session: Session, by) -> None:
    """First come, first served: every waiting booking that fits moves up (free or invoice:
    confirmed; card: held for payment)."""
    free = session.capacity - seats_taken(session)
    if free <= 0 or session.status != SessionStatus.OPEN:
        return
    for booking in session.bookings.filter(status=BookingStatus.WAITLISTED).order_by(
        "created_at", "pk"
    ):
        if booking.seats > free:
            continue
        previous = booking.status
        if booking.payment_method == PaymentMethod.CARD:
            booking.status = BookingStatus.HELD
            booking.hold_expires_at = timezone.now() + timedelta(hours=48)
        else:
            booking.status = BookingStatus.CONFIRMED
        booking.save(update_fields=["status", "hold_expires_at", "updated_at"])
        _log_status(booking, previous, booking.status, by)
        free -= booking.seats
    _sync_seats(session)


def _sync_seats(session: Session) -> None:
    session.seats_taken = seats_taken(session)
    Session.objects.filter(pk=session.pk).update(seats_taken=session.seats_taken)
    catalogue_changed()


def _check_bookable(session: Session, organisation: Organisation) -> None:
    if session.status == SessionStatus.CANCELLED:
        raise BookingError(_("This session has been cancelled."))
    if session.is_private:
        raise BookingError(_("This in-house session can only be booked by its organisation."))
    if session.status != SessionStatus.OPEN:
        raise BookingError(_("This session is not open for booking."))
    if not session.before_booking_deadline:
        raise BookingError(_("The booking deadline for this session has passed."))


def _check_participants(participants: Sequence[ParticipantData]) -> None:
    if not participants:
        raise BookingError(_("Name at least one participant."))
    for participant in participants:
        if not participant.name.strip():
            raise BookingError(_("Every participant needs a name."))
        if participant.function not in Function.values:
            raise BookingError(_("Choose employee or manager for every participant."))


def _payment(price: Decimal, organisation: Organisation, pay_by_invoice: bool):
    if not price:
        return PaymentMethod.NONE, PaymentStatus.NOT_REQUIRED
    if not card_payments_enabled():
        return PaymentMethod.INVOICE, PaymentStatus.PENDING
    if pay_by_invoice:
        if not organisation.is_public_body:
            raise BookingError(_("Only public bodies can pay by invoice; please pay by card."))
        return PaymentMethod.INVOICE, PaymentStatus.PENDING
    return PaymentMethod.CARD, PaymentStatus.PENDING


def _new_reference() -> str:
    while True:
        reference = "IQ-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
        if not Booking.objects.filter(reference=reference).exists():
            return reference


def _log_status(booking: Booking, previous: str, new: str, by) -> None:
    log(instance=booking, action=STATUS_ACTION, user=by, data={"from": previous, "to": new})
