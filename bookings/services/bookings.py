"""Booking seats: booking, cancelling, renaming participants, a session's capacity and its
cancellation. Every write that changes seats runs under the session lock, counts again under
it and then decides: confirmed, held (awaiting payment, with expiry) or waitlisted."""

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from bookings.models import (
    Attendance,
    AttendanceStatus,
    Booking,
    BookingStatus,
    Function,
    InhouseRequest,
    Membership,
    Organisation,
    Participant,
    PaymentMethod,
)
from bookings.notifications import notify, notify_staff, notify_status
from bookings.services.errors import BookingError
from bookings.services.history import log_status
from bookings.services.invoices import (
    credit_note_issue,
    credited_total,
    invoice_for_booking,
    invoices_on_confirmation,
)
from bookings.services.locking import session_locked
from bookings.services.payments import refund_cancelled, refund_percent, refund_seats
from bookings.services.periods import check_period_open
from bookings.services.pricing import payment_terms, price_per_seat
from bookings.services.scope import check_staff_scope
from bookings.services.seats import (
    HOLD_DURATION,
    expire_lapsed_holds,
    promote_waitlist,
    seats_taken,
    seats_taken_and_lapsed_holds,
    sync_seats,
)
from catalogue.caching import seats_changed
from catalogue.models import Session
from catalogue.models.sessions import SessionStatus
from catalogue.selectors.staff import staff_scope
from catalogue.services import session_save

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
RENAME_ACTION = "iq.booking.participants_renamed"


@dataclass(frozen=True)
class ParticipantData:
    name: str
    function: str
    email: str = ""


def booking_create(
    *,
    session: Session,
    organisation: Organisation,
    participants: Sequence[ParticipantData],
    by,
    pay_by_invoice: bool = False,
    language: str | None = None,
    as_staff: bool = False,
    order_reference: str = "",
    fill_then_waitlist: bool = False,
) -> Booking:
    """Book one seat per participant: confirmed, held for payment, or waitlisted. `language`
    (default: the active one) is the language of the emails about the booking. Staff booking on
    an organisation's behalf (`as_staff`) do so for the sessions of their state networks.
    `order_reference` (the buyer's order or cost centre) goes onto the invoice. With
    `fill_then_waitlist`, when some but too few seats are free, the first participants take
    them and the others get a second booking on the waiting list, under one lock (nobody takes
    the seats in between); the first booking is returned."""
    options = {
        "by": by,
        "pay_by_invoice": pay_by_invoice,
        "language": language,
        "as_staff": as_staff,
        "order_reference": order_reference,
    }
    if fill_then_waitlist and len(participants) > 1:
        with session_locked(session.pk) as locked:
            taken, lapsed = seats_taken_and_lapsed_holds(locked)
            if lapsed:
                expire_lapsed_holds(locked)
                taken = seats_taken(locked)
            free = locked.capacity - taken
            if 0 < free < len(participants):
                first = booking_create(
                    session=locked,
                    organisation=organisation,
                    participants=participants[:free],
                    **options,
                )
                booking_create(
                    session=locked,
                    organisation=organisation,
                    participants=participants[free:],
                    **options,
                )
                return first
    if as_staff:
        check_staff_scope(by, session.state)
    _check_participants(participants)
    price = price_per_seat(session=session, organisation=organisation)
    method, payment_status = payment_terms(
        price=price, organisation=organisation, pay_by_invoice=pay_by_invoice
    )
    while True:
        reference = _new_reference()
        try:
            booking = _booking_insert(
                reference=reference,
                session=session,
                organisation=organisation,
                participants=participants,
                by=by,
                price=price,
                method=method,
                payment_status=payment_status,
                language=language or get_language() or "de",
                order_reference=order_reference.strip()[:100],
            )
        except IntegrityError:
            # The reference had been drawn before (about one in a billion): book again.
            if not Booking.objects.filter(reference=reference).exists():
                raise
        else:
            if as_staff:  # the state network's other staff learn of phone and email orders
                notify_staff("staff_booking", state=session.state, by=by, booking=booking)
            return booking


