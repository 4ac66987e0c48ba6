from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from bookings.factories import MembershipFactory, OrganisationFactory, UserFactory, participants
from bookings.models import Booking, BookingStatus, OrganisationType, PaymentMethod, PaymentStatus
from bookings.services.bookings import (
    booking_cancel,
    booking_create,
    session_cancel,
    session_capacity_set,
)
from bookings.services.errors import BookingError
from bookings.services.seats import holds_expire, seats_taken
from catalogue.models import Session
from catalogue.models.sessions import SessionStatus
from tests.staff import national

pytestmark = pytest.mark.django_db


def book(session, member, count, **kwargs):
    return booking_create(
        session=session,
        organisation=member.organisation,
        participants=participants(count),
        by=member.user,
        **kwargs,
    )


def charge_companies(session, price):
    training = session.training
    training.price_companies = Decimal(price)
    training.save()


def company_member():
    return MembershipFactory(organisation=OrganisationFactory(type=OrganisationType.SME))


def test_free_booking_is_confirmed_and_counts_seats(session, member):
    booking = book(session, member, 3)

    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_method == PaymentMethod.NONE
    assert booking.reference.startswith("IQ-") and len(booking.reference) == 9
    assert booking.participants.count() == 3
    assert Session.objects.get(pk=session.pk).seats_taken == 3
    entry = ModelLogEntry.objects.get(object_id=str(booking.pk), action="iq.booking.status")
    assert entry.data == {"from": "", "to": "confirmed"}
    assert entry.user == member.user


def test_booking_that_does_not_fit_goes_on_the_waitlist(session, member):
    book(session, member, 8)
    waiting = book(session, member, 3)

    assert waiting.status == BookingStatus.WAITLISTED
    assert Session.objects.get(pk=session.pk).seats_taken == 8


def test_cancellation_moves_the_waitlist_up_first_come_first_served(session, member):
    first = book(session, member, 8)
    big = book(session, member, 5)
    small = book(session, member, 2)  # fits after a cancellation of three, big does not

    booking_cancel(
        booking=first,
        by=member.user,
        participant_ids=list(first.participants.values_list("pk", flat=True)[:3]),
    )

    big.refresh_from_db()
    small.refresh_from_db()
    assert big.status == BookingStatus.WAITLISTED
    assert small.status == BookingStatus.CONFIRMED
    assert Session.objects.get(pk=session.pk).seats_taken == 7

    booking_cancel(booking=first, by=member.user)
    big.refresh_from_db()
    assert big.status == BookingStatus.CONFIRMED
    assert seats_taken(session) == 7


def test_paid_training_without_stripe_keys_is_confirmed_with_invoice(session, member, settings):
    settings.STRIPE_SECRET_KEY = ""
    charge_companies(session, "290.00")
    company = company_member()

    booking = book(session, company, 2)

    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_method == PaymentMethod.INVOICE
    assert booking.payment_status == PaymentStatus.PENDING
    assert booking.amount == Decimal("580.00")


def test_public_body_pays_the_administration_price(session, member):
    charge_companies(session, "290.00")

    assert book(session, member, 1).price_per_seat == Decimal("0.00")


def test_paid_card_booking_holds_seats_until_the_hold_expires(session, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_x"
    charge_companies(session, "100.00")
    company = company_member()

    held = book(session, company, 10)
    assert held.status == BookingStatus.HELD
    assert seats_taken(session) == 10
    waiting = book(session, company, 2)
    assert waiting.status == BookingStatus.WAITLISTED

    Booking.objects.filter(pk=held.pk).update(hold_expires_at=timezone.now() - timedelta(seconds=1))
    assert seats_taken(session) == 0
    assert holds_expire(session=session) == 1

    held.refresh_from_db()
    waiting.refresh_from_db()
    assert held.status == BookingStatus.EXPIRED
    assert waiting.status == BookingStatus.HELD  # an offer to pay within 48 hours
    assert waiting.hold_expires_at > timezone.now() + timedelta(hours=47)


def test_companies_cannot_choose_invoice_when_cards_are_accepted(session, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_x"
    charge_companies(session, "100.00")
    company = company_member()

    with pytest.raises(BookingError, match="Nur öffentliche Stellen"):
        book(session, company, 1, pay_by_invoice=True)
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": SessionStatus.PLANNED}, "nicht zur Buchung geöffnet"),
        ({"status": SessionStatus.CANCELLED}, "storniert"),
        ({"booking_deadline": timezone.localdate() - timedelta(days=1)}, "Anmeldeschluss"),
    ],
)
def test_status_and_deadline_are_enforced(session, member, change, message):
    Session.objects.filter(pk=session.pk).update(**change)
    session.refresh_from_db()

    with pytest.raises(BookingError, match=message):
        book(session, member, 1)
    assert not Booking.objects.exists()


def test_participants_need_names_and_functions(session, member):
    from bookings.services.bookings import ParticipantData

    with pytest.raises(BookingError):
        booking_create(
            session=session, organisation=member.organisation, participants=[], by=member.user
        )
    with pytest.raises(BookingError):
        booking_create(
            session=session,
            organisation=member.organisation,
            participants=[ParticipantData(name=" ", function="employee")],
            by=member.user,
        )
    with pytest.raises(BookingError):
        booking_create(
            session=session,
            organisation=member.organisation,
            participants=[ParticipantData(name="A", function="boss")],
            by=member.user,
        )
    assert not Booking.objects.exists()


def test_bookers_cannot_cancel_after_the_deadline_but_staff_can(session, member):
    booking = book(session, member, 2)
    Session.objects.filter(pk=session.pk).update(
        booking_deadline=timezone.localdate() - timedelta(days=1)
    )

    with pytest.raises(BookingError, match="Anmeldeschluss"):
        booking_cancel(booking=booking, by=member.user)
    booking_cancel(booking=booking, by=national(UserFactory()), as_staff=True)
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CANCELLED


def test_capacity_can_be_raised_and_not_lowered_below_taken(session, member):
    book(session, member, 8)
    waiting = book(session, member, 4)

    with pytest.raises(BookingError, match="8 Plätze"):
        session_capacity_set(session=session, capacity=7, by=None)
    session_capacity_set(session=session, capacity=12, by=None)

    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.CONFIRMED
    assert Session.objects.get(pk=session.pk).capacity == 12


def test_cancelling_a_session_cancels_every_booking(session, member):
    bookings = [book(session, member, 5), book(session, member, 5), book(session, member, 2)]
    session_cancel(session=session, by=None)

    assert {Booking.objects.get(pk=b.pk).status for b in bookings} == {BookingStatus.CANCELLED}
    assert Session.objects.get(pk=session.pk).seats_taken == 0
    assert Session.objects.get(pk=session.pk).status == SessionStatus.CANCELLED
