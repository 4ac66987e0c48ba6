"""Every calendar the platform gives out (RFC 5545): a session's .ics, the public feed, the
invitations emails carry to participants and trainers (RFC 5546), a trainer's feed. Entries are
made by date_event alone, calendars by build_calendar (and invitation, for emails).

icalendar supplies the VTIMEZONE; the entries are written here directly because icalendar's
generic serialiser needs about 2 ms per event, too slow for a feed of 10,000 dates. The output
is checked by an independent parser in the tests.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parseaddr
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlparse

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Timezone

from catalogue.models.sessions import SessionStatus
from catalogue.schedule import BERLIN

PRODID = "-//IQ Netzwerk//IQ Schulungen//DE"
TZID = "Europe/Berlin"


class CalendarEvent(NamedTuple):  # a tuple: a feed makes thousands
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


@dataclass(frozen=True)
class Person:
    """An ORGANIZER or ATTENDEE (for emailed invitations, RFC 5546); `role` only for attendees."""

    email: str
    name: str = ""
    role: str = "REQ-PARTICIPANT"


@lru_cache(maxsize=1)
def uid_domain() -> str:
    return urlparse(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def occurrence_uid(occurrence_id: int) -> str:
    """Stable per occurrence: moving a date keeps its UID, so calendars update the event."""
    return f"iq-occurrence-{occurrence_id}@{uid_domain()}"


def venue_location(venue) -> str:
    return f"{venue.name}, {venue.address}" if venue else "Online"


def date_event(
    session,
    occurrence,
    *,
    title: str,
    url: str,
    uid: Callable[[int], str] = occurrence_uid,
    sequence: int | None = None,
    cancelled: bool = False,
    last_modified: datetime | None = None,
    with_access: bool = False,
) -> CalendarEvent:
    """The calendar entry of one date of a session. Every entry the platform gives out is made
    here: the session's .ics and the public feed, the participants' invitations (the date's own
    UID) and the trainers' entries (their own UIDs, `uid`). `session` needs venue, status,
    sequence and updated_at; `occurrence` pk, start, end and is_cancelled. A higher `sequence`
    than the session's and `cancelled` withdraw an entry sent before. Only calendars for
    confirmed participants and assigned trainers pass `with_access`: the meeting link becomes
    the entry's URL and is added to its LOCATION and DESCRIPTION, with the access notes."""
    location, description = venue_location(session.venue), url
    access = session.access_for(occurrence) if with_access else None
    if access is not None:
        if access.url:
            location = f"{location}, {access.url}" if session.venue else access.url
        description = "\n".join(part for part in (access.url, access.notes, url) if part)
        url = access.url or url
    return CalendarEvent(
        uid=uid(occurrence.pk),
        sequence=session.sequence if sequence is None else sequence,
        start=occurrence.start,
        end=occurrence.end,
        summary=title,
        location=location,
        description=description,
        url=url,
        cancelled=cancelled or occurrence.is_cancelled or session.status == SessionStatus.CANCELLED,
        last_modified=last_modified or session.updated_at,
    )


def session_events(session, occurrences=None, **entry) -> list[CalendarEvent]:
    """One entry per date (default: the prefetched occurrences), as date_event makes it."""
    dates = session.occurrences.all() if occurrences is None else occurrences
    return [date_event(session, occurrence, **entry) for occurrence in dates]


def invitation(
    events: Iterable[CalendarEvent], *, name: str, method: str, attendee: Person
) -> bytes:
    """The calendar an email carries to one person (RFC 5546: REQUEST adds or updates the
    entries, CANCEL withdraws them), sent by the platform."""
    organizer_name, organizer_email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return build_calendar(
        events,
        name=name,
        method=method,
        organizer=Person(email=organizer_email, name=organizer_name),
        attendees=[attendee],
    )


