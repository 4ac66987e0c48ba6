"""Hand-built programme data: held sessions on given dates, bookings, attendance."""

import itertools
from datetime import date, datetime, time

from recurrence import Recurrence

from bookings.factories import OrganisationFactory
from bookings.models import (
    Attendance,
    AttendanceStatus,
    Booking,
    BookingStatus,
    OrganisationType,
    Participant,
)
from catalogue.factories import TopicFactory, make_session, make_training
from catalogue.models import Session
from catalogue.models.sessions import SessionStatus
from catalogue.services import session_save

_references = itertools.count(1)
PRESENT, ABSENT = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT


def held_session(
    training,
    *dates: date,
    state: str = "BE",
    status: str = SessionStatus.HELD,
    cancelled: tuple[date, ...] = (),
    start: time = time(9, 0),
    end: time = time(16, 0),
) -> Session:
    """A session meeting on `dates` (Berlin). The `cancelled` dates are dropped from the
    schedule afterwards, so their occurrences stay as cancelled (as for any published session)."""
    first, *rest = dates
    session = make_session(
        training,
        first_date=first,
        start_time=start,
        end_time=end,
        state=state,
        status=SessionStatus.OPEN if cancelled else status,
        recurrences=Recurrence(rdates=[datetime.combine(day, time.min) for day in rest]),
    )
    if cancelled:
        session.recurrences = Recurrence(
            rdates=[datetime.combine(day, time.min) for day in rest],
            exdates=[datetime.combine(day, time.min) for day in cancelled],
        )
        session.status = status
        session_save(session=session, status_change=True)  # history, as an import writes it
    return session


def administration(**fields):
    return OrganisationFactory(type=OrganisationType.JOB_CENTRE, **fields)


def company(**fields):
    return OrganisationFactory(type=OrganisationType.SME, name="Muster GmbH", **fields)


def book(
    session: Session, organisation, *functions: str, status: str = BookingStatus.CONFIRMED
) -> list[Participant]:
    """A booking of one seat per function ("employee" or "manager")."""
    booking = Booking.objects.create(
        reference=f"ST{next(_references):06d}",
        session=session,
        organisation=organisation,
        organisation_type=organisation.type,
        status=status,
        seats=len(functions),
    )
    return [
        Participant.objects.create(
            booking=booking,
            name=f"Teilnehmende {number}",
            email=f"teilnehmende{number}@example.org",
            function=function,
        )
        for number, function in enumerate(functions, start=1)
    ]


def attend(participant: Participant, *statuses: str | None) -> None:
    """Attendance on the session's occurrences in order (cancelled ones included);
    None: nothing recorded for that occurrence."""
    occurrences = participant.booking.session.occurrences.order_by("start")
    for occurrence, status in zip(occurrences, statuses, strict=True):
        if status is not None:
            Attendance.objects.create(participant=participant, occurrence=occurrence, status=status)


def build_programme(index) -> None:
    """Two topics, three state networks, both sectors and functions, two months (January and
    February 2030): 3 trainings held, 7 participants."""
    asylum = TopicFactory(slug="asylum", name="Asyl", name_en="Asylum", sort_order=1)
    diversity = TopicFactory(slug="diversity", name="Vielfalt", name_en="Diversity", sort_order=2)
    first = make_training(index, topic=asylum)
    second = make_training(index, topic=diversity)
    jobcentre, firm = administration(), company()

    berlin = held_session(first, date(2030, 1, 7), date(2030, 1, 8), state="BE")
    for participant in book(berlin, jobcentre, "employee", "employee", "manager"):
        attend(participant, PRESENT, ABSENT)
    for participant in book(berlin, firm, "manager"):
        attend(participant, ABSENT, PRESENT)

    saxony = held_session(second, date(2030, 2, 11), state="SN")
    for participant in book(saxony, firm, "employee", "employee"):
        attend(participant, PRESENT)

    # A training held for administration only, nobody from companies came.
    bavaria = held_session(second, date(2030, 2, 18), state="BY")
    present, absent = book(bavaria, jobcentre, "manager", "employee")
    attend(present, PRESENT)
    attend(absent, ABSENT)
    (no_show,) = book(bavaria, firm, "employee")
    attend(no_show, ABSENT)
