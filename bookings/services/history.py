"""The history of a booking's states: every change is a Wagtail log entry (who, when, from → to),
shown on the booking's history page. Logging tells nobody: callers send the emails themselves."""

from wagtail.log_actions import log

from bookings.models import Booking

STATUS_ACTION = "iq.booking.status"


def log_status(booking: Booking, previous: str, new: str, by) -> None:
    log(instance=booking, action=STATUS_ACTION, user=by, data={"from": previous, "to": new})
