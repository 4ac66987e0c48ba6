from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from bookings.services import STATUS_ACTION


@hooks.register("register_log_actions")
def register_booking_actions(actions):
    def message(log_entry):
        data = log_entry.data or {}
        return _("Status changed from “%(from)s” to “%(to)s”") % {
            "from": data.get("from") or "–",
            "to": data.get("to", "–"),
        }

    actions.register_action(STATUS_ACTION, _("Booking status changed"), message)


@hooks.register("register_admin_viewset")
def register_bookings_viewsets():
    from bookings.viewsets import BookingsGroup

    return BookingsGroup()
