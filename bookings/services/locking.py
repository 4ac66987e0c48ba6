"""The session lock: every write that changes seats or attendance holds it.

The Session row is locked (select_for_update) in a short transaction; a lock that cannot be had
within settings.BOOKING_LOCK_TIMEOUT is answered with BookingBusy ("busy, try again", HTTP 503).
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from bookings.services.errors import BookingBusy
from catalogue.models import Session


@contextmanager
def session_locked(session_id: int) -> Iterator[Session]:
    """The session row, locked until the surrounding transaction ends."""
    with transaction.atomic():
        sessions = Session.objects.select_for_update()
        if connection.vendor == "postgresql":
            # The wait for the lock is bounded from within the locking statement (no round trip
            # of its own): the condition is evaluated before the row is locked, and the setting
            # lasts until the transaction ends.
            lock_timeout_set = RawSQL(
                "set_config('lock_timeout', %s, true) IS NOT NULL",
                [settings.BOOKING_LOCK_TIMEOUT],
                output_field=BooleanField(),
            )
            sessions = sessions.filter(lock_timeout_set)
        try:
            session = sessions.get(pk=session_id)
        except OperationalError as error:
            if getattr(error.__cause__, "sqlstate", None) == "55P03":  # lock_not_available
                raise BookingBusy(
                    _("Many people are booking this session right now. Please try again.")
                ) from error
            raise
        yield session
