"""Every write with rules about bookings, one module per domain. Each write is atomic and raises
errors.BookingError (or BookingBusy) with a message in the user's language.

The modules build on each other in this order, and none imports one above it:
errors → locking → history → seats → pricing → payments → bookings, with members, inhouse and
attendance beside bookings. This package hands no names on: callers import the module that
holds the rule (`from bookings.services.bookings import booking_create`).
"""
