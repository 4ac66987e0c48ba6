"""State networks as tenants: every admin URL that takes an id (found by walking the URL
configuration), every listing and export, the statistics and the services × {staff of the same
state network, staff of another one, the federal office}.

Berlin's objects: a session with a booking, its participants and a waiting list, a held session
with attendance and a certificate, an in-house request, an organisation, a trainer who works in
Berlin with a certification and an assignment. North Rhine-Westphalia's staff get no page with
any of it and change nothing of it; Berlin's staff and the federal office reach it.
"""

import csv
import io
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from bookings.factories import MembershipFactory, OrganisationFactory, UserFactory, participants
from bookings.models import (
    Attendance,
    Booking,
    BookingStatus,
    ClosedReportFile,
    InhouseRequest,
    Invoice,
    Notification,
    Organisation,
    ReportingPeriod,
)
from bookings.services.bookings import booking_cancel, booking_create
from bookings.services.errors import BookingError
from bookings.services.inhouse import inhouse_request_answer, inhouse_request_create
from bookings.services.invoices import invoice_issue
from catalogue.factories import VenueFactory, make_session, make_training
from catalogue.models import Session, StateStaff
from catalogue.models.sessions import SessionStatus
from catalogue.services import CatalogueError, session_save, staff_grant
from tests.access.test_admin_urls import admin_routes
from tests.trainers.helpers import accepted_assignment, confirmed_participants, past_session
from trainers.factories import make_trainer
from trainers.models import Assignment, AssignmentRole, Certification, Trainer
from trainers.services import (
    TrainerError,
    assignment_create,
    assignment_decline,
    certification_save,
)

pytestmark = pytest.mark.django_db

BERLIN_SECRETS = ("Berta Berlinerin", "Jobcenter Berlin-Mitte", "Bernd Brandt")


@pytest.fixture
def berlin(site_tree):
    """What belongs to Berlin, and a session of North Rhine-Westphalia beside it."""
    training = make_training(site_tree.index, title="Vielfalt in der Verwaltung")
    soon = timezone.localdate() + timedelta(days=30)
    soon += timedelta(days=-soon.weekday())  # a Monday, when the trainers work
    session = make_session(
        training,
        state="BE",
        capacity=3,
        first_date=soon,
        venue=VenueFactory(name="Rotes Rathaus Saal", state="BE"),
    )
    make_session(training, state="NW", first_date=soon + timedelta(days=1))
    booker = MembershipFactory(
        organisation=OrganisationFactory(name="Jobcenter Berlin-Mitte", state="BE")
    )
    booking = booking_create(
        session=session,
        organisation=booker.organisation,
        participants=participants(2),
        by=booker.user,
    )
    booking.participants.update(name="Berta Berlinerin")
    waiting = booking_create(
        session=session,
        organisation=booker.organisation,
        participants=participants(2),
        by=booker.user,
    )
    held = past_session(training, state="BE")
    Session.objects.filter(pk=held.pk).update(status=SessionStatus.HELD)
    (attendee,) = confirmed_participants(held, "Berta Berlinerin", organisation=booker.organisation)
    trainer = make_trainer(topic=training.topic, name="Bernd Brandt", states=["BE"])
    assignment = accepted_assignment(held, trainer)
    for occurrence in held.occurrences.all():
        Attendance.objects.create(participant=attendee, occurrence=occurrence, status="present")
    request = InhouseRequest.objects.create(
        organisation=booker.organisation,
        state="BE",
        training=training,
        period_from=soon,
        period_to=soon + timedelta(days=30),
        expected_participants=10,
        delivery="online",
    )
    return {
        "training": training,
        "session": session,
        "booking": booking,
        "invoice": invoice_issue(booking),
        "waiting": waiting,
        "held": held,
        "attendee": attendee,
        "organisation": booker.organisation,
        "booker": booker,
        "trainer": trainer,
        "assignment": assignment,
        "certification": Certification.objects.get(trainer=trainer),
        "request": request,
    }


