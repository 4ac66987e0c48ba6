"""Calendar output (RFC 5545) for sessions and the catalogue feed."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlparse

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone

from catalogue.models import Session
from catalogue.models.sessions import SessionStatus
from catalogue.schedule import BERLIN

PRODID = "-//IQ Netzwerk//IQ Schulungen//DE"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    sequence: int
    start: datetime
    end: datetime
    summary: str
    location: str
    description: str
    url: str
    cancelled: bool
    last_modified: datetime


def uid_domain() -> str:
    return urlparse(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def occurrence_uid(occurrence_id: int) -> str:
    """Stable per occurrence: moving a date keeps its UID, so calendars update it."""
    return f"iq-occurrence-{occurrence_id}@{uid_domain()}"


def session_events(*, session: Session, title: str, url: str) -> list[CalendarEvent]:
    """One event per occurrence (uses the prefetched occurrences)."""
    location = f"{session.venue.name}, {session.venue.address}" if session.venue_id else "Online"
    session_cancelled = session.status == SessionStatus.CANCELLED
    return [
        CalendarEvent(
            uid=occurrence_uid(occurrence.pk),
            sequence=session.sequence,
            start=occurrence.start,
            end=occurrence.end,
            summary=title,
            location=location,
            description=url,
            url=url,
            cancelled=session_cancelled or occurrence.is_cancelled,
            last_modified=session.updated_at,
        )
        for occurrence in session.occurrences.all()
    ]


def build_calendar(events: Iterable[CalendarEvent], *, name: str, method: str = "PUBLISH") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    stamp = timezone.now()
    events = list(events)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("sequence", item.sequence)
        event.add("dtstart", item.start.astimezone(BERLIN))
        event.add("dtend", item.end.astimezone(BERLIN))
        event.add("summary", item.summary)
        event.add("location", item.location)
        event.add("description", item.description)
        event.add("url", item.url)
        event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
        event.add("last-modified", item.last_modified)
        calendar.add_component(event)
    if events:
        # A VTIMEZONE that covers just the events' span keeps the file small.
        calendar.add_missing_timezones(
            first_date=min(item.start for item in events).date() - timedelta(days=366),
            last_date=max(item.end for item in events).date() + timedelta(days=366),
        )
    else:
        calendar.add_component(Timezone.from_tzid("Europe/Berlin", last_date=stamp.date()))
    return calendar.to_ical()
