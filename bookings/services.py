"""Every write with rules about seats: booking, waiting list, cancellation, capacity.

Seats change only here. Each write locks the Session row (select_for_update) in a short
transaction, counts again under the lock and then decides; confirmed plus unexpired held seats
never exceed capacity. A lock that cannot be had within settings.BOOKING_LOCK_TIMEOUT is answered with
BookingBusy ("busy, try again", HTTP 503).
"""

import hashlib
import logging
import secrets
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import ModelLogEntry

from bookings import payments
from bookings.models import (
    Attendance,
    AttendanceStatus,
    Booking,
    BookingStatus,
    Function,
    InhouseRequest,
    InhouseRequestStatus,
    Invitation,
    Membership,
    Organisation,
    Participant,
    PaymentMethod,
    PaymentStatus,
    Role,
    Sector,
    StripeEvent,
)
from bookings.notifications import notify, notify_address, notify_status
from catalogue.caching import catalogue_changed
from catalogue.models import Occurrence, Session
from catalogue.models.sessions import SessionStatus
from catalogue.selectors import training_translations
from catalogue.services import CatalogueError, session_save

HOLD_DURATION = timedelta(minutes=30)
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
STATUS_ACTION = "iq.booking.status"

logger = logging.getLogger(__name__)


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
        sessions = Session.objects.select_for_update()
        if connection.vendor == "postgresql":
            # The wait for the lock is bounded from within the locking statement (no round trip
            # of its own): the condition is evaluated before the row is locked, and the setting
            # lasts until the transaction ends.
            lock_timeout_set = RawSQL(
                "set_config('lock_timeout', %s, true) IS NOT NULL",
                [settings.BOOKING_LOCK_TIMEOUT],
                output_field=BooleanField(),
            )
            sessions = sessions.filter(lock_timeout_set)
        try:
            session = sessions.get(pk=session_id)
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
    language: str | None = None,
) -> Booking:
    """Book one seat per participant: confirmed, held for payment, or waitlisted. `language`
    (default: the active one) is the language of the emails about the booking."""
    _check_participants(participants)
    price = price_per_seat(session=session, organisation=organisation)
    method, payment_status = _payment(price, organisation, pay_by_invoice)
    while True:
        reference = _new_reference()
        try:
            return _booking_insert(
                reference=reference,
                session=session,
                organisation=organisation,
                participants=participants,
                by=by,
                price=price,
                method=method,
                payment_status=payment_status,
                language=language or get_language() or "de",
            )
        except IntegrityError:
            # The reference had been drawn before (about one in a billion): book again.
            if not Booking.objects.filter(reference=reference).exists():
                raise


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
) -> Booking:
    """The booking itself, decided and written under the session lock."""
    with session_locked(session.pk) as locked:
        _check_bookable(locked, organisation)
        taken, lapsed = _seats_taken_and_lapsed_holds(locked)
        if lapsed:
            # Seats of lapsed holds go to the waiting list first, not to whoever books next.
            _expire_lapsed_holds(locked)
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
        )
        Participant.objects.bulk_create(
            Participant(
                booking=booking, name=p.name.strip(), email=p.email.strip(), function=p.function
            )
            for p in participants
        )
        _log_status(booking, "", status, by)
        if taken != locked.seats_taken:
            locked.seats_taken = taken
            Session.objects.filter(pk=locked.pk).update(seats_taken=taken)
            catalogue_changed()
    return booking


def booking_cancel(
    *, booking: Booking, by, participant_ids: Sequence[int] | None = None, as_staff: bool = False
) -> Booking:
    """Cancel a whole booking or some of its participants; freed seats go to the waiting list.
    Bookers may cancel until the booking deadline, staff at any time. Seats paid by card are
    refunded after commit according to the training's refund policy."""
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
        cancelled_ids = list(chosen.values_list("pk", flat=True))
        cancelled = chosen.update(cancelled_at=now)
        booking.seats -= cancelled
        previous = booking.status
        if booking.seats == 0:
            booking.seats = cancelled  # keep what was booked, for the record
            booking.status = BookingStatus.CANCELLED
        booking.save(update_fields=["seats", "status", "updated_at"])
        _refund_cancelled(booking, locked, cancelled_ids)
        if booking.status != previous:
            _log_status(booking, previous, booking.status, by, participants=cancelled_ids)
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
    """Cancel a session and every booking in it; card payments are refunded in full."""
    with session_locked(session.pk) as locked:
        locked.status = SessionStatus.CANCELLED
        session_save(session=locked)
        for booking in locked.bookings.exclude(
            status__in=(BookingStatus.CANCELLED, BookingStatus.EXPIRED)
        ):
            previous = booking.status
            booking.status = BookingStatus.CANCELLED
            booking.save(update_fields=["status", "updated_at"])
            _refund_seats(
                booking, seats=booking.seats, percent=100, key=f"refund-{booking.pk}-session"
            )
            _log_status(booking, previous, booking.status, by)
        _sync_seats(locked)
    return locked


