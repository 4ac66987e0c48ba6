"""The history of a booking's states: every change is a Wagtail log entry (who, when, from → to),
shown on the booking's history page. Logging tells nobody: callers send the emails themselves."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import get_active_log_context
from wagtail.models import ModelLogEntry

from bookings.models import Booking

STATUS_ACTION = "iq.booking.status"


def log_status(booking: Booking, previous: str, new: str, by) -> None:
    # The entry wagtail.log_actions.log would write, in one statement: its validation would
    # look the content type and the user up again on every change (a booking's hot path).
    context = get_active_log_context()
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=ContentType.objects.get_for_model(booking, for_concrete_model=False),
                object_id=str(booking.pk),
                label=str(booking),
                action=STATUS_ACTION,
                data={"from": previous, "to": new},
                timestamp=timezone.now(),
                user=by or context.user,
                uuid=context.uuid,
            )
        ]
    )
