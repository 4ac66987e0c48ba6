from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from bookings.models import BookingStatus
from bookings.services import STATUS_ACTION


@hooks.register("register_log_actions")
def register_booking_actions(actions):
    @actions.register_action(STATUS_ACTION)
    class BookingStatusChanged(LogFormatter):
        label = _("Booking status changed")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Status changed from “%(from)s” to “%(to)s”") % {
                "from": self.status_label(data.get("from")),
                "to": self.status_label(data.get("to")),
            }

        @staticmethod
        def status_label(status):
            return BookingStatus(status).label if status in BookingStatus.values else "–"


@hooks.register("register_admin_viewset")
def register_bookings_viewsets():
    from bookings.viewsets import BookingsGroup

    return BookingsGroup()