def staff(username, **roles):
    user = UserFactory(username=username)
    staff_grant(user=user, **roles)
    return user


@pytest.fixture
def clients(db):
    result = {}
    for role, user in [
        ("Berlin", staff("koordination-be", states=["BE"])),
        ("North Rhine-Westphalia", staff("koordination-nw", states=["NW"])),
        ("federal office", staff("bund", federal=True)),
    ]:
        result[role] = Client()
        result[role].force_login(user)
        result[role].user = user
    return result


def concrete(route: str, namespace: str, w) -> str:
    by_namespace = {
        "bookings_periods": ReportingPeriod.objects.values_list("pk", flat=True).first(),
        "bookings_invoice": Invoice.objects.values_list("pk", flat=True).first(),
        "catalogue_session": w["session"].pk,
        "catalogue_statestaff": StateStaff.objects.get(user__username="koordination-be").pk,
        "bookings_booking": w["booking"].pk,
        "bookings_organisation": w["organisation"].pk,
        "bookings_organisation_chooser": w["organisation"].pk,
        "bookings_inhouserequest": w["request"].pk,
        "trainers_trainer": w["trainer"].pk,
        "trainers_certification": w["certification"].pk,
        "trainers_assignment": w["assignment"].pk,
    }
    values = {
        "pk": by_namespace.get(namespace),
        "session_id": w["held"].pk if namespace == "trainers_staff" else w["session"].pk,
        "booking_id": w["booking"].pk,
        "organisation_id": w["organisation"].pk,
        "file_id": ClosedReportFile.objects.values_list("pk", flat=True).first(),
        "invoice_id": Invoice.objects.values_list("pk", flat=True).first(),
        "page_id": w["training"].pk,  # a page, not a state network's: no translation to mark
    }
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)


def id_urls(w) -> list[str]:
    return sorted(
        {
            concrete(route, namespace, w)
            for route, namespace in admin_routes()
            if "<" in route and namespace != "catalogue_statestaff"  # the federal office's own
        }
    )


def refused(response) -> bool:
    if response.status_code in (403, 404, 405):
        return True
    if response.status_code == 302:
        return urlsplit(response["Location"]).path in ("/admin/", "/accounts/login/")
    return False


def state_of_the_world(w) -> dict:
    return {
        "sessions": list(Session.objects.order_by("pk").values_list("pk", "status", "capacity")),
        "bookings": list(Booking.objects.order_by("pk").values_list("pk", "status", "seats")),
        "organisations": list(Organisation.objects.order_by("pk").values_list("pk", "name")),
        "requests": list(InhouseRequest.objects.values_list("pk", "status")),
        "trainers": list(Trainer.objects.order_by("pk").values_list("pk", "name", "is_active")),
        "certifications": list(Certification.objects.values_list("pk", "valid_until")),
        "assignments": list(Assignment.objects.values_list("pk", "status")),
        "attendance": list(Attendance.objects.values_list("pk", "status")),
    }


def test_another_state_networks_staff_get_nothing_and_change_nothing(
    berlin, clients, closed_period
):
    other = clients["North Rhine-Westphalia"]
    urls = id_urls(berlin)
    assert len(urls) > 40
    before = state_of_the_world(berlin)

    problems = []
    for url in urls:
        query = {"id": berlin["organisation"].pk} if "chosen" in url else None
        for method in ("get", "post"):
            response = getattr(other, method)(url, query)
            content = b"" if response.streaming else response.content
            leaked = [secret for secret in BERLIN_SECRETS if secret.encode() in content]
            if not refused(response) or leaked:
                problems.append(f"{method.upper()} {url} → {response.status_code} {leaked}")

    assert problems == []
    assert state_of_the_world(berlin) == before