def _booking_insert(
    *,
    reference: str,
    session: Session,
    organisation: Organisation,
    participants: Sequence[ParticipantData],
    by,
    price: Decimal,
    method: str,
    payment_status: str,
    language: str,
    order_reference: str,
) -> Booking:
    """The booking itself, decided and written under the session lock."""
    with session_locked(session.pk) as locked:
        _check_bookable(locked, organisation)
        if len(participants) > locked.capacity:
            raise BookingError(
                _("The session has %(capacity)s places; at most that many can be booked.")
                % {"capacity": locked.capacity}
            )
        taken, lapsed = seats_taken_and_lapsed_holds(locked)
        if lapsed:
            # Seats of lapsed holds go to the waiting list first, not to whoever books next.
            expire_lapsed_holds(locked)
            taken = seats_taken(locked)
        if len(participants) <= locked.capacity - taken:
            status = BookingStatus.HELD if method == PaymentMethod.CARD else BookingStatus.CONFIRMED
            taken += len(participants)
        else:
            status = BookingStatus.WAITLISTED
        booking = Booking.objects.create(
            reference=reference,
            session=locked,
            organisation=organisation,
            organisation_type=organisation.type,  # the sector it booked under
            status=status,
            seats=len(participants),
            price_per_seat=price,
            payment_method=method,
            payment_status=payment_status,
            hold_expires_at=timezone.now() + HOLD_DURATION
            if status == BookingStatus.HELD
            else None,
            created_by=by,
            language=language,
            order_reference=order_reference,
        )
        Participant.objects.bulk_create(
            Participant(
                booking=booking, name=p.name.strip(), email=p.email.strip(), function=p.function
            )
            for p in participants
        )
        if status == BookingStatus.CONFIRMED:
            invoices_on_confirmation(booking)
        log_status(booking, "", status, by)
        notify_status(booking, previous="", new=status)
        if taken != locked.seats_taken:
            locked.seats_taken = taken
            Session.objects.filter(pk=locked.pk).update(seats_taken=taken)
            seats_changed()
    return booking


def booking_cancel(
    *, booking: Booking, by, participant_ids: Sequence[int] | None = None, as_staff: bool = False
) -> Booking:
    """Cancel a whole booking or some of its participants; freed seats go to the waiting list.
    Bookers may cancel until the booking deadline, staff at any time. Whoever was present on a
    date stays (the figures and certificates count them): cancelling the whole booking then
    cancels only the others, naming one who attended is refused. Seats paid by card are
    refunded after commit according to the training's refund policy."""
    with session_locked(booking.session_id) as locked:
        if as_staff:
            check_staff_scope(by, locked.state)
        booking = Booking.objects.get(pk=booking.pk)
        if booking.status in (BookingStatus.CANCELLED, BookingStatus.EXPIRED):
            raise BookingError(_("This booking has already been cancelled."))
        if not as_staff and not locked.before_booking_deadline:
            raise BookingError(
                _("The booking deadline has passed; please contact the programme team.")
            )
        active = booking.participants.filter(cancelled_at__isnull=True)
        attended = dict(
            active.filter(
                attendances__status=AttendanceStatus.PRESENT,
                attendances__occurrence__is_cancelled=False,
            ).values_list("pk", "name")
        )
        if participant_ids is not None:
            chosen = active.filter(pk__in=participant_ids)
            if chosen.count() != len(set(participant_ids)) or not participant_ids:
                raise BookingError(_("Choose participants of this booking to cancel."))
            if present := [attended[pk] for pk in participant_ids if pk in attended]:
                raise BookingError(
                    _(
                        "%(names)s attended the session; an attended participation stays in the "
                        "figures and cannot be cancelled."
                    )
                    % {"names": ", ".join(sorted(set(present)))}
                )
        else:
            chosen = active.exclude(pk__in=attended)
            if attended and not chosen.exists():
                raise BookingError(
                    _(
                        "Everyone in this booking attended the session; an attended "
                        "participation stays in the figures and cannot be cancelled."
                    )
                )
        now = timezone.now()
        cancelled_ids = list(chosen.values_list("pk", flat=True))
        cancelled = chosen.update(cancelled_at=now)
        booking.seats -= cancelled
        previous = booking.status
        if booking.seats == 0:
            booking.seats = cancelled  # keep what was booked, for the record
            booking.status = BookingStatus.CANCELLED
        booking.save(update_fields=["seats", "status", "updated_at"])
        refund_cancelled(booking, locked, cancelled_ids)
        invoice = invoice_for_booking(booking)
        if invoice is not None and credited_total(invoice) < invoice.gross_total:
            credit_note_issue(
                invoice,
                seats=len(cancelled_ids),
                percent=refund_percent(locked),
                reason=_("cancellation"),
                by=by,
            )
        if booking.status != previous:
            log_status(booking, previous, booking.status, by)
            notify_status(
                booking, previous=previous, new=booking.status, participants=cancelled_ids
            )
        else:
            log(
                instance=booking,
                action="wagtail.edit",
                user=by,
                data={"cancelled_participants": cancelled},
            )
            notify(
                "participants_cancelled",
                booking,
                participants=cancelled_ids,
                calendar=booking.status == BookingStatus.CONFIRMED,
            )
        sync_seats(locked)
        promote_waitlist(locked, by)
        notify_staff(
            "staff_cancellation",
            state=locked.state,
            by=by,
            booking=booking,
            participants=cancelled_ids,
        )
    return booking