def holds_expire(*, session: Session) -> int:
    """Turn the session's lapsed payment holds into expired bookings and move the waiting list
    up. Returns how many expired."""
    with session_locked(session.pk) as locked:
        return _expire_lapsed_holds(locked)


def _expire_lapsed_holds(session: Session) -> int:
    """Under the session lock: lapsed holds expire and the waiting list moves up."""
    lapsed = list(
        session.bookings.filter(status=BookingStatus.HELD, hold_expires_at__lte=timezone.now())
    )
    for booking in lapsed:
        booking.status = BookingStatus.EXPIRED
        booking.save(update_fields=["status", "updated_at"])
        _log_status(booking, BookingStatus.HELD, BookingStatus.EXPIRED, None)
    if lapsed:
        _sync_seats(session)
        _promote_waitlist(session, None)
    return len(lapsed)


def holds_expire_lapsed() -> int:
    """Expire the lapsed holds of every session that has any (safe to run at any time, e.g.
    from cron); a session that is busy right now is left for the next run. Returns how many
    holds expired."""
    session_ids = (
        Booking.objects.filter(status=BookingStatus.HELD, hold_expires_at__lte=timezone.now())
        .order_by()
        .values_list("session_id", flat=True)
        .distinct()
    )
    expired = 0
    for session in Session.objects.filter(pk__in=list(session_ids)).order_by("pk"):
        try:
            expired += holds_expire(session=session)
        except BookingBusy:
            logger.warning(
                "Session %s is busy; its lapsed holds expire on the next run.", session.pk
            )
    return expired


def price_per_seat(*, session: Session, organisation: Organisation) -> Decimal:
    training = session.training
    if organisation.sector == Sector.ADMINISTRATION:
        return training.price_administration
    return training.price_companies


def seats_taken(session: Session) -> int:
    """Confirmed plus unexpired held seats, counted from the bookings."""
    return _seats_taken_and_lapsed_holds(session)[0]


# Plain SQL: run under the lock on every booking, where building the query with the ORM
# would cost more than running it.
SEATS_SQL = f"""
    SELECT COALESCE(SUM(seats) FILTER (WHERE status = %s OR hold_expires_at > %s), 0),
        COUNT(*) FILTER (WHERE status = %s AND hold_expires_at <= %s)
    FROM {Booking._meta.db_table} WHERE session_id = %s AND status IN (%s, %s)
"""


def _seats_taken_and_lapsed_holds(session: Session) -> tuple[int, int]:
    """The seats taken (confirmed, and held with an unexpired hold) and the number of lapsed
    holds, in one query."""
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    confirmed, held = BookingStatus.CONFIRMED.value, BookingStatus.HELD.value
    with connection.cursor() as cursor:
        cursor.execute(SEATS_SQL, [confirmed, now, held, now, session.pk, confirmed, held])
        taken, lapsed = cursor.fetchone()
    return taken, lapsed


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
    """A random reference; the unique constraint catches the rare repeat."""
    return "IQ-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


def _log_status(booking: Booking, previous: str, new: str, by, **email_data) -> None:
    """Log a status change and email everyone concerned (after commit)."""
    # The entry wagtail.log_actions.log would write, in one statement: its validation would
    # look the content type and the user up again on every change.
    context = get_active_log_context()
    entry = ModelLogEntry(
        content_type=ContentType.objects.get_for_model(booking, for_concrete_model=False),
        object_id=str(booking.pk),
        label=str(booking),
        action=STATUS_ACTION,
        data={"from": previous, "to": new},
        timestamp=timezone.now(),
        user=by or context.user,
        uuid=context.uuid,
    )
    ModelLogEntry.objects.bulk_create([entry])
    notify_status(booking, previous=previous, new=new, **email_data)


