"""What one booking costs the database, and the rare repeat of a drawn reference."""

import secrets

import pytest
from django.core import mail
from wagtail.log_actions import LogContext
from wagtail.models import ModelLogEntry
from wagtail.signal_handlers import disable_reference_index_auto_update

from bookings.factories import participants
from bookings.models import Booking, BookingStatus
from bookings.services.bookings import booking_create
from bookings.services.history import STATUS_ACTION
from bookings.services.seats import seats_taken
from catalogue.models import Session

pytestmark = pytest.mark.django_db


def test_a_booking_takes_a_fixed_handful_of_statements_under_the_session_lock(
    session, member, django_assert_max_num_queries
):
    booking_create(
        session=session, organisation=member.organisation, participants=participants(1), by=None
    )

    # The lock (its timeout set within the same statement), count seats and lapsed holds,
    # booking, participants, log entry (without Wagtail's validation, which would look up its
    # content type and user again), seat count on the session; plus the savepoint and its
    # release (the test runs in a transaction; a request has BEGIN and COMMIT instead). Not
    # counted: the task that updates Wagtail's reference index after each save, once the admin
    # has registered Booking. At most: the count must not grow.
    with disable_reference_index_auto_update(), django_assert_max_num_queries(8):
        booking = booking_create(
            session=session,
            organisation=member.organisation,
            participants=participants(2),
            by=member.user,
        )

    assert booking.status == BookingStatus.CONFIRMED
    assert Session.objects.get(pk=session.pk).seats_taken == 3 == seats_taken(session)
    entry = ModelLogEntry.objects.get(object_id=str(booking.pk), action=STATUS_ACTION)
    assert (entry.user, entry.label, entry.data) == (
        member.user,
        booking.reference,
        {"from": "", "to": "confirmed"},
    )


def test_the_log_entry_takes_user_and_action_id_from_the_admin_log_context(session, member):
    with LogContext(user=member.user) as context:
        booking = booking_create(
            session=session, organisation=member.organisation, participants=participants(1), by=None
        )

    entry = ModelLogEntry.objects.get(object_id=str(booking.pk), action=STATUS_ACTION)
    assert (entry.user, entry.uuid) == (member.user, context.uuid)


def test_a_waitlisted_booking_leaves_the_seat_count_alone(session, member):
    booking_create(
        session=session, organisation=member.organisation, participants=participants(9), by=None
    )

    waiting = booking_create(
        session=session, organisation=member.organisation, participants=participants(2), by=None
    )

    assert waiting.status == BookingStatus.WAITLISTED
    assert Session.objects.get(pk=session.pk).seats_taken == 9 == seats_taken(session)


def test_a_reference_drawn_twice_books_again_under_a_new_one(
    session, member, monkeypatch, django_capture_on_commit_callbacks
):
    first = booking_create(
        session=session, organisation=member.organisation, participants=participants(1), by=None
    )
    repeat, drawn = list(first.reference.removeprefix("IQ-")), []
    real_choice = secrets.choice

    def choice(alphabet):  # the first reference drawn next is the one taken already
        drawn.append(repeat[len(drawn)] if len(drawn) < len(repeat) else real_choice(alphabet))
        return drawn[-1]

    monkeypatch.setattr(secrets, "choice", choice)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        second = booking_create(
            session=session,
            organisation=member.organisation,
            participants=participants(2),
            by=member.user,
        )
        assert len(drawn) >= 12  # drawn twice (tasks draw their ids too)

    assert second.reference == "IQ-" + "".join(drawn[6:12]) != first.reference
    assert Booking.objects.filter(reference=first.reference).get() == first
    assert Booking.objects.count() == 2
    assert Session.objects.get(pk=session.pk).seats_taken == 3 == seats_taken(session)
    assert ModelLogEntry.objects.filter(object_id=str(second.pk), action=STATUS_ACTION).count() == 1
    assert [message.to for message in mail.outbox] == [[member.user.email]]  # once


def test_after_commit_one_query_finds_that_there_is_nobody_to_email(
    session, member, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    member.user.email = ""
    member.user.save()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks() as callbacks:
        booking_create(
            session=session,
            organisation=member.organisation,
            participants=participants(2),
            by=member.user,
        )
    with django_assert_max_num_queries(1):
        for callback in callbacks:
            callback()

    assert mail.outbox == []
