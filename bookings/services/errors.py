"""The errors every booking service raises."""


class BookingError(Exception):
    """A booking rule refused the request; the message says why, in the user's language."""


class BookingBusy(BookingError):
    """The session is locked by other bookings right now; try again in a moment."""
