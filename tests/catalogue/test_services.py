from datetime import date, datetime, time

import pytest
from django.utils import timezone
from recurrence import DAILY, WEEKLY, Recurrence, Rule

from catalogue.factories import make_session, make_training
from catalogue.models import Occurrence, Session
from catalogue.models.sessions import SessionStatus
from catalogue.services import CatalogueError, session_save

pytestmark = pytest.mark.django_db


def local_dates(session):
    return [timezone.localtime(o.start).date() for o in session.occurrences.order_by("start")]


def test_saving_a_session_expands_its_occurrences_and_span(site_tree):
    training = make_training(site_tree.index)
    session = make_session(
        training,
        first_date=date(2030, 3, 4),
        recurrences=Recurrence(rrules=[Rule(WEEKLY, count=3)]),
    )

    assert local_dates(session) == [date(2030, 3, 4), date(2030, 3, 11), date(2030, 3, 18)]
    session.refresh_from_db()
    assert timezone.localtime(session.starts_at).replace(tzinfo=None) == datetime(2030, 3, 4, 9)
    assert timezone.localtime(session.ends_at).replace(tzinfo=None) == datetime(2030, 3, 18, 12)


def test_changing_the_time_moves_occurrences_in_place_and_raises_sequence(site_tree):
    session = make_session(
        make_training(site_tree.index), recurrences=Recurrence(rrules=[Rule(WEEKLY, count=2)])
    )
    ids_before = list(session.occurrences.values_list("pk", flat=True))

    session.start_time, session.end_time = time(10, 0), time(13, 0)
    session_save(session=session)

    session.refresh_from_db()
    assert session.sequence == 1
    assert list(session.occurrences.values_list("pk", flat=True)) == ids_before
    assert {timezone.localtime(o.start).hour for o in session.occurrences.all()} == {10}


def test_saving_without_changes_keeps_the_sequence(site_tree):
    session = make_session(make_training(site_tree.index))
    session_save(session=Session.objects.get(pk=session.pk))
    assert Session.objects.get(pk=session.pk).sequence == 0


def test_dropped_date_is_deleted_while_planned(site_tree):
    session = make_session(
        make_training(site_tree.index),
        status=SessionStatus.PLANNED,
        recurrences=Recurrence(rrules=[Rule(WEEKLY, count=3)]),
    )
    session.recurrences = Recurrence(
        rrules=[Rule(WEEKLY, count=3)], exdates=[datetime(2030, 3, 11)]
    )
    session_save(session=session)

    assert local_dates(session) == [date(2030, 3, 4), date(2030, 3, 18)]


def test_dropped_date_of_an_open_session_stays_as_cancelled(site_tree):
    session = make_session(
        make_training(site_tree.index), recurrences=Recurrence(rrules=[Rule(WEEKLY, count=3)])
    )
    session.recurrences = Recurrence(
        rrules=[Rule(WEEKLY, count=3)], exdates=[datetime(2030, 3, 11)]
    )
    session_save(session=session)

    cancelled = Occurrence.objects.get(session=session, is_cancelled=True)
    assert timezone.localtime(cancelled.start).date() == date(2030, 3, 11)
    assert Occurrence.objects.filter(session=session, is_cancelled=False).count() == 2


def test_capacity_below_taken_seats_is_refused(site_tree):
    session = make_session(make_training(site_tree.index), capacity=10)
    Session.objects.filter(pk=session.pk).update(seats_taken=6)

    session = Session.objects.get(pk=session.pk)
    session.capacity = 5
    with pytest.raises(CatalogueError, match="6 Plätze sind bereits vergeben"):
        session_save(session=session)
    assert Session.objects.get(pk=session.pk).capacity == 10


def test_endless_schedule_is_refused_and_nothing_saved(site_tree):
    training = make_training(site_tree.index)
    with pytest.raises(CatalogueError, match="höchstens 200 Einzeltermine"):
        make_session(training, recurrences=Recurrence(rrules=[Rule(DAILY)]))
    assert not Session.objects.exists()
