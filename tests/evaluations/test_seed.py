"""The demo evaluations: answers for held sessions, some below the threshold, run twice safely."""

from io import StringIO

import pytest
from django.core.management import call_command

from bookings.models import Attendance
from evaluations.models import Answer, Invitation
from evaluations.selectors import session_results

from .conftest import book, past_session

pytestmark = pytest.mark.django_db


def test_seed_evaluations_answers_held_sessions_above_and_below_the_threshold(training, booker):
    held = []
    for _number in range(4):
        session = past_session(training, status="held")
        people = book(session, booker, *[(f"Person {n}", "") for n in range(8)])
        Attendance.objects.bulk_create(
            Attendance(participant=person, occurrence=occurrence, status="present")
            for person in people
            for occurrence in session.occurrences.all()
        )
        held.append(session)
    past_session(training, status="held")  # nobody present: no questionnaires

    call_command("seed_evaluations", stdout=(out := StringIO()))
    counts = Answer.objects.count(), Invitation.objects.count()
    call_command("seed_evaluations", stdout=StringIO())

    assert (Answer.objects.count(), Invitation.objects.count()) == counts
    assert "4 held sessions" in out.getvalue()
    results = [session_results(session) for session in held]
    assert [r.invited for r in results] == [8, 8, 8, 8]
    assert [r.withheld for r in results] == [False, False, False, True]
    assert 1 <= results[3].answers < 5
    assert Invitation.objects.filter(used_on__isnull=False).count() == Answer.objects.count()
