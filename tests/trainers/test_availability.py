from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.utils import timezone, translation
from recurrence import MONDAY, TUESDAY, WEDNESDAY, WEEKLY, YEARLY, Recurrence, Rule

from catalogue.factories import make_session
from catalogue.schedule import BERLIN
from trainers.availability import Window, covered, rule_windows
from trainers.factories import TrainerFactory, certify, working_pattern
from trainers.models import AvailabilityKind, AvailabilityRule, AvailabilityWindow
from trainers.selectors import refusals
from trainers.services import (
    TrainerError,
    availability_extend,
    availability_rule_expand,
    availability_rule_save,
)

pytestmark = pytest.mark.django_db

MONDAY_TO_WEDNESDAY = Recurrence(rrules=[Rule(WEEKLY, byday=[MONDAY, TUESDAY, WEDNESDAY])])


def test_a_weekly_pattern_keeps_its_local_time_across_both_switches_of_the_clocks():
    windows = rule_windows(
        first_date=date(2026, 3, 2),
        last_date=None,
        start_time=time(8, 0),
        end_time=time(17, 0),
        recurrence=MONDAY_TO_WEDNESDAY,
        since=date(2026, 3, 1),
        until=date(2026, 11, 30),
    )

    by_day = {w.start.astimezone(BERLIN).date(): w for w in windows}
    # Winter (UTC+1), summer (UTC+2) after 29 March, winter again after 25 October.
    assert by_day[date(2026, 3, 23)].start.astimezone(UTC).hour == 7
    assert by_day[date(2026, 3, 30)].start.astimezone(UTC).hour == 6
    assert by_day[date(2026, 10, 19)].start.astimezone(UTC).hour == 6
    assert by_day[date(2026, 10, 26)].start.astimezone(UTC).hour == 7
    assert {
        (w.start.astimezone(BERLIN).time(), w.end.astimezone(BERLIN).time()) for w in windows
    } == {(time(8, 0), time(17, 0))}
    assert {day.weekday() for day in by_day} == {0, 1, 2}


def test_a_trainer_is_available_at_eight_local_time_in_summer_and_in_winter(training, topic):
    trainer = TrainerFactory()
    certify(trainer, topic)
    working_pattern(trainer, weekdays=[MONDAY])
    switch = _next_switch()
    before, after = _monday_before(switch), _monday_before(switch) + timedelta(days=7)
    for day in (before, after):
        session = make_session(
            training, first_date=day, start_time=time(8, 0), end_time=time(17, 0)
        )
        assert refusals(session=session, trainer=trainer) == []
        early = make_session(training, first_date=day, start_time=time(7, 30), end_time=time(12, 0))
        assert refusals(session=early, trainer=trainer) != []
    local_starts = {
        timezone.localtime(w.start).time()
        for w in AvailabilityWindow.objects.filter(trainer=trainer)
    }
    utc_hours = {
        w.start.astimezone(UTC).hour for w in AvailabilityWindow.objects.filter(trainer=trainer)
    }
    assert local_starts == {time(8, 0)}
    assert utc_hours == {6, 7}


def test_an_absence_from_24_december_to_6_january_repeats_every_year():
    windows = rule_windows(
        first_date=date(2025, 12, 24),
        last_date=date(2026, 1, 6),
        start_time=None,
        end_time=None,
        recurrence=Recurrence(rrules=[Rule(YEARLY)]),
        since=date(2026, 6, 1),
        until=date(2028, 6, 1),
    )

    days = {w.start.astimezone(BERLIN).date() for w in windows}
    assert date(2026, 12, 24) in days and date(2027, 1, 6) in days
    assert date(2027, 12, 24) in days and date(2028, 1, 6) in days
    assert date(2026, 12, 23) not in days and date(2027, 1, 7) not in days
    assert len(days) == 28
    whole_day = windows[0]
    assert whole_day.start.astimezone(BERLIN).time() == time(0, 0)
    assert whole_day.end - whole_day.start == timedelta(days=1)


def test_adjacent_windows_cover_a_session_that_spans_them():
    def at(hour):
        return datetime(2030, 3, 4, hour, tzinfo=BERLIN)

    windows = [Window(at(8), at(12)), Window(at(12), at(17))]

    assert covered(at(9), at(16), windows)
    assert not covered(at(9), at(18), windows)
    assert not covered(at(9), at(16), [Window(at(8), at(12)), Window(at(13), at(17))])


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"kind": AvailabilityKind.WORKING}, "Working time needs a start and an end time."),
        (
            {"kind": AvailabilityKind.WORKING, "start_time": time(17), "end_time": time(8)},
            "The end time must be after the start time.",
        ),
        (
            {"kind": AvailabilityKind.ABSENCE, "last_date": date(2026, 1, 1)},
            "The last day cannot be before the first day.",
        ),
    ],
)
def test_invalid_rules_are_refused_with_a_reason_and_nothing_is_saved(fields, message):
    trainer = TrainerFactory()
    rule = AvailabilityRule(trainer=trainer, first_date=date(2026, 2, 1), **fields)

    with translation.override("en"), pytest.raises(TrainerError, match=message):
        availability_rule_save(rule=rule, by=trainer.user)

    assert not AvailabilityRule.objects.exists()
    assert not AvailabilityWindow.objects.exists()


def test_a_daily_rule_without_end_is_cut_at_the_horizon_not_refused():
    trainer = TrainerFactory()
    rule = availability_rule_save(
        rule=AvailabilityRule(
            trainer=trainer,
            kind=AvailabilityKind.WORKING,
            first_date=timezone.localdate(),
            start_time=time(8),
            end_time=time(12),
            recurrences=Recurrence(rrules=[Rule(WEEKLY, byday=[MONDAY])]),
        ),
        by=trainer.user,
    )

    latest = AvailabilityWindow.objects.filter(rule=rule).order_by("-start").first()
    assert rule.expanded_until == timezone.localdate() + timedelta(days=732)
    assert timezone.localtime(latest.start).date() > timezone.localdate() + timedelta(days=720)


def test_the_daily_task_moves_the_horizon_of_rules_that_fall_behind():
    trainer = TrainerFactory()
    rule = working_pattern(trainer, first_date=timezone.localdate() - timedelta(days=10))
    later = timezone.localdate() + timedelta(days=30)

    assert availability_extend(today=later) == 1
    rule.refresh_from_db()
    assert rule.expanded_until == later + timedelta(days=732)
    assert availability_extend(today=later) == 0
    latest = AvailabilityWindow.objects.filter(rule=rule).order_by("-start").first()
    assert timezone.localtime(latest.start).date() > later + timedelta(days=720)


def test_expanding_again_replaces_the_windows():
    trainer = TrainerFactory()
    rule = working_pattern(trainer)
    count = AvailabilityWindow.objects.filter(rule=rule).count()

    availability_rule_expand(rule=rule)

    assert AvailabilityWindow.objects.filter(rule=rule).count() == count


def _next_switch() -> date:
    """The next last Sunday of March or October."""
    today = timezone.localdate()
    for year in (today.year, today.year + 1):
        for month in (3, 10):
            last = date(year, month, 31)
            switch = last - timedelta(days=(last.weekday() + 1) % 7)
            if switch > today + timedelta(days=7):
                return switch
    raise AssertionError("no switch ahead")


def _monday_before(day: date) -> date:
    return day - timedelta(days=day.weekday() or 7)