def session_capacity_set(*, session: Session, capacity: int, by) -> Session:
    """Raise or lower a session's capacity; never below the seats taken. Raising it moves the
    waiting list up."""
    with session_locked(session.pk) as locked:
        check_staff_scope(by, locked.state)
        taken = seats_taken(locked)
        if capacity < taken:
            raise BookingError(
                _("%(taken)s seats are already taken; the capacity cannot be lower.")
                % {"taken": taken}
            )
        locked.capacity = capacity
        session_save(session=locked)
        sync_seats(locked)
        promote_waitlist(locked, by)
    return locked


def session_cancel(*, session: Session, by) -> Session:
    """Cancel a session and every booking in it; card payments are refunded in full."""
    with session_locked(session.pk) as locked:
        check_staff_scope(by, locked.state)
        if locked.status == SessionStatus.HELD:
            raise BookingError(_("A session that was held cannot be cancelled."))
        check_period_open(locked)
        if Attendance.objects.filter(
            occurrence__session=locked, status=AttendanceStatus.PRESENT
        ).exists():
            raise BookingError(
                _(
                    "Participants were present at this session; it took place and cannot be "
                    "cancelled. Mark it as held instead."
                )
            )
        locked.status = SessionStatus.CANCELLED
        session_save(session=locked, status_change=True, notice=True)  # tells the trainers
        for booking in locked.bookings.exclude(
            status__in=(BookingStatus.CANCELLED, BookingStatus.EXPIRED)
        ):
            previous = booking.status
            booking.status = BookingStatus.CANCELLED
            booking.save(update_fields=["status", "updated_at"])
            refund_seats(
                booking, seats=booking.seats, percent=100, key=f"refund-{booking.pk}-session"
            )
            invoice = invoice_for_booking(booking)
            if invoice is not None and credited_total(invoice) < invoice.gross_total:
                credit_note_issue(
                    invoice,
                    seats=booking.seats,
                    percent=100,
                    reason=_("the cancelled session"),
                    by=by,
                )
            log_status(booking, previous, booking.status, by)
            notify_status(booking, previous=previous, new=booking.status)
        sync_seats(locked)
    return locked


def _check_bookable(session: Session, organisation: Organisation) -> None:
    if session.status == SessionStatus.CANCELLED:
        raise BookingError(_("This session has been cancelled."))
    if session.is_private and not _private_session_of(session, organisation):
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


def _private_session_of(session: Session, organisation: Organisation) -> bool:
    return InhouseRequest.objects.filter(session=session, organisation=organisation).exists()


def _new_reference() -> str:
    """A random reference; the unique constraint catches the rare repeat."""
    return "IQ-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


