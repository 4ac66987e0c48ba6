from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from recurrence import DAILY, WEEKLY, Recurrence, Rule

from catalogue.schedule import ScheduleTooLong, schedule_dates, schedule_slots

BERLIN = ZoneInfo("Europe/Berlin")
UTC = ZoneInfo("UTC")


def local_hours(slots):
    return [
        (
            slot.start.astimezone(BERLIN).strftime("%H:%M"),
            slot.end.astimezone(BERLIN).strftime("%H:%M"),
        )
        for slot in slots
    ]


@pytest.mark.parametrize(
    ("first_date", "utc_before", "utc_after"),
    [
        (date(2027, 3, 15), 8, 7),  # into summer time on 28 March 2027
        (date(2027, 10, 18), 7, 8),  # back to winter time on 31 October 2027
    ],
)
def test_weekly_series_keeps_berlin_wall_clock_across_daylight_saving(
    first_date, utc_before, utc_after
):
    slots = schedule_slots(
        first_date=first_date,
        start_time=time(9, 0),
        end_time=time(12, 0),
        recurrence=Recurrence(rrules=[Rule(WEEKLY, count=4)]),
    )

    assert len(slots) == 4
    assert local_hours(slots) == [("09:00", "12:00")] * 4
    utc_hours = [slot.start.astimezone(UTC).hour for slot in slots]
    assert utc_hours[0] == utc_before
    assert utc_hours[-1] == utc_after


def test_rule_serialised_through_the_database_format_still_expands_to_local_times():
    # django-recurrence writes datetimes as UTC text; an UNTIL read back from it must still
    # include the last local date.
    from recurrence import deserialize, serialize

    rule = Recurrence(rrules=[Rule(WEEKLY, until=datetime(2027, 4, 5))])
    restored = deserialize(serialize(rule))

    slots = schedule_slots(
        first_date=date(2027, 3, 15), start_time=time(9), end_time=time(12), recurrence=restored
    )

    assert [slot.local_date for slot in slots] == [
        date(2027, 3, 15),
        date(2027, 3, 22),
        date(2027, 3, 29),
        date(2027, 4, 5),
    ]
    assert local_hours(slots) == [("09:00", "12:00")] * 4


def test_extra_and_excluded_dates_count_by_local_date():
    recurrence = Recurrence(
        rrules=[Rule(WEEKLY, count=3)],
        rdates=[datetime(2027, 3, 31, 0, 0)],
        exdates=[datetime(2027, 3, 22, 0, 0)],
    )

    assert schedule_dates(first_date=date(2027, 3, 15), recurrence=recurrence) == [
        date(2027, 3, 15),
        date(2027, 3, 29),
        date(2027, 3, 31),
    ]


def test_single_date_without_rule():
    assert schedule_dates(first_date=date(2027, 1, 4), recurrence=Recurrence()) == [
        date(2027, 1, 4)
    ]


def test_endless_daily_rule_is_refused():
    with pytest.raises(ScheduleTooLong):
        schedule_dates(first_date=date(2027, 1, 4), recurrence=Recurrence(rrules=[Rule(DAILY)]))
