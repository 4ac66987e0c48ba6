"""Expanding recurrences (local dates and times plus a rule: a session's schedule, a trainer's
working times and absences) into dates and instants; the one place that does.

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
    """More dates than allowed (the limit is the error's argument)."""


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


def recurrence_dates(
    *,
    first_date: date,
    recurrence: Recurrence | None,
    until: date,
    since: date | None = None,
    limit: int,
    rule_dates_only: bool = False,
) -> list[date]:
    """The local dates a recurrence gives, from `since` (default: the first date) to `until`:
    the first date (unless `rule_dates_only` and there is a repeat rule: then only the dates the
    rule gives count), the rule's dates and extra dates, minus excluded dates. The rule is
    expanded from the naive local first date, so its dates never drift with daylight saving.
    Raises ScheduleTooLong beyond `limit` dates. Sessions and trainers' availability both use
    it."""
    has_rules = bool(recurrence and recurrence.rrules)
    dates = set() if rule_dates_only and has_rules else {first_date}
    if recurrence:
        if has_rules:
            dtstart = datetime.combine(first_date, time.min)
            rules = rruleset()
            for rule in recurrence.rrules:
                rules.rrule(rule.to_dateutil_rrule(dtstart))
            for rule in recurrence.exrules:
                rules.exrule(rule.to_dateutil_rrule(dtstart))
            start = datetime.combine(since or first_date, time.min)
            enough = limit + len(recurrence.exdates) + 1  # more cannot be within the limit
            for occurrence in rules.xafter(start, inc=True):
                if occurrence.date() > until or len(dates) >= enough:
                    break
                dates.add(occurrence.date())
        dates.update(_as_date(value) for value in recurrence.rdates)
        dates.difference_update(_as_date(value) for value in recurrence.exdates)
    dates = sorted(day for day in dates if day <= until and (since is None or day >= since))
    if len(dates) > limit:
        raise ScheduleTooLong(limit)
    return dates


def schedule_dates(*, first_date: date, recurrence: Recurrence | None) -> list[date]:
    """All dates of a session's schedule, up to HORIZON ahead. Raises ScheduleTooLong beyond
    MAX_DATES dates."""
    return recurrence_dates(
        first_date=first_date,
        recurrence=recurrence,
        until=first_date + HORIZON,
        limit=MAX_DATES,
    )


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
