"""Expanding a session's schedule (local dates and times plus a recurrence rule) into instants.

django-recurrence serialises datetimes as UTC. A rule built from UTC instants drifts by an hour
across a daylight-saving switch, so rules are expanded from a *naive local* start, dates are
collected, and only then is each date combined with the local start and end time in Berlin.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rruleset
from recurrence import Recurrence

BERLIN = ZoneInfo("Europe/Berlin")
MAX_DATES = 200
HORIZON = timedelta(days=3 * 366)


class ScheduleTooLong(ValueError):
    pass


@dataclass(frozen=True)
class Slot:
    start: datetime
    end: datetime

    @property
    def local_date(self) -> date:
        return self.start.astimezone(BERLIN).date()


def local_instant(day: date, at: time) -> datetime:
    """The aware instant of a Berlin wall-clock time (a non-existent time is moved forward)."""
    return datetime.combine(day, at, tzinfo=BERLIN).astimezone(ZoneInfo("UTC")).astimezone(BERLIN)


def schedule_dates(*, first_date: date, recurrence: Recurrence | None) -> list[date]:
    """All dates of a schedule: the first date, the rule's dates and extra dates, minus
    excluded dates. Raises ScheduleTooLong beyond MAX_DATES dates."""
    dates = {first_date}
    if recurrence:
        dtstart = datetime.combine(first_date, time.min)
        horizon = dtstart + HORIZON
        if recurrence.rrules:
            rules = rruleset()
            for rule in recurrence.rrules:
                rules.rrule(rule.to_dateutil_rrule(dtstart))
            for rule in recurrence.exrules:
                rules.exrule(rule.to_dateutil_rrule(dtstart))
            for occurrence in rules:
                if occurrence > horizon or len(dates) > MAX_DATES:
                    break
                dates.add(occurrence.date())
        dates.update(_as_date(value) for value in recurrence.rdates)
        dates.difference_update(_as_date(value) for value in recurrence.exdates)
    if len(dates) > MAX_DATES:
        raise ScheduleTooLong(MAX_DATES)
    return sorted(dates)


def schedule_slots(
    *, first_date: date, start_time: time, end_time: time, recurrence: Recurrence | None
) -> list[Slot]:
    return [
        Slot(start=local_instant(day, start_time), end=local_instant(day, end_time))
        for day in schedule_dates(first_date=first_date, recurrence=recurrence)
    ]


def _as_date(value: date | datetime) -> date:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(BERLIN)
        return value.date()
    return value