# --- Organisation members -------------------------------------------------------------------

INVITATION_VALIDITY = timedelta(days=14)
MEMBER_ACTION = "iq.organisation.members"
RENAME_ACTION = "iq.booking.participants_renamed"
INHOUSE_ACTION = "iq.inhouse.status"


def invitation_create(
    *, organisation: Organisation, email: str, role: str, by, language: str = "de"
) -> Invitation:
    """Invite a colleague by email (admins only). Inviting an address again resends the
    invitation with a new link; the old link stops working."""
    email = email.strip()
    try:
        validate_email(email)
    except ValidationError:
        raise BookingError(_("Enter a valid email address.")) from None
    if role not in Role.values:
        raise BookingError(_("Choose administrator or booker as the role."))
    with transaction.atomic():
        _lock_organisation_as_admin(organisation, by)
        if _member_with_email(organisation, email):
            raise BookingError(
                _("%(email)s is already a member of your organisation.") % {"email": email}
            )
        invitation = organisation.invitations.filter(
            email__iexact=email, accepted_at__isnull=True
        ).first() or Invitation(organisation=organisation, email=email)
        resent = invitation.pk is not None
        invitation.role = role
        invitation.token = secrets.token_urlsafe(32)
        invitation.invited_by = by
        invitation.created_at = timezone.now()
        invitation.save()
        _log_members(organisation, by, "resent" if resent else "invited", email=email, role=role)
        with translation.override(language):
            path = reverse("bookings:invitation_accept", args=[invitation.token])
        notify_address(
            "invitation",
            recipient=email,
            language=language,
            key=f"invitation:{invitation.token}",
            organisation=organisation.name,
            inviter=by.get_full_name() or by.email,
            accept_url=settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
        )
    return invitation


def invitation_revoke(*, invitation: Invitation, by) -> None:
    """Withdraw an invitation that has not been accepted (admins only)."""
    with transaction.atomic():
        _lock_organisation_as_admin(invitation.organisation, by)
        deleted, _details = Invitation.objects.filter(
            pk=invitation.pk, accepted_at__isnull=True
        ).delete()
        if not deleted:
            raise BookingError(_("This invitation has already been accepted or withdrawn."))
        _log_members(invitation.organisation, by, "revoked", email=invitation.email)


def invitation_check(*, invitation: Invitation, user) -> None:
    """Refuse with the reason why `user` cannot accept `invitation` (nothing if they can)."""
    if invitation.accepted_at is not None:
        raise BookingError(_("This invitation has already been used."))
    if invitation.created_at < timezone.now() - INVITATION_VALIDITY:
        raise BookingError(
            _("This invitation has expired. Please ask your organisation to send a new one.")
        )
    if not EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists():
        raise BookingError(
            _(
                "This invitation was sent to a different email address. Please log in with the "
                "address the invitation was sent to."
            )
        )
    if Membership.objects.filter(user=user).exists():
        raise BookingError(
            _("You already belong to an organisation; an account can belong to only one.")
        )


def invitation_accept(*, token: str, user) -> Membership:
    """Join the inviting organisation with the invited role. A link works once, for 14 days,
    and only for an account whose verified email address it was sent to."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("organisation")
            .filter(token=token)
            .first()
        )
        if invitation is None:
            raise BookingError(_("This invitation link is not valid."))
        invitation_check(invitation=invitation, user=user)
        try:
            with transaction.atomic():
                membership = Membership.objects.create(
                    user=user, organisation=invitation.organisation, role=invitation.role
                )
        except IntegrityError:
            raise BookingError(
                _("You already belong to an organisation; an account can belong to only one.")
            ) from None
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        _log_members(
            invitation.organisation, user, "joined", email=invitation.email, role=invitation.role
        )
    return membership


def member_role_set(*, membership: Membership, role: str, by) -> Membership:
    """Change a member's role (admins only); an organisation keeps at least one admin."""
    if role not in Role.values:
        raise BookingError(_("Choose administrator or booker as the role."))
    with transaction.atomic():
        organisation = _lock_organisation_as_admin(membership.organisation, by)
        membership = Membership.objects.select_related("user").get(pk=membership.pk)
        if membership.role == role:
            return membership
        if membership.role == Role.ADMIN:
            _keep_an_admin(organisation, membership)
        previous, membership.role = membership.role, role
        membership.save(update_fields=["role"])
        _log_members(
            organisation, by, "role", email=membership.user.email, role=role, previous=previous
        )
    return membership