def build_calendar(
    events: Iterable[CalendarEvent],
    *,
    name: str,
    method: str = "PUBLISH",
    organizer: Person | None = None,
    attendees: Iterable[Person] = (),
) -> bytes:
    events = list(events)
    stamp = _utc(timezone.now())
    people = [f"ORGANIZER{_cn(organizer)}:{_mailto(organizer)}"] if organizer else []
    people += [
        f"ATTENDEE{_cn(person)};ROLE={person.role};PARTSTAT=ACCEPTED;RSVP=FALSE:{_mailto(person)}"
        for person in attendees
    ]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        f"X-WR-CALNAME:{_text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
    ]
    body = [_vtimezone()]
    # A session's dates share everything but their UID and times: that part is written once.
    shared: dict[tuple, str] = {}
    for item in events:
        key = (
            item.summary,
            item.location,
            item.description,
            item.url,
            item.cancelled,
            item.last_modified,
        )
        rest = shared.get(key)
        if rest is None:
            rest = shared[key] = "".join(
                _fold(line)
                for line in (
                    f"SUMMARY:{_text(item.summary)}",
                    f"LOCATION:{_text(item.location)}",
                    f"DESCRIPTION:{_text(item.description)}",
                    f"URL:{_uri(item.url)}",
                    f"STATUS:{'CANCELLED' if item.cancelled else 'CONFIRMED'}",
                    f"LAST-MODIFIED:{_utc(item.last_modified)}",
                    *people,
                    "END:VEVENT",
                )
            )
        # These lines are shorter than 75 octets: they need no folding.
        body.append(
            f"BEGIN:VEVENT\r\n{_fold(f'UID:{_text(item.uid)}')}DTSTAMP:{stamp}\r\n"
            f"SEQUENCE:{item.sequence}\r\n"
            f"DTSTART;TZID={TZID}:{_local(item.start)}\r\n"
            f"DTEND;TZID={TZID}:{_local(item.end)}\r\n{rest}"
        )
    head = "".join(_fold(line) for line in lines)
    return (head + "".join(body) + "END:VCALENDAR\r\n").encode()


def calendar_response(body: bytes, *, filename: str, inline: bool) -> HttpResponse:
    """A calendar as the answer to a request: shown (a feed) or downloaded (a file)."""
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@lru_cache(maxsize=1)
def _vtimezone() -> str:
    """The VTIMEZONE for Berlin (icalendar; cached, it is slow). One fixed span for every file:
    clients keep the first definition they see for a TZID, so each must cover every date."""
    component = Timezone.from_tzid(TZID, first_date=date(2000, 1, 1), last_date=date(2045, 1, 1))
    return component.to_ical().decode()


def _local(value: datetime) -> str:
    """Berlin's wall-clock time, as DTSTART;TZID= takes it (the fields are faster than
    strftime, which matters for a feed's thousands of dates)."""
    value = value.astimezone(BERLIN)
    return (
        f"{value.year:04}{value.month:02}{value.day:02}"
        f"T{value.hour:02}{value.minute:02}{value.second:02}"
    )


@lru_cache(maxsize=4096)  # a feed repeats a session's LAST-MODIFIED for each of its dates
def _utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


# What some parser or mail program takes for a line break (str.splitlines' list), and the
# control characters a TEXT value cannot hold (all but HTAB; LF stands for the breaks).
_LINE_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


# What a TEXT value must escape or drop: a fast test lets most values through untouched.
_NEEDS_ESCAPING = re.compile("[\\\\;,\x00-\x1f\x7f\x85\u2028\u2029]")


def _text(value: str) -> str:
    """Escape a TEXT value (RFC 5545, 3.3.11). Every line break (CRLF, LF or a lone CR)
    becomes an escaped newline; other control characters, which TEXT cannot hold, are dropped,
    so a value can never end the content line and start a property of its own."""
    if not _NEEDS_ESCAPING.search(value):
        return value
    value = _LINE_BREAKS.sub("\n", value)
    value = _CONTROL_CHARACTERS.sub("", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _uri(value: str) -> str:
    """A URI value; a line break or control character could end the content line."""
    return _CONTROL_CHARACTERS.sub("", _LINE_BREAKS.sub("", value))


def _cn(person: Person) -> str:
    """The CN parameter, quoted (a parameter value cannot contain DQUOTE or line breaks)."""
    name = " ".join(_CONTROL_CHARACTERS.sub("", person.name.replace('"', "'")).split())
    return f';CN="{name}"' if name else ""


def _mailto(person: Person) -> str:
    """A CAL-ADDRESS; a quoted local part may hold control characters, which are dropped."""
    return "mailto:" + _CONTROL_CHARACTERS.sub("", _LINE_BREAKS.sub("", person.email))


def _fold(line: str) -> str:
    """A content line, folded after 75 octets without splitting a UTF-8 character."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line + "\r\n"
    parts, start, limit = [], 0, 75
    while len(encoded) - start > limit:
        end = start + limit
        while encoded[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its lead
            end -= 1
        parts.append(encoded[start:end])
        start, limit = end, 74  # continuation lines begin with a space
    parts.append(encoded[start:])
    return b"\r\n ".join(parts).decode() + "\r\n"
