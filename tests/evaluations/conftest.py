"""Trainings held with participants present, as bookings records them."""

import re
from datetime import date, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from recurrence import WEEKLY, Recurrence, Rule

from bookings.factories import MembershipFactory, UserFactory
from bookings.models import Booking, BookingStatus, Participant
from bookings.services.attendance import attendance_all_present, session_mark_held
from catalogue.factories import LanguageFactory, TopicFactory, make_session, make_training


def monday(weeks: int) -> date:
    today = timezone.localdate()
    return today - timedelta(days=today.weekday()) + timedelta(weeks=weeks)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the block, then what the transaction does on commit (as a real commit would)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def topic(db):
    return TopicFactory(name="Interkulturelle Kompetenz", name_en="Intercultural competence")


@pytest.fixture
def training(site_tree, topic):
    return make_training(
        site_tree.index,
        title="Interkulturelle Kompetenz im Jobcenter",
        topic=topic,
        languages=[LanguageFactory(code="de", name="Deutsch", name_en="German")],
    )


def past_session(training, **fields):
    """By default two Mondays in the past (three and two weeks ago), 09:00–12:00, in Berlin."""
    defaults = {
        "first_date": monday(-3),
        "start_time": time(9),
        "end_time": time(12),
        "recurrences": Recurrence(rrules=[Rule(WEEKLY, count=2)]),
        "state": "BE",
    }
    return make_session(training, **{**defaults, **fields})


@pytest.fixture
def booker(db):
    return MembershipFactory(user=UserFactory(username="booker", email="booker@example.org"))


def book(session, booker, *people, language="de") -> list[Participant]:
    """A confirmed booking of `people` (name, email) by `booker`."""
    booking = Booking.objects.create(
        reference=f"IQ-E{Booking.objects.count() + 1:05d}",
        session=session,
        organisation=booker.organisation,
        organisation_type=booker.organisation.type,
        status=BookingStatus.CONFIRMED,
        seats=len(people),
        created_by=booker.user,
        language=language,
    )
    return [
        Participant.objects.create(booking=booking, name=name, email=email, function="employee")
        for name, email in people
    ]


def hold(session, committed) -> None:
    """Everyone present on every date, then the session marked held (and committed)."""
    for occurrence in session.occurrences.all():
        attendance_all_present(occurrence=occurrence, by=None)
    with committed():
        session_mark_held(session=session, by=None)


LINK = re.compile(r"https?://\S+/evaluation/([\w-]+)/")


def tokens_mailed_to(address: str) -> list[str]:
    return [
        token
        for message in mail.outbox
        if address in message.to
        for token in LINK.findall(message.body)
    ]