@pytest.mark.parametrize("role", ["Berlin", "federal office"])
def test_the_same_state_network_and_the_federal_office_reach_them(berlin, clients, role):
    client = clients[role]
    pages = [
        reverse("catalogue_session:edit", args=[berlin["session"].pk]),
        reverse("catalogue_session:inspect", args=[berlin["session"].pk]),
        reverse("catalogue_session:history", args=[berlin["session"].pk]),
        reverse("bookings_booking:inspect", args=[berlin["booking"].pk]),
        reverse("bookings_booking:history", args=[berlin["booking"].pk]),
        reverse("bookings_organisation:edit", args=[berlin["organisation"].pk]),
        reverse("bookings_inhouserequest:inspect", args=[berlin["request"].pk]),
        reverse("bookings_inhouserequest:answer", args=[berlin["request"].pk]),
        reverse("bookings_staff:participants", args=[berlin["session"].pk]),
        reverse("bookings_staff:capacity", args=[berlin["session"].pk]),
        reverse("bookings_staff:booking_cancel", args=[berlin["booking"].pk]),
        reverse("trainers_staff:session", args=[berlin["held"].pk]),
        reverse("trainers_staff:attendance", args=[berlin["held"].pk]),
        reverse("trainers_trainer:edit", args=[berlin["trainer"].pk]),
        reverse("trainers_certification:edit", args=[berlin["certification"].pk]),
        reverse("trainers_assignment:inspect", args=[berlin["assignment"].pk]),
        reverse("bookings_invoice:inspect", args=[berlin["invoice"].pk]),
        reverse("bookings_staff:invoice_payment", args=[berlin["invoice"].pk]),
    ]
    for url in pages:
        assert client.get(url).status_code == 200, url
    participants_page = client.get(pages[8]).content.decode()
    assert "Berta Berlinerin" in participants_page


EXPORTS = [
    ("catalogue_session:index", "Rotes Rathaus Saal"),
    ("bookings_booking:index", "Jobcenter Berlin-Mitte"),
    ("bookings_invoice:index", "Jobcenter Berlin-Mitte"),
    ("bookings_organisation:index", "Jobcenter Berlin-Mitte"),
    ("bookings_inhouserequest:index", "Jobcenter Berlin-Mitte"),
    ("trainers_trainer:index", "Bernd Brandt"),
    ("trainers_certification:index", "Bernd Brandt"),
    ("trainers_assignment:index", "Bernd Brandt"),
]


@pytest.mark.parametrize("name, berlin_text", EXPORTS)
def test_listings_and_exports_hold_only_the_users_state_networks(
    berlin, clients, name, berlin_text
):
    url = reverse(name)
    for role, expected in [
        ("Berlin", True),
        ("federal office", True),
        ("North Rhine-Westphalia", False),
    ]:
        for query in ({}, {"export": "csv"}, {"export": "xlsx"}):
            response = clients[role].get(url, query)
            assert response.status_code == 200, (role, query)
            content = (
                b"".join(response.streaming_content) if response.streaming else response.content
            )
            if query.get("export") == "xlsx":
                continue  # zipped; the CSV holds the same rows
            assert (berlin_text.encode() in content) is expected, (role, url, query)


def test_the_participants_export_of_another_state_is_refused(berlin, clients):
    url = reverse("bookings_staff:participants", args=[berlin["session"].pk])
    response = clients["North Rhine-Westphalia"].get(url, {"export": "csv"})
    assert response.status_code == 404


def test_statistics_of_a_state_network_and_of_the_federal_office(berlin, clients):
    period = {"date_from": "2020-01-01", "date_to": "2040-12-31"}
    berlin_page = clients["Berlin"].get("/admin/statistics/", period)
    other = clients["North Rhine-Westphalia"].get("/admin/statistics/", {**period, "state": "BE"})
    own = clients["North Rhine-Westphalia"].get("/admin/statistics/", {**period, "export": "csv"})
    national = clients["federal office"].get("/admin/statistics/", {**period, "export": "csv"})

    assert berlin_page.status_code == 200
    assert berlin_page.context["figures"].trainings_held == 1
    assert other.status_code == 400  # Berlin's figures are not a choice for NRW's staff
    assert own.status_code == 200
    assert state_rows(own) == ["NW"]
    # The federal office sees every state network side by side.
    assert len(state_rows(national)) == 16 and "BE" in state_rows(national)


