"""Telling people that a session changed. The catalogue knows what changed; who is told and how
is for the apps that know those people (bookings: bookers and participants; trainers: the
assigned trainers). Each registers an Audience in its AppConfig.ready(), so the catalogue never
imports them (DESIGN.md: home → catalogue ← bookings ← trainers)."""

from dataclasses import dataclass, field
from typing import Protocol

from django.utils.translation import gettext_lazy as _

# What people are told changed, by the session fields behind it.
CHANGE_FIELDS = {
    "schedule": ("first_date", "start_time", "end_time", "recurrences"),
    "place": ("venue_id", "online"),
    "access": ("meeting_url", "access_notes"),
    "status": ("status",),
}
CHANGE_LABELS = {
    "schedule": _("dates and times"),
    "place": _("place"),
    "access": _("online access"),
    "status": _("status"),
}


@dataclass(frozen=True)
class SessionChange:
    """A saved change of a session. `cancelled_dates` and `added_dates` are occurrence ids;
    `sequence` is the session's SEQUENCE after the change."""

    session_id: int
    sequence: int
    what: frozenset[str]
    cancelled_dates: tuple[int, ...] = ()
    added_dates: tuple[int, ...] = ()
    by_id: int | None = field(default=None, compare=False)

    @property
    def concerns_waiting_list(self) -> bool:
        """People on the waiting list have no seat and no access: only dates, place and status
        concern them."""
        return bool(self.what & {"schedule", "place", "status"} or self.cancelled_dates)

    @property
    def labels(self) -> list[str]:
        return [str(CHANGE_LABELS[key]) for key in CHANGE_LABELS if key in self.what]

    def as_data(self) -> dict:
        """What an email about the change stores (bookings.outbox)."""
        return {
            "sequence": self.sequence,
            "what": sorted(self.what),
            "cancelled_dates": list(self.cancelled_dates),
            "added_dates": list(self.added_dates),
        }


@dataclass(frozen=True)
class Recipient:
    """Someone a change notice goes to, as staff see them before saving."""

    name: str
    email: str
    role: str


class Audience(Protocol):
    def recipients(self, session, change: SessionChange) -> list[Recipient]:
        """Who `notify` would tell of `change` (the session as it will be saved)."""

    def notify(self, change: SessionChange) -> None:
        """Record the emails about `change`; they are sent after commit (bookings.outbox)."""


_audiences: list[Audience] = []


def register_audience(audience: Audience) -> None:
    if not any(type(known) is type(audience) for known in _audiences):
        _audiences.append(audience)


def change_recipients(session, change: SessionChange) -> list[Recipient]:
    return [person for audience in _audiences for person in audience.recipients(session, change)]


def change_tell(change: SessionChange) -> None:
    for audience in _audiences:
        audience.notify(change)
