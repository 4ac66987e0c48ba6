"""Test data for sessions that have already run: bookings are written directly, since the booking
service rightly refuses sessions whose deadline has passed."""

from datetime import time

from bookings.factories import OrganisationFactory
from bookings.models import Booking, BookingStatus, Participant
from catalogue.factories import make_session
from trainers.models import Assignment, AssignmentRole, AssignmentStatus

from .conftest import monday


def past_session(training, **fields):
    """Two Mondays in the past (three and two weeks ago), 09:00–12:00."""
    from recurrence import WEEKLY, Recurrence, Rule

    return make_session(
        training,
        first_date=monday(-3),
        start_time=time(9),
        end_time=time(12),
        recurrences=Recurrence(rrules=[Rule(WEEKLY, count=2)]),
        **fields,
    )


def confirmed_participants(session, *names, organisation=None):
    organisation = organisation or OrganisationFactory(name="Jobcenter Leipzig")
    booking = Booking.objects.create(
        reference=f"IQ-T{Booking.objects.count() + 1:05d}",
        session=session,
        organisation=organisation,
        organisation_type=organisation.type,
        status=BookingStatus.CONFIRMED,
        seats=len(names),
    )
    return [
        Participant.objects.create(booking=booking, name=name, function="employee")
        for name in names
    ]


def accepted_assignment(session, trainer, role=AssignmentRole.LEAD):
    return Assignment.objects.create(
        session=session, trainer=trainer, role=role, status=AssignmentStatus.ACCEPTED
    )
