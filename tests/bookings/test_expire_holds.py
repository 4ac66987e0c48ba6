"""Lapsed payment holds expire from cron (`manage.py expire_holds`) or the background task."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from bookings.factories import OrganisationFactory, participants
from bookings.models import Booking, BookingStatus, OrganisationType
from bookings.services.bookings import booking_create
from bookings.tasks import expire_holds
from catalogue.factories import make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def card_payments(settings, training):
    settings.STRIPE_SECRET_KEY = "sk_test_x"
    training.price_companies = Decimal("100.00")
    training.save()


def book(session, seats):
    company = OrganisationFactory(type=OrganisationType.SME)
    return booking_create(
        session=session, organisation=company, participants=participants(seats), by=None
    )


def lapse(booking):
    Booking.objects.filter(pk=booking.pk).update(
        hold_expires_at=timezone.now() - timedelta(minutes=1)
    )


def run_command() -> str:
    out = io.StringIO()
    call_command("expire_holds", stdout=out)
    return out.getvalue()


def test_command_expires_lapsed_holds_in_every_session_and_moves_the_waitlist_up(
    card_payments, session, training
):
    other = make_session(training, capacity=3, first_date=timezone.localdate() + timedelta(days=40))
    held = book(session, 10)
    waiting = book(session, 2)
    held_elsewhere = book(other, 3)
    waiting_elsewhere = book(other, 1)  # waitlisted: the other session is full
    lapse(held)
    lapse(held_elsewhere)

    first = run_command()
    states = {b.pk: (b.status, b.hold_expires_at) for b in Booking.objects.all()}
    second = run_command()

    assert first.strip() == "Expired holds: 2"
    assert second.strip() == "Expired holds: 0"
    assert {b.pk: (b.status, b.hold_expires_at) for b in Booking.objects.all()} == states
    held.refresh_from_db()
    waiting.refresh_from_db()
    waiting_elsewhere.refresh_from_db()
    assert held.status == BookingStatus.EXPIRED
    assert waiting.status == BookingStatus.HELD  # offered: 48 hours to pay
    assert waiting.hold_expires_at > timezone.now() + timedelta(hours=47)
    assert waiting_elsewhere.status == BookingStatus.HELD
    session.refresh_from_db()
    other.refresh_from_db()
    assert (session.seats_taken, other.seats_taken) == (2, 1)


def test_holds_that_have_not_lapsed_are_kept(card_payments, session):
    held = book(session, 4)

    assert run_command().strip() == "Expired holds: 0"
    held.refresh_from_db()
    assert held.status == BookingStatus.HELD


def test_task_expires_lapsed_holds(card_payments, session):
    held = book(session, 4)
    lapse(held)

    result = expire_holds.enqueue()

    assert result.return_value == 1
    held.refresh_from_db()
    assert held.status == BookingStatus.EXPIRED


def test_a_new_booking_does_not_jump_the_waiting_list_after_a_hold_lapses(card_payments, session):
    held = book(session, 10)
    waiting = book(session, 2)
    assert waiting.status == BookingStatus.WAITLISTED
    lapse(held)  # before any cron run

    newcomer = book(session, 9)

    waiting.refresh_from_db()
    newcomer.refresh_from_db()
    assert waiting.status == BookingStatus.HELD  # moved up first
    assert newcomer.status == BookingStatus.WAITLISTED  # 8 of 10 seats left, 9 do not fit
