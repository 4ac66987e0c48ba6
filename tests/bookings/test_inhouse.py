from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from bookings.factories import MembershipFactory, participants
from bookings.models import Booking, InhouseRequest, InhouseRequestStatus, Role
from bookings.selectors import open_inhouse_requests
from bookings.services.bookings import booking_create
from bookings.services.errors import BookingError
from bookings.services.inhouse import (
    inhouse_request_answer,
    inhouse_request_create,
    inhouse_request_schedule,
)
from catalogue.factories import LanguageFactory, TopicFactory, make_session
from catalogue.models import Session
from catalogue.models.sessions import SessionStatus
from tests.staff import national

pytestmark = pytest.mark.django_db


def today_plus(days):
    return timezone.localdate() + timedelta(days=days)


def request_post(training=None, topic=None, **overrides):
    data = {
        "training": training.pk if training else "",
        "topic": topic.pk if topic else "",
        "period_from": today_plus(30).isoformat(),
        "period_to": today_plus(60).isoformat(),
        "expected_participants": "14",
        "delivery": "in_person",
        "place": "Georg-Schumann-Str. 150, 04159 Leipzig",
        "message": "Am liebsten dienstags.",
    }
    return {**data, **overrides}


def make_request(member, training, **fields):
    values = {
        "organisation": member.organisation,
        "by": member.user,
        "training": training,
        "period_from": today_plus(30),
        "period_to": today_plus(60),
        "expected_participants": 12,
        "delivery": "online",
        **fields,
    }
    return inhouse_request_create(**values)


@pytest.fixture
def staff(db):
    group = Group.objects.get_or_create(name="Programme staff")[0]  # the migrations make it
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=["view_inhouserequest", "change_inhouserequest"]),
    )
    user = User.objects.create_user("staff", "staff@example.org", "pw")
    user.groups.add(group)
    return national(user)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def schedule_post(training, **overrides):
    data = {
        "training": training.pk,
        "state": "SN",
        "language": LanguageFactory().pk,
        "venue": "",
        "online": "on",
        "capacity": "14",
        "status": "open",
        "booking_deadline": "",
        "first_date": today_plus(40).isoformat(),
        "start_time": "09:00",
        "end_time": "16:00",
        "recurrences": "",
    }
    return {**data, **overrides}


# --- members ask -------------------------------------------------------------------------


def test_a_member_requests_an_inhouse_training_and_follows_it(client, member, training, staff):
    client.force_login(member.user)
    assert client.get("/account/requests/new/").status_code == 200

    response = client.post("/account/requests/new/", request_post(training))

    request = InhouseRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/account/requests/{request.pk}/"
    assert (request.organisation, request.requested_by) == (member.organisation, member.user)
    assert (request.training, request.expected_participants, request.language) == (
        training,
        14,
        "de",
    )
    assert request.status == InhouseRequestStatus.OPEN
    listing = client.get("/account/requests/").content.decode()
    assert f'href="/account/requests/{request.pk}/"' in listing
    assert "Noch nicht beantwortet." in client.get(response["Location"]).content.decode()
    assert list(open_inhouse_requests(staff)) == [request]


def test_a_topic_is_enough(client, member):
    client.force_login(member.user)
    topic = TopicFactory()

    response = client.post(
        "/account/requests/new/", request_post(topic=topic, delivery="online", place="")
    )

    assert response.status_code == 302
    assert InhouseRequest.objects.get().topic == topic


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"training": ""}, "training", "Bitte wählen Sie eine Schulung oder ein Thema."),
        (
            {"period_from": "2099-05-10", "period_to": "2099-05-01"},
            "period_to",
            "Das Ende des Zeitraums darf nicht vor seinem Beginn liegen.",
        ),
        ({"place": " "}, "place", "Bitte geben Sie die Adresse an"),
        ({"period_from": "2020-01-01"}, "period_from", "nicht in der Vergangenheit"),
        ({"expected_participants": "0"}, "expected_participants", "mindestens"),
        ({"delivery": "moon"}, "delivery", ""),
    ],
)
def test_request_form_errors_are_shown_on_the_fields_and_nothing_is_saved(
    client, member, training, overrides, field, message
):
    client.force_login(member.user)

    response = client.post("/account/requests/new/", {**request_post(training), **overrides})

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert not InhouseRequest.objects.exists()