def state_rows(response) -> list[str]:
    """The state networks the statistics CSV has a row for."""
    rows = csv.reader(io.StringIO(response.content.decode()))
    return [row[1] for row in rows if row and row[0] in ("State network", "Landesnetzwerk")]


def test_the_dashboard_shows_only_the_users_state_networks(berlin, clients):
    berlin_dashboard = clients["Berlin"].get("/admin/").content.decode()
    other_dashboard = clients["North Rhine-Westphalia"].get("/admin/").content.decode()
    assert reverse("bookings_staff:participants", args=[berlin["session"].pk]) in berlin_dashboard
    assert reverse("bookings_staff:participants", args=[berlin["session"].pk]) not in (
        other_dashboard
    )
    assert "Jobcenter Berlin-Mitte" not in other_dashboard


@pytest.fixture
def english():
    with translation.override("en"):  # the messages the tests match
        yield


def test_the_services_refuse_another_state_networks_staff(berlin, clients, english):
    other = clients["North Rhine-Westphalia"].user
    session, booking = berlin["session"], berlin["booking"]

    with pytest.raises(BookingError, match="another state network"):
        booking_cancel(booking=booking, by=other, as_staff=True)
    with pytest.raises(BookingError, match="another state network"):
        booking_create(
            session=session,
            organisation=berlin["organisation"],
            participants=participants(1),
            by=other,
            as_staff=True,
        )
    with pytest.raises(BookingError, match="another state network"):
        inhouse_request_answer(
            inhouse_request=berlin["request"], status="accepted", answer="Gern.", by=other
        )
    session.capacity = 20
    with pytest.raises(CatalogueError, match="another state network"):
        session_save(session=session, by=other)
    with pytest.raises(TrainerError, match="another state network"):
        assignment_create(session=session, trainer=berlin["trainer"], role="co", by=other)
    with pytest.raises(TrainerError, match="does not work in your state networks"):
        certification_save(certification=berlin["certification"], by=other)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert Session.objects.get(pk=session.pk).capacity == 3


def test_trainers_are_shared_between_the_state_networks_they_work_in(
    berlin, clients, site_tree, english
):
    """Berlin's staff assign a trainer who works in Berlin, not one who works elsewhere only; a
    trainer who works in both states is seen by each state's staff for its own assignments."""
    berlin_staff = clients["Berlin"].user
    both = make_trainer(topic=berlin["training"].topic, name="Beate Beide", states=["BE", "NW"])
    elsewhere = make_trainer(topic=berlin["training"].topic, name="Nora Nord", states=["NW"])
    nw_session = Session.objects.get(state="NW")

    assignment_create(session=berlin["session"], trainer=both, role="co", by=berlin_staff)
    assignment_create(
        session=nw_session, trainer=both, role="co", by=clients["North Rhine-Westphalia"].user
    )
    with pytest.raises(TrainerError, match="does not work in the state network"):
        assignment_create(
            session=berlin["session"], trainer=elsewhere, role=AssignmentRole.LEAD, by=berlin_staff
        )

    page = clients["Berlin"].get(reverse("trainers_staff:session", args=[berlin["session"].pk]))
    assert "Beate Beide" in page.content.decode() and "Nora Nord" not in page.content.decode()
    listing = clients["Berlin"].get(reverse("trainers_assignment:index"), {"export": "csv"})
    text = b"".join(listing.streaming_content).decode()
    assert text.count("Beate Beide") == 1  # the Berlin assignment, not the NRW one
    assert (
        "Beate Beide"
        in clients["North Rhine-Westphalia"].get(reverse("trainers_trainer:index")).content.decode()
    )


