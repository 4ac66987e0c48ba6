"""Expanding availability rules (Berlin dates and times plus a recurrence rule) into instants.

Like sessions, by catalogue.schedule (DESIGN.md rule 1): the rule is expanded from a *naive
local* start into dates, and only then is each date combined with the local times in Berlin, so
a weekly 08:00–17:00 pattern stays 08:00 across the switch to and from summer time. Open-ended
rules are expanded up to HORIZON ahead; a daily task moves the horizon on.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from recurrence import Recurrence

from catalogue.schedule import ScheduleTooLong, local_instant, recurrence_dates

HORIZON = timedelta(days=2 * 366)
KEEP_PAST = timedelta(days=92)
MAX_WINDOWS = 1000
# A window covers at most one local day (25 hours on the day the clocks go back).
MAX_WINDOW_LENGTH = timedelta(hours=25)


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime


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
    for start_day in recurrence_dates(
        first_date=first_date,
        recurrence=recurrence,
        since=since - timedelta(days=span),
        until=until,
        limit=MAX_WINDOWS,
        rule_dates_only=True,
    ):
        days.update(start_day + timedelta(days=offset) for offset in range(span + 1))
    days = sorted(day for day in days if since <= day <= until)
    if len(days) > MAX_WINDOWS:
        raise ScheduleTooLong(MAX_WINDOWS)
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