def member_remove(*, membership: Membership, by) -> None:
    """Remove a member from the organisation (admins only); the last admin stays."""
    with transaction.atomic():
        organisation = _lock_organisation_as_admin(membership.organisation, by)
        membership = Membership.objects.select_related("user").get(pk=membership.pk)
        if membership.role == Role.ADMIN:
            _keep_an_admin(organisation, membership)
        membership.delete()
        _log_members(organisation, by, "removed", email=membership.user.email)


def _lock_organisation_as_admin(organisation: Organisation, by) -> Organisation:
    """Lock the organisation row (member changes happen one at a time) and check that `by`
    administers it."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if not Membership.objects.filter(user=by, organisation=organisation, role=Role.ADMIN).exists():
        raise BookingError(_("Only administrators of the organisation can manage its members."))
    return organisation


def _keep_an_admin(organisation: Organisation, leaving: Membership) -> None:
    if not organisation.memberships.filter(role=Role.ADMIN).exclude(pk=leaving.pk).exists():
        raise BookingError(
            _(
                "An organisation needs at least one administrator. Make another member an "
                "administrator first."
            )
        )


def _member_with_email(organisation: Organisation, email: str) -> bool:
    """Whether a member has proven to own `email` (an unconfirmed address counts for nothing)."""
    return organisation.memberships.filter(
        user__emailaddress__email__iexact=email, user__emailaddress__verified=True
    ).exists()


def _log_members(organisation: Organisation, by, change: str, **data) -> None:
    log(instance=organisation, action=MEMBER_ACTION, user=by, data={"change": change, **data})


# --- Participants ----------------------------------------------------------------------------


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


# --- In-house requests -----------------------------------------------------------------------


def inhouse_request_create(
    *,
    organisation: Organisation,
    by,
    period_from,
    period_to,
    expected_participants: int,
    delivery: str,
    training=None,
    topic=None,
    place: str = "",
    message: str = "",
    language: str = "de",
) -> InhouseRequest:
    """A member asks for a training for their own organisation."""
    if not Membership.objects.filter(user=by, organisation=organisation).exists():
        raise BookingError(_("Only members of the organisation can request in-house trainings."))
    if period_from and period_from < timezone.localdate():
        raise BookingError(_("The preferred period cannot start in the past."))
    request = InhouseRequest(
        organisation=organisation,
        requested_by=by,
        training=training,
        topic=topic,
        period_from=period_from,
        period_to=period_to,
        expected_participants=expected_participants,
        delivery=delivery,
        place=place.strip(),
        message=message.strip(),
        language=language,
    )
    try:
        request.full_clean()
    except ValidationError as error:
        raise BookingError(" ".join(error.messages)) from None
    with transaction.atomic():
        request.save()
        log(instance=request, action="wagtail.create", user=by)
    return request


def inhouse_request_answer(
    *, inhouse_request: InhouseRequest, status: str, answer: str, by
) -> InhouseRequest:
    """Staff accept or decline a request with a message; the requester gets it by email.
    An open request can be accepted or declined, an accepted one still declined."""
    allowed = {
        InhouseRequestStatus.OPEN: (InhouseRequestStatus.ACCEPTED, InhouseRequestStatus.DECLINED),
        InhouseRequestStatus.ACCEPTED: (InhouseRequestStatus.DECLINED,),
    }
    if status not in (InhouseRequestStatus.ACCEPTED, InhouseRequestStatus.DECLINED):
        raise BookingError(_("Accept or decline the request."))
    if not answer.strip():
        raise BookingError(_("Write a message to the organisation."))
    with transaction.atomic():
        request = (
            InhouseRequest.objects.select_for_update(of=("self",))
            .select_related("requested_by", "training", "topic")
            .get(pk=inhouse_request.pk)
        )
        if status not in allowed.get(request.status, ()):
            raise BookingError(
                _("This request is %(status)s and cannot be answered that way.")
                % {"status": request.get_status_display()}
            )
        previous = request.status
        request.status = status
        request.answer = answer.strip()
        request.answered_by = by
        request.answered_at = timezone.now()
        request.save(update_fields=["status", "answer", "answered_by", "answered_at"])
        log(
            instance=request,
            action=INHOUSE_ACTION,
            user=by,
            data={"from": previous, "to": status},
        )
        _notify_requester(request)
    return request


def inhouse_request_schedule(*, inhouse_request: InhouseRequest, session: Session, by) -> Session:
    """Turn an accepted request into a private session for the organisation: not listed
    publicly, bookable only by its members."""
    with transaction.atomic():
        request = InhouseRequest.objects.select_for_update().get(pk=inhouse_request.pk)
        if request.status != InhouseRequestStatus.ACCEPTED:
            raise BookingError(
                _("Only accepted requests can be scheduled; this one is %(status)s.")
                % {"status": request.get_status_display()}
            )
        session.is_private = True
        try:
            session.full_clean(exclude=["training_key", "starts_at", "ends_at"])
            session_save(session=session)
        except ValidationError as error:
            raise BookingError(" ".join(error.messages)) from None
        except CatalogueError as error:
            raise BookingError(str(error)) from None
        previous = request.status
        request.session = session
        request.status = InhouseRequestStatus.SCHEDULED
        request.save(update_fields=["session", "status"])
        log(instance=session, action="wagtail.create", user=by, content_changed=True)
        log(
            instance=request,
            action=INHOUSE_ACTION,
            user=by,
            data={"from": previous, "to": request.status, "session": session.pk},
        )
        _notify_requester(request)
    return session


def _notify_requester(request: InhouseRequest) -> None:
    """Email the answer (accepted, declined) or the news that it is scheduled, once each."""
    requester = request.requested_by
    if requester is None or not requester.email:
        return
    notify_address(
        "inhouse_answer",
        recipient=requester.email,
        language=request.language,
        key=f"inhouse_answer:{request.pk}:{request.status}",
        status=request.status,
        answer=request.answer if request.status != InhouseRequestStatus.SCHEDULED else "",
        title=_inhouse_title(request),
    )


def _private_session_of(session: Session, organisation: Organisation) -> bool:
    return InhouseRequest.objects.filter(session=session, organisation=organisation).exists()


def _inhouse_title(request: InhouseRequest) -> str:
    """What was requested, in the request's language."""
    if request.training:
        key = request.training.translation_key
        pages = training_translations(translation_keys=[key], language_code=request.language)
        return pages.get(str(key), request.training).title
    if request.topic:
        with translation.override(request.language):
            return request.topic.label
    return ""