def test_the_service_refuses_a_request_without_training_or_topic(member):
    with pytest.raises(BookingError, match="Schulung oder ein Thema"):
        make_request(member, None)
    assert not InhouseRequest.objects.exists()


def test_requests_of_another_organisation_are_404(client, member, training):
    request = make_request(member, training)
    client.force_login(MembershipFactory().user)

    assert client.get(f"/account/requests/{request.pk}/").status_code == 404
    assert "Noch keine" not in client.get("/account/requests/").content.decode()
    assert request.training.title not in client.get("/account/requests/").content.decode()


# --- staff answer and schedule in the admin ---------------------------------------------------


def test_staff_list_filter_and_inspect_requests(staff_client, member, training):
    request = make_request(member, training)
    other = make_request(MembershipFactory(), training)
    inhouse_request_answer(inhouse_request=other, status="declined", answer="Nein.", by=None)

    listing = staff_client.get("/admin/bookings_inhouserequest/?status=open")
    inspect = staff_client.get(f"/admin/bookings_inhouserequest/inspect/{request.pk}/")

    assert list(listing.context["object_list"]) == [request]
    assert inspect.status_code == 200
    assert f"/admin/bookings_inhouserequest/answer/{request.pk}/" in inspect.content.decode()


def test_staff_accept_a_request_with_a_message(
    staff_client, staff, member, training, django_capture_on_commit_callbacks
):
    request = make_request(member, training)
    url = f"/admin/bookings_inhouserequest/answer/{request.pk}/"
    assert staff_client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, {"decision": "accepted", "answer": "Gern, wir planen."})

    request.refresh_from_db()
    assert response.status_code == 302
    assert (request.status, request.answer, request.answered_by) == (
        "accepted",
        "Gern, wir planen.",
        staff,
    )
    entry = ModelLogEntry.objects.get(action="iq.inhouse.status")
    assert entry.data == {"from": "open", "to": "accepted"} and entry.user == staff
    [email] = mail.outbox
    assert email.to == [member.user.email]
    assert training.title in email.subject
    assert "Gern, wir planen." in email.body


def test_an_answer_needs_a_message_and_a_declined_request_stays_declined(
    staff_client, member, training
):
    request = make_request(member, training)
    url = f"/admin/bookings_inhouserequest/answer/{request.pk}/"

    empty = staff_client.post(url, {"decision": "declined", "answer": ""})
    assert empty.status_code == 200 and empty.context["form"].errors["answer"]
    staff_client.post(url, {"decision": "declined", "answer": "Leider nicht."})
    again = staff_client.post(url, {"decision": "accepted", "answer": "Doch."})

    request.refresh_from_db()
    assert (request.status, request.answer) == ("declined", "Leider nicht.")
    assert "kann so nicht beantwortet werden" in str(again.context["form"].non_field_errors())


def test_staff_schedule_an_accepted_request_as_a_private_session(
    staff_client, member, training, django_capture_on_commit_callbacks
):
    request = make_request(member, training)
    url = f"/admin/bookings_inhouserequest/schedule/{request.pk}/"
    early = staff_client.post(url, schedule_post(training))
    assert not Session.objects.exists()
    assert "Nur angenommene Anfragen" in str(early.context["form"].non_field_errors())
    inhouse_request_answer(inhouse_request=request, status="accepted", answer="Ja.", by=None)

    form = staff_client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, schedule_post(training))

    assert form.status_code == 200
    assert form.context["form"].initial["capacity"] == 12
    assert response.status_code == 302
    session = Session.objects.get()
    request.refresh_from_db()
    assert session.is_private and session.online and session.occurrences.count() == 1
    assert (request.status, request.session) == (InhouseRequestStatus.SCHEDULED, session)
    detail = staff_client.get(f"/admin/bookings_inhouserequest/inspect/{request.pk}/")
    assert f"/admin/catalogue_session/edit/{session.pk}/" in detail.content.decode()
    [email] = mail.outbox  # the acceptance was given outside a commit here
    assert email.to == [member.user.email] and "terminiert" in email.body


