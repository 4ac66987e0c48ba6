from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from recurrence import WEEKLY, Recurrence, Rule

from bookings.factories import UserFactory
from catalogue.factories import LanguageFactory, TopicFactory, make_session
from trainers.factories import TrainerFactory, absence, certify, make_trainer, working_pattern
from trainers.models import Assignment, AssignmentRole, AssignmentStatus
from trainers.selectors import candidates_for_session, refusals

from .conftest import monday

pytestmark = pytest.mark.django_db


def reasons(session, trainer):
    with translation.override("en"):
        return refusals(session=session, trainer=trainer)


def accepted(session, trainer, role=AssignmentRole.LEAD):
    return Assignment.objects.create(
        session=session, trainer=trainer, role=role, status=AssignmentStatus.ACCEPTED
    )


def test_a_certified_available_trainer_is_eligible(session, trainer):
    assert reasons(session, trainer) == []


def test_not_certified_for_the_topic(session, german):
    trainer = make_trainer(topic=TopicFactory(name="Diversity"), languages=[german])

    assert reasons(session, trainer) == ["Not certified for “Intercultural competence”."]


def test_certificate_that_expires_before_the_last_date(training, topic, german):
    first = monday(2)
    series = make_session(
        training,
        first_date=first,
        start_time=time(9),
        end_time=time(12),
        recurrences=Recurrence(rrules=[Rule(WEEKLY, count=3)]),
        language=german,
    )
    trainer = TrainerFactory()
    certify(trainer, topic, valid_until=first + timedelta(days=8))
    working_pattern(trainer)

    (reason,) = reasons(series, trainer)
    assert reason.startswith("The certification for “Intercultural competence” expires on ")
    assert "before the session's date on" in reason


def test_certificate_renewed_without_a_gap_covers_every_date(training, topic, german):
    first = monday(2)
    series = make_session(
        training,
        first_date=first,
        start_time=time(9),
        end_time=time(12),
        recurrences=Recurrence(rrules=[Rule(WEEKLY, count=3)]),
        language=german,
    )
    trainer = TrainerFactory()
    certify(trainer, topic, valid_until=first + timedelta(days=8))
    certify(trainer, topic, issued_on=first + timedelta(days=8))
    working_pattern(trainer)

    assert reasons(series, trainer) == []


def test_absent_on_a_date(session, trainer):
    day = monday(4)
    absence(trainer, day - timedelta(days=2), day + timedelta(days=1))

    (reason,) = reasons(session, trainer)
    assert reason.startswith("Absent on ")


def test_outside_the_working_pattern(training, trainer, german):
    saturday = make_session(
        training, first_date=monday(4) + timedelta(days=5), start_time=time(9), end_time=time(12)
    )
    evening = make_session(
        training, first_date=monday(4), start_time=time(16), end_time=time(19), language=german
    )

    (reason,) = reasons(saturday, trainer)
    assert reason.startswith("Outside the working times on ")
    (reason,) = reasons(evening, trainer)
    assert reason.startswith("Outside the working times on ") and reason.endswith("16:00–19:00.")


def test_overlapping_accepted_assignment(session, trainer, training, german):
    other = make_session(
        training, first_date=monday(4), start_time=time(13), end_time=time(17), language=german
    )
    accepted(other, trainer)

    (reason,) = reasons(session, trainer)
    assert reason.startswith(f"Teaching “{training.title}” at the same time on ")


def test_pending_or_cancelled_assignments_elsewhere_do_not_block(
    session, trainer, training, german
):
    other = make_session(
        training, first_date=monday(4), start_time=time(13), end_time=time(17), language=german
    )
    Assignment.objects.create(
        session=other, trainer=trainer, role=AssignmentRole.LEAD, status=AssignmentStatus.PENDING
    )
    declined = make_session(
        training, first_date=monday(4), start_time=time(8), end_time=time(10), language=german
    )
    Assignment.objects.create(
        session=declined,
        trainer=trainer,
        role=AssignmentRole.LEAD,
        status=AssignmentStatus.DECLINED,
    )

    assert reasons(session, trainer) == []


def test_every_reason_is_given_at_once(session, german):
    trainer = TrainerFactory()
    absence(trainer, monday(4))

    assert len(reasons(session, trainer)) == 3  # not certified, absent, no working time


def test_ranking_state_network_language_and_fewest_assignments_in_the_month(
    session, topic, german, training
):
    english = LanguageFactory(code="en", name="Englisch", name_en="English")
    elsewhere = make_trainer(topic=topic, languages=[german], name="A Elsewhere", states=["BY"])
    no_german = make_trainer(topic=topic, languages=[english], name="B No German", states=["BE"])
    busy = make_trainer(topic=topic, languages=[german], name="C Busy", states=["BE"])
    free = make_trainer(topic=topic, languages=[german], name="D Free", states=["BE"])
    uncertified = make_trainer(topic=TopicFactory(), name="E Uncertified", states=["BE"])
    inactive = make_trainer(topic=topic, name="F Inactive", is_active=False)
    same_month = make_session(
        training, first_date=monday(4) + timedelta(days=1), start_time=time(9), end_time=time(12)
    )
    accepted(same_month, busy)

    candidates = candidates_for_session(session=session)

    assert [c.trainer for c in candidates if c.eligible] == [free, busy, no_german, elsewhere]
    assert candidates[-1].trainer == uncertified and candidates[-1].reasons
    assert inactive not in [c.trainer for c in candidates]
    by_trainer = {c.trainer: c for c in candidates}
    assert by_trainer[busy].month_assignments == 1
    assert by_trainer[elsewhere].in_state is False


def test_online_sessions_rank_trainers_who_teach_online_first(training, topic, german):
    online_session = make_session(
        training,
        first_date=monday(4),
        start_time=time(9),
        end_time=time(12),
        online=True,
        language=german,
    )
    local = make_trainer(topic=topic, languages=[german], name="A Local", states=["BE"])
    online = make_trainer(
        topic=topic, languages=[german], name="B Online", states=["BY"], online=True
    )

    ranked = [c.trainer for c in candidates_for_session(session=online_session) if c.eligible]

    assert ranked == [online, local]


def test_already_assigned_trainers_are_listed_apart(session, trainer):
    accepted(session, trainer)

    (candidate,) = candidates_for_session(session=session)

    assert not candidate.eligible and candidate.assignment is not None
    with translation.override("en"):
        assert refusals(session=session, trainer=trainer) == [
            "Anna Schmidt is already assigned to this session."
        ]


def test_the_ranked_list_takes_the_same_number_of_queries_at_any_size(
    session, topic, german, training
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            candidates_for_session(session=session)
        return len(queries)

    make_trainer(topic=topic, languages=[german])
    small = count()
    others = [
        make_session(training, first_date=monday(4), start_time=time(8), end_time=time(9 + n % 3))
        for n in range(6)
    ]
    for number in range(12):
        trainer = make_trainer(topic=topic, languages=[german], states=["BE", "BB"])
        absence(trainer, date(2020, 1, 1))
        accepted(others[number % 6], trainer, role=AssignmentRole.CO)
    UserFactory.create_batch(3)

    assert count() == small