def participants_renamable(booking: Booking) -> bool:
    """Participants can be renamed until the booking deadline, unless the booking has ended."""
    return (
        booking.status not in (BookingStatus.CANCELLED, BookingStatus.EXPIRED)
        and booking.session.before_booking_deadline
    )


def participant_rename(*, booking: Booking, participants: Mapping[int, ParticipantData], by) -> int:
    """Change the name, email or function of active participants, until the booking deadline.
    Returns how many changed; the log names only which participants changed, not their data."""
    _check_participants(list(participants.values()))
    with session_locked(booking.session_id):
        booking = Booking.objects.select_related("session").get(pk=booking.pk)
        if not Membership.objects.filter(user=by, organisation_id=booking.organisation_id).exists():
            raise BookingError(_("Only members of the booking organisation can change it."))
        if booking.status in (BookingStatus.CANCELLED, BookingStatus.EXPIRED):
            raise BookingError(_("This booking has ended; its participants cannot be changed."))
        if not booking.session.before_booking_deadline:
            raise BookingError(
                _(
                    "The booking deadline has passed; participants can no longer be renamed. "
                    "Please contact the programme team."
                )
            )
        active = {p.pk: p for p in booking.participants.filter(cancelled_at__isnull=True)}
        if not set(participants) <= set(active):
            raise BookingError(_("Only active participants of this booking can be renamed."))
        changed = []
        for pk, data in participants.items():
            participant = active[pk]
            new = (data.name.strip(), data.email.strip(), data.function)
            if (participant.name, participant.email, participant.function) != new:
                participant.name, participant.email, participant.function = new
                changed.append(participant)
        Participant.objects.bulk_update(changed, ["name", "email", "function"])
        if changed:
            log(
                instance=booking,
                action=RENAME_ACTION,
                user=by,
                data={"participants": [participant.pk for participant in changed]},
            )
    return len(changed)


def offer_accept(*, booking: Booking, by) -> Booking:
    """The booker accepts the seats offered from the waiting list (payment by invoice): the
    booking is confirmed and invoiced. Refused once the offer has lapsed."""
    with session_locked(booking.session_id):
        booking = Booking.objects.select_related("session__training").get(pk=booking.pk)
        if booking.status != BookingStatus.HELD or booking.payment_method != PaymentMethod.INVOICE:
            raise BookingError(_("There is no open offer for this booking."))
        if booking.hold_expires_at <= timezone.now():
            raise BookingError(
                _("The offer has lapsed; the seats go to the next booking on the waiting list.")
            )
        booking.status = BookingStatus.CONFIRMED
        booking.hold_expires_at = None
        booking.save(update_fields=["status", "hold_expires_at", "updated_at"])
        log_status(booking, BookingStatus.HELD, booking.status, by)
        invoices_on_confirmation(booking)
        notify_status(booking, previous=BookingStatus.HELD, new=booking.status)
    return booking


RECLASSIFY_ACTION = "iq.booking.reclassified"


def bookings_to_reclassify(organisation: Organisation, by):
    """The organisation's bookings, in `by`'s state networks, made under another type than the
    organisation has now."""
    return staff_scope(by).filter(
        Booking.objects.filter(organisation=organisation).exclude(
            organisation_type=organisation.type
        ),
        "session__state",
    )


@transaction.atomic
def bookings_reclassify(*, organisation: Organisation, by, reason: str) -> int:
    """Count the organisation's past bookings under the type it has now (a correction of its
    type moves no figure by itself): explicit, with a reason, each booking logged. Returns how
    many bookings changed."""
    reason = reason.strip()
    if not reason:
        raise BookingError(
            _("Say why the bookings are re-classified; the reason is kept in their history.")
        )
    changed = 0
    for booking in bookings_to_reclassify(organisation, by).select_for_update():
        previous = booking.organisation_type
        booking.organisation_type = organisation.type
        booking.save(update_fields=["organisation_type", "updated_at"])
        log(
            instance=booking,
            action=RECLASSIFY_ACTION,
            user=by,
            data={"from": previous, "to": organisation.type, "reason": reason},
        )
        changed += 1
    return changed