def test_a_bad_schedule_shows_errors_and_creates_nothing(staff_client, member, training):
    request = make_request(member, training)
    inhouse_request_answer(inhouse_request=request, status="accepted", answer="Ja.", by=None)

    response = staff_client.post(
        f"/admin/bookings_inhouserequest/schedule/{request.pk}/",
        schedule_post(training, online="", end_time="08:00"),
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"venue", "end_time"}
    assert not Session.objects.exists()
    request.refresh_from_db()
    assert request.status == InhouseRequestStatus.ACCEPTED


def test_staff_without_the_change_permission_cannot_answer_or_schedule(client, member, training):
    request = make_request(member, training)
    viewer = national(User.objects.create_user("viewer", "viewer@example.org", "pw"))
    viewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_inhouserequest"),
    )
    client.force_login(viewer)

    assert client.get(f"/admin/bookings_inhouserequest/inspect/{request.pk}/").status_code == 200
    for action in ("answer", "schedule", "edit", "delete"):
        url = f"/admin/bookings_inhouserequest/{action}/{request.pk}/"
        assert client.post(url, {"decision": "accepted", "answer": "x"}).status_code in (302, 403)
    client.force_login(MembershipFactory().user)  # a member, no admin access at all
    response = client.get(f"/admin/bookings_inhouserequest/answer/{request.pk}/")
    assert response.status_code in (302, 403)
    assert InhouseRequest.objects.get().status == InhouseRequestStatus.OPEN


# --- the private session -------------------------------------------------------------------


@pytest.fixture
def private_session(member, training):
    request = make_request(member, training)
    inhouse_request_answer(inhouse_request=request, status="accepted", answer="Ja.", by=None)
    session = Session(
        training=training,
        state="BE",
        online=True,
        capacity=12,
        language=LanguageFactory(),
        status=SessionStatus.OPEN,
        first_date=today_plus(40),
        start_time=timezone.datetime(2000, 1, 1, 9).time(),
        end_time=timezone.datetime(2000, 1, 1, 12).time(),
    )
    return inhouse_request_schedule(inhouse_request=request, session=session, by=None)


def test_a_private_session_is_not_shown_publicly(client, private_session, training):
    make_session(training, first_date=today_plus(50))  # a public one, for comparison
    session_url = f"{training.url}sessions/{private_session.pk}/"

    listing = client.get(f"/schulungen/?state=BE&date_from={today_plus(39).isoformat()}")
    feed = client.get("/schulungen/feed/").content.decode()
    training_page = client.get(training.url).content.decode()

    assert client.get(session_url).status_code == 404
    assert client.get(f"{session_url}calendar/").status_code == 404
    assert f"sessions/{private_session.pk}/" not in feed
    assert f"sessions/{private_session.pk}/" not in training_page
    assert feed.count("BEGIN:VEVENT") == 1
    assert listing.status_code == 200


def test_a_private_session_is_bookable_only_by_its_organisation(client, member, private_session):
    client.force_login(member.user)
    detail = client.get(f"/account/requests/{private_session.inhouse_request.pk}/")
    assert f'href="/account/book/{private_session.pk}/"' in detail.content.decode()
    assert client.get(f"/account/book/{private_session.pk}/").status_code == 200
    colleague = MembershipFactory(organisation=member.organisation, role=Role.BOOKER)
    booking = booking_create(
        session=private_session,
        organisation=member.organisation,
        participants=participants(2),
        by=colleague.user,
    )
    assert booking.status == "confirmed"

    outsider = MembershipFactory()
    client.force_login(outsider.user)
    assert client.get(f"/account/book/{private_session.pk}/").status_code == 404
    assert client.post(f"/account/book/{private_session.pk}/", {}).status_code == 404
    with pytest.raises(BookingError, match="nur von der zugehörigen Organisation"):
        booking_create(
            session=private_session,
            organisation=outsider.organisation,
            participants=participants(1),
            by=outsider.user,
        )
    assert Booking.objects.count() == 1