# --- Payments (Stripe) -----------------------------------------------------------------------
# Stripe is called through bookings.payments, never inside a transaction: Checkout Sessions are
# created before their id is recorded, refunds are scheduled to run after commit.


def checkout_start(
    *, booking: Booking, title: str, email: str, locale: str, success_url: str, cancel_url: str
) -> str:
    """The Stripe Checkout address for a booking held for card payment: its open Checkout
    Session when that is for the current seats, otherwise a new one."""
    booking = Booking.objects.get(pk=booking.pk)
    _check_payable(booking)
    try:
        if booking.stripe_checkout_id:
            current = payments.checkout_retrieve(booking.stripe_checkout_id)
            if current.status == "complete":
                raise BookingError(_("Your payment has been received and is being confirmed."))
            if current.status == "open" and current.amount_total == payments.cents(booking.amount):
                return current.url
        checkout = payments.checkout_create(
            booking=booking,
            replaces=booking.stripe_checkout_id,
            title=title,
            email=email,
            locale=locale,
            success_url=success_url,
            cancel_url=cancel_url,
        )
    except payments.PaymentError as error:
        logger.warning("Checkout for booking %s failed: %s", booking.reference, error)
        raise BookingError(
            _("Card payment is not possible right now. Please try again in a few minutes.")
        ) from error
    Booking.objects.filter(pk=booking.pk, status=BookingStatus.HELD).update(
        stripe_checkout_id=checkout.id
    )
    return checkout.url


