"""How the admin history shows the member, participant and in-house request changes logged by
bookings.services (registered in wagtail_hooks)."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

from bookings.models import InhouseRequestStatus, OrganisationType, Role


def _role(value) -> str:
    return Role(value).label if value in Role.values else "–"


def _status(value) -> str:
    return InhouseRequestStatus(value).label if value in InhouseRequestStatus.values else "–"


class BookingReclassified(LogFormatter):
    label = _("Re-classified")

    def format_message(self, log_entry):
        data = log_entry.data or {}

        def name(value):
            return OrganisationType(value).label if value in OrganisationType.values else "–"

        return _("Counted as “%(to)s” instead of “%(from)s”: %(reason)s") % {
            "from": name(data.get("from")),
            "to": name(data.get("to")),
            "reason": data.get("reason", "–"),
        }


class AddedOnTheDay(LogFormatter):
    label = _("Added on the day")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        if data.get("replaces"):
            return _("Came in place of a booked participant (booking %(booking)s)") % data
        return _("Came without being booked; booking %(booking)s gains a seat") % data


class SessionReopened(LogFormatter):
    label = _("Reopened")

    def format_message(self, log_entry):
        return _("Reopened: %(reason)s") % {"reason": (log_entry.data or {}).get("reason", "–")}


def status_change_formatter(label, choices) -> type[LogFormatter]:
    """A history line "Status changed from X to Y" for a log entry with data {from, to}."""

    def name(value) -> str:
        return choices(value).label if value in choices.values else "–"

    class StatusChanged(LogFormatter):
        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Status changed from “%(from)s” to “%(to)s”") % {
                "from": name(data.get("from")),
                "to": name(data.get("to")),
            }

    StatusChanged.label = label
    return StatusChanged


class MembersChanged(LogFormatter):
    label = _("Members changed")
    messages = {
        "invited": _("Invited %(email)s as %(role)s"),
        "resent": _("Sent the invitation to %(email)s again (as %(role)s)"),
        "revoked": _("Withdrew the invitation to %(email)s"),
        "joined": _("%(email)s joined as %(role)s"),
        "role": _("Changed the role of %(email)s from %(previous)s to %(role)s"),
        "removed": _("Removed %(email)s"),
    }

    def format_message(self, log_entry):
        data = log_entry.data or {}
        message = self.messages.get(data.get("change"), self.label)
        return message % {
            "email": data.get("email", "–"),
            "role": _role(data.get("role")),
            "previous": _role(data.get("previous")),
        }


class ParticipantsRenamed(LogFormatter):
    label = _("Participants renamed")

    def format_message(self, log_entry):
        count = len((log_entry.data or {}).get("participants", []))
        return _("Changed the details of %(count)s participant(s)") % {"count": count}


class InhouseStatusChanged(LogFormatter):
    label = _("In-house request status changed")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Status changed from “%(from)s” to “%(to)s”") % {
            "from": _status(data.get("from")),
            "to": _status(data.get("to")),
        }