def test_work_is_announced_to_the_staff_of_its_state_network(
    berlin, clients, django_capture_on_commit_callbacks
):
    berlin_staff, other = clients["Berlin"].user, clients["North Rhine-Westphalia"].user
    federal = clients["federal office"].user
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        inhouse_request_create(
            organisation=berlin["organisation"],
            by=berlin["booker"].user,
            period_from=timezone.localdate() + timedelta(days=40),
            period_to=timezone.localdate() + timedelta(days=80),
            expected_participants=8,
            delivery="online",
            training=berlin["training"],
        )
        booking_cancel(booking=berlin["booking"], by=berlin["booker"].user)
        pending = assignment_create(
            session=berlin["session"], trainer=berlin["trainer"], role="co", by=berlin_staff
        )
        assignment_decline(assignment=pending, trainer=berlin["trainer"])

    kinds = set(
        Notification.objects.filter(recipient=berlin_staff.email).values_list("kind", flat=True)
    )
    assert kinds >= {
        "staff_inhouse_request",
        "staff_cancellation",
        "assignment_assigned",
        "assignment_declined",
    }
    assert not Notification.objects.filter(recipient__in=[other.email, federal.email]).exists()
    assert {address for message in mail.outbox for address in message.to} >= {berlin_staff.email}


def test_grant_staff_makes_and_takes_the_roles(db, capsys):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    user = UserFactory(username="neu")
    call_command("grant_staff", "neu", "--state", "be", "--state", "NW")
    call_command("grant_staff", "neu", "--state", "BE")  # again: nothing new
    assert sorted(user.state_networks.values_list("state", flat=True)) == ["BE", "NW"]
    assert user.groups.filter(name="Programme staff").exists()
    call_command("grant_staff", "neu", "--federal")
    assert user.groups.filter(name="Federal office").exists()
    call_command("grant_staff", "neu", "--state", "NW", "--revoke")
    assert list(user.state_networks.values_list("state", flat=True)) == ["BE"]
    call_command("grant_staff", "neu", "--revoke")
    assert not user.state_networks.exists() and not user.groups.exists()
    for args in (["niemand", "--state", "BE"], ["neu", "--state", "XX"], ["neu"]):
        with pytest.raises(CommandError) as error:
            call_command("grant_staff", *args)
        assert error.value.returncode == 2


def test_a_booking_on_behalf_is_announced_to_the_colleagues_of_its_state_network(
    berlin, clients, django_capture_on_commit_callbacks
):
    booking_staff = clients["Berlin"].user
    colleague = staff("koordination-be-2", states=["BE"])
    others = [clients["North Rhine-Westphalia"].user.email, clients["federal office"].user.email]

    with django_capture_on_commit_callbacks(execute=True):
        booking = booking_create(
            session=berlin["session"],
            organisation=berlin["organisation"],
            participants=participants(1),
            by=booking_staff,
            as_staff=True,
        )

    announced = Notification.objects.filter(kind="staff_booking", booking=booking)
    assert list(announced.values_list("recipient", flat=True)) == [colleague.email]
    assert not Notification.objects.filter(recipient__in=[booking_staff.email, *others]).exists()


def test_the_federal_office_decides_in_the_admin_who_works_for_a_state_network(db, clients):
    newcomer = UserFactory(username="neu-be")
    add = reverse("catalogue_statestaff:add")

    refused_page = clients["Berlin"].post(add, {"user": newcomer.pk, "state": "BE"})
    assert refused(refused_page) and not newcomer.state_networks.exists()
    assert refused(clients["Berlin"].get(reverse("catalogue_statestaff:index")))

    response = clients["federal office"].post(add, {"user": newcomer.pk, "state": "BE"})
    assert response.status_code == 302
    assert list(newcomer.state_networks.values_list("state", flat=True)) == ["BE"]
    assert newcomer.groups.filter(name="Programme staff").exists()  # may now use the admin
    row = StateStaff.objects.get(user=newcomer)
    delete = reverse("catalogue_statestaff:delete", args=[row.pk])
    assert clients["federal office"].post(delete).status_code == 302
    assert not newcomer.state_networks.exists() and not newcomer.groups.exists()