def payment_event_apply(*, event: payments.Event) -> bool:
    """Apply a verified Stripe event once. The event is only a trigger: its Checkout Session or
    PaymentIntent is fetched again from Stripe and applied under the session lock, in the
    transaction that records the event id. A repeat changes nothing; a busy lock (BookingBusy)
    or an unreachable Stripe (payments.PaymentError) keeps nothing, so Stripe's next delivery
    applies it. Returns whether the event was applied (False: repeat or not ours)."""
    if not (event.checkout_id or event.payment_intent):
        return False
    if StripeEvent.objects.filter(event_id=event.id).exists():
        return False
    checkout = payment = None
    try:
        if event.checkout_id:
            checkout = payments.checkout_retrieve(event.checkout_id)
        else:
            payment = payments.payment_retrieve(event.payment_intent)
    except payments.NotFound:
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


def _checkout_apply(checkout: payments.Checkout) -> None:
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


def _checkout_paid(booking: Booking, session: Session, checkout: payments.Checkout) -> None:
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
        _log_status(booking, previous, booking.status, None)
        _sync_seats(session)
        excess = checkout.amount_total - payments.cents(booking.amount)  # seats cancelled meanwhile
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
        _log_status(booking, previous, booking.status, None)
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


def _checkout_failed(booking: Booking, session: Session, checkout: payments.Checkout) -> None:
    """An asynchronous payment failed: the hold is released and the waiting list moves up."""
    if booking.status != BookingStatus.HELD or booking.stripe_checkout_id != checkout.id:
        return
    _hold_release(booking, session)
    notify("payment_failed", booking, checkout=checkout.id)


def _checkout_expired(booking: Booking, session: Session, checkout: payments.Checkout) -> None:
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
    _log_status(booking, BookingStatus.HELD, BookingStatus.EXPIRED, None)
    _sync_seats(session)
    _promote_waitlist(session, None)


def _refunds_record(payment: payments.Payment) -> None:
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
        if was_paid:  # a late payment given back was announced already
            notify("refunded", booking, amount=added, total=refunded)


def _refund_cancelled(booking: Booking, session: Session, participant_ids: Sequence[int]) -> None:
    """Refund cancelled participants' seats: the training's share before the booking deadline,
    its (usually smaller) share after it."""
    training = session.training
    if session.before_booking_deadline:
        percent = training.refund_before_deadline
    else:
        percent = training.refund_after_deadline
    ids = ",".join(str(pk) for pk in sorted(participant_ids))
    digest = hashlib.sha256(ids.encode()).hexdigest()[:24]
    _refund_seats(
        booking, seats=len(participant_ids), percent=percent, key=f"refund-{booking.pk}-{digest}"
    )


def _refund_seats(booking: Booking, *, seats: int, percent: int, key: str) -> None:
    """Give back `percent` of the price of `seats` seats of a booking paid by card (after
    commit), in whole cents rounded down."""
    if booking.payment_status != PaymentStatus.PAID or not booking.stripe_payment_intent:
        return
    amount = payments.cents(booking.price_per_seat) * seats * percent // 100
    _refund_later(booking.pk, booking.stripe_payment_intent, amount, key)


def _refund_later(booking_id: int, payment_intent: str, amount: int, key: str) -> None:
    if amount > 0:
        transaction.on_commit(lambda: _refund(booking_id, payment_intent, amount, key), robust=True)


def _refund(booking_id: int, payment_intent: str, amount: int, key: str) -> None:
    """Refund through Stripe (the key makes a retry safe), then record the refunded total;
    if recording fails here, Stripe's charge.refunded event records it."""
    try:
        payments.refund_create(payment_intent=payment_intent, amount=amount, idempotency_key=key)
        _refunds_record(payments.payment_retrieve(payment_intent))
    except (payments.PaymentError, BookingBusy):
        logger.exception("Refund %s of booking %s did not complete.", key, booking_id)


def _payment_booking(booking_id: int | None, reference: str) -> Booking | None:
    if booking_id is None:
        return None
    return Booking.objects.filter(pk=booking_id, reference=reference).first()


