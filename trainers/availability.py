"""Expanding availability rules (Berlin dates and times plus a recurrence rule) into instants.

Like sessions (catalogue.schedule, DESIGN.md rule 1): the rule is expanded from a *naive local*
start into dates, and only then is each date combined with the local times in Berlin, so a
weekly 08:00–17:00 pattern stays 08:00 across the switch to and from summer time. Open-ended
rules are expanded up to HORIZON ahead; a daily task moves the horizon on.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.rrule import rruleset
from recurrence import Recurrence

from catalogue.schedule import BERLIN, local_instant

HORIZON = timedelta(days=2 * 366)
KEEP_PAST = timedelta(days=92)
MAX_WINDOWS = 1000
# A window covers at most one local day (25 hours on the day the clocks go back).
MAX_WINDOW_LENGTH = timedelta(hours=25)


class TooManyWindows(ValueError):
    pass


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime


def rule_dates(
    *, first_date: date, recurrence: Recurrence | None, since: date, until: date
) -> list[date]:
    """The days a rule starts on, between `since` and `until`: without a repeat rule the first
    day (plus extra dates); with one, the days the rule gives from the first day on."""
    dates = set()
    has_rules = bool(recurrence and recurrence.rrules)
    if not has_rules:
        dates.add(first_date)
    if recurrence:
        dtstart = datetime.combine(first_date, time.min)
        horizon = datetime.combine(until, time.max)
        if has_rules:
            rules = rruleset()
            for rule in recurrence.rrules:
                rules.rrule(rule.to_dateutil_rrule(dtstart))
            for rule in recurrence.exrules:
                rules.exrule(rule.to_dateutil_rrule(dtstart))
            for occurrence in rules.between(datetime.combine(since, time.min), horizon, inc=True):
                dates.add(occurrence.date())
                if len(dates) > MAX_WINDOWS:
                    raise TooManyWindows(MAX_WINDOWS)
        dates.update(_as_date(value) for value in recurrence.rdates)
        dates.difference_update(_as_date(value) for value in recurrence.exdates)
    return sorted(day for day in dates if day <= until)


def rule_windows(
    *,
    first_date: date,
    last_date: date | None,
    start_time: time | None,
    end_time: time | None,
    recurrence: Recurrence | None,
    since: date,
    until: date,
) -> list[Window]:
    """The rule's windows from `since` to `until`, one per local day. An absence of several
    days (first to last day) repeats that span from every day the rule gives; without times a
    window covers the whole day."""
    span = (last_date - first_date).days if last_date else 0
    days = set()
    for start_day in rule_dates(
        first_date=first_date,
        recurrence=recurrence,
        since=since - timedelta(days=span),
        until=until,
    ):
        days.update(start_day + timedelta(days=offset) for offset in range(span + 1))
    days = sorted(day for day in days if since <= day <= until)
    if len(days) > MAX_WINDOWS:
        raise TooManyWindows(MAX_WINDOWS)
    if start_time and end_time:
        return [
            Window(local_instant(day, start_time), local_instant(day, end_time)) for day in days
        ]
    return [
        Window(local_instant(day, time.min), local_instant(day + timedelta(days=1), time.min))
        for day in days
    ]


def covered(start: datetime, end: datetime, windows: list[Window]) -> bool:
    """Whether [start, end] lies within the union of `windows` (sorted by start)."""
    reached = start
    for window in windows:
        if window.start > reached:
            break
        if window.end > reached:
            reached = window.end
            if reached >= end:
                return True
    return reached >= end


def overlaps(start: datetime, end: datetime, windows: list[Window]) -> Window | None:
    for window in windows:
        if window.start < end and window.end > start:
            return window
    return None


def _as_date(value: date | datetime) -> date:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(BERLIN)
        return value.date()
    return value
