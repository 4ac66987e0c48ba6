"""Figures the ministry can trust (DESIGN.md rule 13): "held" only through the service, the sector
a booking was made under, attended participations that survive cancelling, sessions held without
anyone present listed apart, and the dashboard's reminders of what is still to close."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from bookings.certificates import (
    certificate_is_genuine,
    certificate_issue,
    participants_with_certificate,
)
from bookings.factories import UserFactory
from bookings.models import Booking, BookingStatus, OrganisationType
from bookings.selectors import staff_dashboard
from bookings.services.attendance import (
    ON_THE_DAY_ACTION,
    SESSION_REOPENED_ACTION,
    participant_on_the_day,
    session_mark_held,
    session_reopen,
)
from bookings.services.bookings import booking_cancel, bookings_reclassify, session_cancel
from bookings.services.errors import BookingError
from bookings.statistics import programme_figures
from catalogue.factories import make_session
from catalogue.models import Session
from catalogue.models.sessions import SessionStatus
from catalogue.services import CatalogueError, session_save, staff_grant
from tests.bookings.statistics_data import administration, attend, book, held_session
from trainers.factories import make_trainer
from trainers.models import Assignment, AssignmentStatus

pytestmark = pytest.mark.django_db

P, A = "present", "absent"
JANUARY = {"date_from": date(2030, 1, 1), "date_to": date(2030, 1, 31)}


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def staff(db):
    user = UserFactory(username="koordination-be")
    staff_grant(user=user, states=["BE"])
    return user


@pytest.fixture
def staff_client(staff):
    client = Client()
    client.force_login(staff)
    return client


def ended_session(training, **fields):
    """A Berlin session whose one date was last week, still open."""
    return make_session(training, first_date=timezone.localdate() - timedelta(days=7), **fields)


# --- 1. "held" only through the service ------------------------------------------------------


def test_held_and_cancelled_cannot_be_set_by_saving_a_session(training, staff, english):
    future = make_session(training, first_date=timezone.localdate() + timedelta(days=30))
    for status in (SessionStatus.HELD, SessionStatus.CANCELLED):
        future.status = status
        with pytest.raises(CatalogueError, match="status cannot be set here"):
            session_save(session=future, by=staff)
    assert Session.objects.get(pk=future.pk).status == SessionStatus.OPEN


def test_the_edit_form_offers_no_held_and_shows_held_read_only(training, staff_client):
    future = make_session(training, first_date=timezone.localdate() + timedelta(days=30))
    url = reverse("catalogue_session:edit", args=[future.pk])
    form = staff_client.get(url).context["form"]
    assert [value for value, _label in form.fields["status"].choices] == ["planned", "open"]

    held = held_session(training, date(2030, 1, 7))
    form = staff_client.get(reverse("catalogue_session:edit", args=[held.pk])).context["form"]
    assert form.fields["status"].disabled

    # A forged POST for "held" on the future session changes nothing.
    data = {
        "training": training.pk,
        "state": "BE",
        "language": future.language_id,
        "online": "on",
        "capacity": 12,
        "status": "held",
        "first_date": future.first_date.isoformat(),
        "start_time": "09:00",
        "end_time": "12:00",
        "recurrences": "",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 200  # the form again, with the error
    assert Session.objects.get(pk=future.pk).status == SessionStatus.OPEN


def test_reopening_needs_staff_of_the_state_and_a_reason_and_is_logged(training, staff, english):
    session = ended_session(training)
    (anna,) = book(session, administration(), "employee")
    attend(anna, P)
    session_mark_held(session=session, by=staff, as_staff=True)

    with pytest.raises(BookingError, match="Say why"):
        session_reopen(session=session, by=staff, reason="  ")
    other = UserFactory(username="koordination-nw")
    staff_grant(user=other, states=["NW"])
    with pytest.raises(BookingError, match="another state network"):
        session_reopen(session=session, by=other, reason="Anwesenheit korrigieren")

    session_reopen(session=session, by=staff, reason="Anwesenheit korrigieren")
    session.refresh_from_db()
    assert session.status == SessionStatus.OPEN
    entry = ModelLogEntry.objects.get(action=SESSION_REOPENED_ACTION)
    assert (entry.user, entry.data["reason"]) == (staff, "Anwesenheit korrigieren")
    with pytest.raises(BookingError, match="Only a session marked as held"):
        session_reopen(session=session, by=staff, reason="noch einmal")


def test_reopening_from_the_attendance_page(training, staff, staff_client):
    session = ended_session(training)
    (anna,) = book(session, administration(), "employee")
    attend(anna, P)
    session_mark_held(session=session, by=staff, as_staff=True)
    url = reverse("trainers_staff:attendance", args=[session.pk])

    assert "reason" in staff_client.get(url).content.decode()
    staff_client.post(url, {"reopen": "1", "reason": "Falsche Person eingetragen"})
    session.refresh_from_db()
    assert session.status == SessionStatus.OPEN


def test_a_held_session_or_one_with_anyone_present_cannot_be_cancelled(training, staff, english):
    session = ended_session(training)
    (anna,) = book(session, administration(), "employee")
    attend(anna, P)
    with pytest.raises(BookingError, match="Participants were present"):
        session_cancel(session=session, by=staff)
    session_mark_held(session=session, by=staff, as_staff=True)
    with pytest.raises(BookingError, match="held cannot be cancelled"):
        session_cancel(session=session, by=staff)
    assert Booking.objects.get().status == BookingStatus.CONFIRMED


# --- 2. the sector a booking was made under ---------------------------------------------------


def test_correcting_an_organisation_type_moves_no_past_figure(training, staff):
    session = held_session(training, date(2030, 1, 7))
    jobcentre = administration()
    for participant in book(session, jobcentre, "employee", "manager"):
        attend(participant, P)
    before = programme_figures(**JANUARY).participants_by_sector

    jobcentre.type = OrganisationType.SME  # a correction today
    jobcentre.save()

    assert before == {"administration": 2, "companies": 0}
    assert programme_figures(**JANUARY).participants_by_sector == before
    assert Booking.objects.get().organisation_type == OrganisationType.JOB_CENTRE


def test_staff_reclassify_past_bookings_explicitly_and_it_is_logged(training, staff, english):
    session = held_session(training, date(2030, 1, 7))
    jobcentre = administration()
    for participant in book(session, jobcentre, "employee"):
        attend(participant, P)
    jobcentre.type = OrganisationType.SME
    jobcentre.save()

    with pytest.raises(BookingError, match="Say why"):
        bookings_reclassify(organisation=jobcentre, by=staff, reason="")
    assert bookings_reclassify(organisation=jobcentre, by=staff, reason="Typ war falsch") == 1

    figures = programme_figures(**JANUARY)
    assert figures.participants_by_sector == {"administration": 0, "companies": 1}
    entry = ModelLogEntry.objects.get(action="iq.booking.reclassified")
    assert entry.data == {"from": "job_centre", "to": "sme", "reason": "Typ war falsch"}
    assert entry.user == staff


# --- 3. attendance survives cancelling ---------------------------------------------------------


def test_cancelling_after_the_session_cancels_only_who_did_not_attend(training, staff, english):
    session = ended_session(training)
    anna, ben = book(session, administration(), "employee", "employee")
    attend(anna, P)
    attend(ben, A)
    session_mark_held(session=session, by=staff, as_staff=True)
    certificate = certificate_issue(participant=anna)
    booking = anna.booking

    with pytest.raises(BookingError, match="attended the session"):
        booking_cancel(booking=booking, by=staff, participant_ids=[anna.pk], as_staff=True)
    booking_cancel(booking=booking, by=staff, as_staff=True)

    booking.refresh_from_db()
    anna.refresh_from_db()
    ben.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED and booking.seats == 1
    assert anna.cancelled_at is None and ben.cancelled_at is not None
    assert certificate_is_genuine(certificate.code)
    first = session.starts_at.astimezone(timezone.get_current_timezone()).date()
    assert programme_figures(date_from=first, date_to=first).participants == 1

    with pytest.raises(BookingError, match="Everyone in this booking attended"):
        booking_cancel(booking=booking, by=staff, as_staff=True)


# --- 5. held without anyone present ------------------------------------------------------------


def test_a_session_held_without_anyone_present_is_not_a_training_held(training):
    empty = held_session(training, date(2030, 1, 7), date(2030, 1, 8))
    for participant in book(empty, administration(), "employee"):
        attend(participant, A, A)
    held_session(training, date(2030, 1, 14))  # nobody booked at all
    counted = held_session(training, date(2030, 1, 21))
    for participant in book(counted, administration(), "employee"):
        attend(participant, P)

    figures = programme_figures(**JANUARY)

    assert (figures.trainings_held, figures.participants) == (1, 1)
    apart = figures.as_dict()["held_without_attendance"]
    assert [row["first_date"] for row in apart] == ["2030-01-07", "2030-01-14"]
    assert sum(row.trainings_held for row in figures.by_state) == 1


# --- 8. the dashboard ----------------------------------------------------------------------------


def test_the_dashboard_lists_sessions_to_close_and_dates_without_attendance(training, staff):
    unrecorded = ended_session(training)
    book(unrecorded, administration(), "employee")
    recorded = ended_session(training)
    (present,) = book(recorded, administration(), "employee")
    attend(present, P)
    session_mark_held(session=recorded, by=staff, as_staff=True)
    make_session(training, first_date=timezone.localdate() + timedelta(days=3))  # not over yet
    elsewhere = ended_session(training, state="NW")
    book(elsewhere, administration(), "employee")

    dashboard = staff_dashboard(staff)

    assert dashboard.sessions_to_close == [unrecorded]
    assert [date.session for date in dashboard.dates_without_attendance] == [unrecorded]
    assert (dashboard.to_close_count, dashboard.unrecorded_count) == (1, 1)


def test_the_organisation_page_offers_the_reclassification(training, staff, staff_client):
    session = held_session(training, date(2030, 1, 7))
    jobcentre = administration(state="BE")
    book(session, jobcentre, "employee")
    edit = reverse("bookings_organisation:edit", args=[jobcentre.pk])
    url = reverse("bookings_staff:reclassify", args=[jobcentre.pk])
    assert url not in staff_client.get(edit).content.decode()  # nothing to re-classify yet

    jobcentre.type = OrganisationType.SME
    jobcentre.save()
    assert url in staff_client.get(edit).content.decode()
    assert staff_client.post(url, {"reason": ""}).status_code == 200  # the form, with the error
    assert Booking.objects.get().organisation_type == OrganisationType.JOB_CENTRE

    other = UserFactory(username="koordination-sn")
    staff_grant(user=other, states=["SN"])
    outsider = Client()
    outsider.force_login(other)
    assert outsider.post(url, {"reason": "weil"}).status_code == 404

    assert staff_client.post(url, {"reason": "Typ war falsch"}).status_code == 302
    assert Booking.objects.get().organisation_type == OrganisationType.SME


# --- 4. walk-ins and substitutes -----------------------------------------------------------------


def test_a_walk_in_and_a_substitute_are_counted_and_certified_by_their_names(
    training, staff, english
):
    session = ended_session(training)
    anna, ben = book(session, administration(), "employee", "employee")
    booking = anna.booking

    walk_in = participant_on_the_day(
        session=session, booking_id=booking.pk, name="Cem Çelik", function="manager", by=staff
    )
    substitute = participant_on_the_day(
        session=session,
        booking_id=booking.pk,
        name="Dana Dorn",
        function="employee",
        replaces_id=ben.pk,
        by=staff,
    )
    for participant in (anna, walk_in, substitute):
        attend(participant, P)
    session_mark_held(session=session, by=staff, as_staff=True)

    booking.refresh_from_db()
    ben.refresh_from_db()
    assert booking.seats == 3 and ben.cancelled_at is not None
    assert substitute.replaces == ben and walk_in.added_on_the_day
    first = session.starts_at.astimezone(timezone.get_current_timezone()).date()
    figures = programme_figures(date_from=first, date_to=first)
    assert figures.participants == 3
    assert figures.participants_by_function == {"employee": 2, "manager": 1}
    certified = participants_with_certificate().filter(booking=booking)
    assert sorted(certified.values_list("name", flat=True)) == sorted(
        [anna.name, "Cem Çelik", "Dana Dorn"]
    )
    logged = ModelLogEntry.objects.filter(action=ON_THE_DAY_ACTION).order_by("pk")
    assert [(entry.user, entry.data["replaces"]) for entry in logged] == [
        (staff, None),
        (staff, ben.pk),
    ]


def test_nobody_is_added_before_the_day_after_closing_or_in_place_of_who_was_there(
    training, staff, english
):
    later = make_session(training, first_date=timezone.localdate() + timedelta(days=3))
    (early,) = book(later, administration(), "employee")
    with pytest.raises(BookingError, match="on the day"):
        participant_on_the_day(
            session=later, booking_id=early.booking_id, name="X", function="employee", by=staff
        )

    session = ended_session(training)
    (anna,) = book(session, administration(), "employee")
    attend(anna, P)
    with pytest.raises(BookingError, match="was present on a date"):
        participant_on_the_day(
            session=session,
            booking_id=anna.booking_id,
            name="Eva",
            function="employee",
            replaces_id=anna.pk,
            by=staff,
        )
    other = book(make_session(training, first_date=date(2030, 1, 7)), administration(), "manager")
    with pytest.raises(BookingError, match="confirmed booking of this session"):
        participant_on_the_day(
            session=session,
            booking_id=other[0].booking_id,
            name="Eva",
            function="employee",
            by=staff,
        )
    session_mark_held(session=session, by=staff, as_staff=True)
    with pytest.raises(BookingError, match="closed"):
        participant_on_the_day(
            session=session, booking_id=anna.booking_id, name="Eva", function="employee", by=staff
        )
    assert anna.booking.participants.count() == 1


def test_the_trainer_adds_a_walk_in_in_the_portal(training, english):
    trainer = make_trainer(topic=training.topic, name="Tara Trainerin", states=["BE"])
    session = ended_session(training)
    (anna,) = book(session, administration(), "employee")
    assignment = Assignment.objects.create(
        session=session, trainer=trainer, role="lead", status=AssignmentStatus.ACCEPTED
    )
    occurrence = session.occurrences.get()
    client = Client()
    client.force_login(trainer.user)
    url = reverse("trainers:attendance", args=[assignment.pk, occurrence.pk])

    response = client.post(
        url,
        {
            "on_the_day": "1",
            "day-booking": anna.booking_id,
            "day-name": "Cem Çelik",
            "day-function": "manager",
            "day-replaces": "",
        },
    )

    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Cem Çelik" in page and "added on the day" in page


def test_moving_the_dates_of_a_session_held_is_refused_on_the_form(training, staff_client):
    held = held_session(training, date(2026, 1, 5))
    url = reverse("catalogue_session:edit", args=[held.pk])
    data = {
        "training": training.pk,
        "state": "BE",
        "language": held.language_id,
        "venue": held.venue_id or "",
        "online": "on" if held.online else "",
        "capacity": held.capacity,
        "first_date": "2026-01-12",
        "start_time": "09:00",
        "end_time": "16:00",
        "recurrences": "",
    }

    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert "reopen it to correct them" in response.content.decode() or (
        "öffnen Sie sie wieder" in response.content.decode()
    )
    held.refresh_from_db()
    assert held.first_date == date(2026, 1, 5) and held.status == SessionStatus.HELD
