"""Real concurrency on PostgreSQL: threads with their own connections race for seats."""

import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connections
from django.utils import timezone

from bookings.factories import MembershipFactory, participants
from bookings.models import Booking, BookingStatus, Invoice
from bookings.services.bookings import booking_create
from bookings.services.errors import BookingBusy
from bookings.services.seats import seats_taken
from catalogue.factories import make_session, make_training
from catalogue.models import Session
from tests.bookings.locking import session_lock_held

THREADS = 24


def run_in_threads(count, target):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def worker(number):
        try:
            barrier.wait()
            results.append(target(number))
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


@pytest.mark.django_db(transaction=True)
def test_racing_for_the_last_seats_never_overbooks(site_tree):
    session = make_session(
        make_training(site_tree.index),
        capacity=10,
        first_date=timezone.localdate() + timedelta(days=9),
    )
    members = [MembershipFactory() for _ in range(THREADS)]
    booking_create(
        session=session, organisation=members[0].organisation, participants=participants(7), by=None
    )

    def book_one(number):
        member = members[number]
        return booking_create(
            session=session,
            organisation=member.organisation,
            participants=participants(1),
            by=member.user,
        ).status

    statuses, errors = run_in_threads(THREADS, book_one)

    assert errors == []
    assert statuses.count(BookingStatus.CONFIRMED) == 3
    assert statuses.count(BookingStatus.WAITLISTED) == THREADS - 3
    assert seats_taken(session) == 10
    assert Session.objects.get(pk=session.pk).seats_taken == 10
    assert Booking.objects.filter(status=BookingStatus.CONFIRMED).count() == 4


@pytest.mark.django_db(transaction=True)
def test_a_held_lock_answers_busy_not_an_error(site_tree, settings):
    settings.BOOKING_LOCK_TIMEOUT = "200ms"
    session = make_session(
        make_training(site_tree.index),
        capacity=10,
        first_date=timezone.localdate() + timedelta(days=9),
    )
    member = MembershipFactory()
    with (
        session_lock_held(session),
        pytest.raises(BookingBusy, match="Bitte versuchen Sie es erneut"),
    ):
        booking_create(
            session=session,
            organisation=member.organisation,
            participants=participants(1),
            by=None,
        )
    assert not Booking.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_invoice_numbers_drawn_at_once_are_gapless_and_unique(site_tree):
    """Bookings by invoice in many sessions at once: each draws its number under the year's
    row lock, so the numbers run 1…N without a gap or a double."""
    training = make_training(site_tree.index, price_administration=Decimal("90.00"))
    sessions = [
        make_session(training, capacity=5, first_date=timezone.localdate() + timedelta(days=9))
        for _ in range(THREADS)
    ]
    members = [MembershipFactory() for _ in range(THREADS)]

    def book_one(number):
        return booking_create(
            session=sessions[number],
            organisation=members[number].organisation,
            participants=participants(1),
            by=None,
        )

    results, errors = run_in_threads(THREADS, book_one)

    assert errors == [] and len(results) == THREADS
    year = timezone.localdate().year
    numbers = sorted(Invoice.objects.values_list("number", flat=True))
    assert numbers == [f"IQ-{year}-{n:06d}" for n in range(1, THREADS + 1)]