def _euros(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


# --- attendance -------------------------------------------------------------------------------

ATTENDANCE_ACTION = "iq.attendance"
SESSION_HELD_ACTION = "iq.session.held"


def attendance_record(
    *, occurrence: Occurrence, statuses: Mapping[int, str], by, as_staff: bool = False
) -> int:
    """Record present, absent or excused (by participant id) for one date of a session. After
    the session is marked held only staff may change it. Each change is logged; returns how
    many changed. The caller checks that `by` may record for this session."""
    if not statuses:
        raise BookingError(_("Choose present, absent or excused for at least one participant."))
    if any(status not in AttendanceStatus.values for status in statuses.values()):
        raise BookingError(_("Choose present, absent or excused for every participant."))
    with session_locked(occurrence.session_id) as session:
        occurrence = _attendance_occurrence(session, occurrence.pk, as_staff)
        attending = set(_attending(session).values_list("pk", flat=True))
        if not set(statuses) <= attending:
            raise BookingError(
                _("Attendance can only be recorded for participants of this session.")
            )
        return _attendance_write(occurrence, statuses, by)


def attendance_all_present(*, occurrence: Occurrence, by, as_staff: bool = False) -> int:
    """Mark every participant of the session present on this date."""
    with session_locked(occurrence.session_id) as session:
        occurrence = _attendance_occurrence(session, occurrence.pk, as_staff)
        present = dict.fromkeys(_attending(session).values_list("pk", flat=True), "present")
        return _attendance_write(occurrence, present, by)


def session_mark_held(*, session: Session, by, as_staff: bool = False) -> Session:
    """Close a session as held once its last date has ended. Trainers must have recorded every
    participant on every date first; staff may close it with gaps (a gap counts as not
    present)."""
    with session_locked(session.pk) as locked:
        if locked.status == SessionStatus.HELD:
            raise BookingError(_("This session has already been marked as held."))
        if locked.status == SessionStatus.CANCELLED:
            raise BookingError(_("A cancelled session cannot be marked as held."))
        occurrences = list(locked.occurrences.filter(is_cancelled=False))
        if not occurrences or max(o.end for o in occurrences) > timezone.now():
            raise BookingError(_("A session can be marked as held once its last date has ended."))
        if not as_staff:
            attending = _attending(locked)
            recorded = Attendance.objects.filter(
                occurrence__in=occurrences, participant__in=attending
            ).count()
            if recorded < attending.count() * len(occurrences):
                raise BookingError(
                    _("Record the attendance of every participant on every date first.")
                )
        previous = locked.status
        locked.status = SessionStatus.HELD
        try:
            session_save(session=locked)
        except CatalogueError as error:
            raise BookingError(str(error)) from None
        log(instance=locked, action=SESSION_HELD_ACTION, user=by, data={"from": previous})
    return locked


def _attending(session: Session):
    """Participants holding a confirmed seat in the session."""
    return Participant.objects.filter(
        booking__session=session,
        booking__status=BookingStatus.CONFIRMED,
        cancelled_at__isnull=True,
    )


def _attendance_occurrence(session: Session, occurrence_id: int, as_staff: bool) -> Occurrence:
    occurrence = Occurrence.objects.filter(session=session, pk=occurrence_id).first()
    if occurrence is None or occurrence.is_cancelled:
        raise BookingError(_("This date does not take place."))
    if session.status == SessionStatus.CANCELLED:
        raise BookingError(_("This session has been cancelled."))
    if session.status == SessionStatus.HELD and not as_staff:
        raise BookingError(
            _("The session has been marked as held; only programme staff can change attendance.")
        )
    if occurrence.start > timezone.now():
        raise BookingError(_("Attendance can be recorded once the date has begun."))
    return occurrence


def _attendance_write(occurrence: Occurrence, statuses: Mapping[int, str], by) -> int:
    existing = {
        attendance.participant_id: attendance
        for attendance in Attendance.objects.filter(
            occurrence=occurrence, participant_id__in=list(statuses)
        )
    }
    changed = 0
    for participant_id, status in statuses.items():
        attendance = existing.get(participant_id)
        previous = attendance.status if attendance else ""
        if previous == status:
            continue
        if attendance is None:
            attendance = Attendance(participant_id=participant_id, occurrence=occurrence)
        attendance.status = status
        attendance.recorded_by = by
        attendance.save()
        log(
            instance=attendance,
            action=ATTENDANCE_ACTION,
            user=by,
            data={"occurrence": occurrence.pk, "from": previous, "to": status},
        )
        changed += 1
    return changed
