"""The attendance services in bookings.services, as the trainer portal and the admin use them."""

from datetime import time

import pytest
from django.utils import translation
from wagtail.models import ModelLogEntry

from bookings.models import Attendance, Booking, BookingStatus
from bookings.services.attendance import (
    ATTENDANCE_ACTION,
    attendance_all_present,
    attendance_record,
    session_mark_held,
)
from bookings.services.errors import BookingError
from catalogue.factories import make_session
from catalogue.models.sessions import SessionStatus

from .conftest import monday
from .helpers import confirmed_participants, past_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def held_session(training):
    return past_session(training)


def statuses(occurrence):
    return dict(
        Attendance.objects.filter(occurrence=occurrence).values_list("participant__name", "status")
    )


def test_all_present_then_corrections_are_each_logged(held_session, trainer):
    anna, ben, cem = confirmed_participants(held_session, "Anna", "Ben", "Cem")
    first, _second = held_session.occurrences.all()

    assert attendance_all_present(occurrence=first, by=trainer.user) == 3
    assert (
        attendance_record(
            occurrence=first, statuses={ben.pk: "absent", cem.pk: "excused"}, by=trainer.user
        )
        == 2
    )
    assert attendance_record(occurrence=first, statuses={anna.pk: "present"}, by=trainer.user) == 0

    assert statuses(first) == {"Anna": "present", "Ben": "absent", "Cem": "excused"}
    entries = ModelLogEntry.objects.filter(action=ATTENDANCE_ACTION).order_by("pk")
    assert [(e.data["from"], e.data["to"]) for e in entries] == [
        ("", "present"),
        ("", "present"),
        ("", "present"),
        ("present", "absent"),
        ("present", "excused"),
    ]
    assert {e.user for e in entries} == {trainer.user}
    assert Attendance.objects.get(participant=ben, occurrence=first).recorded_by == trainer.user


def test_cancelled_participants_and_other_bookings_are_left_out(held_session, trainer, training):
    (anna,) = confirmed_participants(held_session, "Anna")
    (waiting,) = confirmed_participants(held_session, "Wartend")
    Booking.objects.filter(participants=waiting).update(status=BookingStatus.WAITLISTED)
    (elsewhere,) = confirmed_participants(past_session(training), "Elsewhere")
    occurrence = held_session.occurrences.first()

    attendance_all_present(occurrence=occurrence, by=trainer.user)

    assert statuses(occurrence) == {"Anna": "present"}
    with translation.override("en"), pytest.raises(BookingError, match="participants of this"):
        attendance_record(occurrence=occurrence, statuses={elsewhere.pk: "present"}, by=None)
    with translation.override("en"), pytest.raises(BookingError, match="present, absent or"):
        attendance_record(occurrence=occurrence, statuses={anna.pk: "late"}, by=None)


def test_after_held_only_staff_may_change_attendance(held_session, trainer, staff):
    anna, ben = confirmed_participants(held_session, "Anna", "Ben")
    first, second = held_session.occurrences.all()
    attendance_all_present(occurrence=first, by=trainer.user)

    with translation.override("en"), pytest.raises(BookingError, match="every participant"):
        session_mark_held(session=held_session, by=trainer.user)
    attendance_record(
        occurrence=second, statuses={anna.pk: "present", ben.pk: "absent"}, by=trainer.user
    )
    session_mark_held(session=held_session, by=trainer.user)
    held_session.refresh_from_db()
    assert held_session.status == SessionStatus.HELD

    with translation.override("en"), pytest.raises(BookingError, match="only programme staff"):
        attendance_record(occurrence=second, statuses={ben.pk: "present"}, by=trainer.user)
    with translation.override("en"), pytest.raises(BookingError, match="only programme staff"):
        attendance_all_present(occurrence=second, by=trainer.user)
    attendance_record(occurrence=second, statuses={ben.pk: "excused"}, by=staff, as_staff=True)

    assert statuses(second) == {"Anna": "present", "Ben": "excused"}
    with translation.override("en"), pytest.raises(BookingError, match="already been marked"):
        session_mark_held(session=held_session, by=staff, as_staff=True)


def test_staff_may_close_a_session_with_gaps(held_session, staff):
    confirmed_participants(held_session, "Anna")

    session_mark_held(session=held_session, by=staff, as_staff=True)

    assert not Attendance.objects.exists()
    held_session.refresh_from_db()
    assert held_session.status == SessionStatus.HELD


def test_attendance_waits_for_the_date_and_held_waits_for_the_end(training, trainer):
    future = make_session(training, first_date=monday(2), start_time=time(9), end_time=time(12))
    (anna,) = confirmed_participants(future, "Anna")
    occurrence = future.occurrences.get()

    with translation.override("en"), pytest.raises(BookingError, match="once the date has begun"):
        attendance_record(occurrence=occurrence, statuses={anna.pk: "present"}, by=trainer.user)
    with translation.override("en"), pytest.raises(BookingError, match="last date has ended"):
        session_mark_held(session=future, by=trainer.user)
    assert not Attendance.objects.exists()
