"""Retention: anonymising keeps every figure; a member's data export and account deletion."""

import io
import json
from datetime import date, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from bookings.factories import MembershipFactory
from bookings.models import (
    Attendance,
    Booking,
    InhouseRequest,
    Notification,
    Organisation,
    Participant,
)
from bookings.retention import personal_data_anonymise
from bookings.services.attendance import attendance_record
from bookings.statistics import programme_figures
from bookings.tasks import anonymise_personal_data
from catalogue.models.sessions import SessionStatus
from catalogue.schedule import BERLIN
from tests.bookings.statistics_data import (
    administration,
    attend,
    book,
    build_programme,
    held_session,
)

PERIODS = [
    {"date_from": date(2030, 1, 1), "date_to": date(2030, 2, 28)},
    {"date_from": date(2030, 1, 1), "date_to": date(2030, 1, 31)},
    {"date_from": date(2030, 2, 1), "date_to": date(2030, 2, 28)},
    {"date_from": date(2029, 6, 1), "date_to": date(2031, 5, 31)},
    {"date_from": date(2030, 1, 8), "date_to": date(2030, 2, 17)},
]
FILTERS = [
    {},
    {"state": "BE"},
    {"state": "BY"},
    {"topic": "asylum"},
    {"topic": "diversity"},
    {"sector": "administration"},
    {"sector": "companies"},
    {"state": "SN", "topic": "diversity", "sector": "companies"},
]


def all_figures() -> list[dict]:
    return [
        programme_figures(**period, **filters).as_dict()
        for period in PERIODS
        for filters in FILTERS
    ]


@pytest.mark.parametrize(
    "now",
    [
        datetime(2032, 1, 20, tzinfo=BERLIN),  # January 2030 sessions only
        datetime(2033, 1, 1, tzinfo=BERLIN),  # everything
    ],
)
def test_every_figure_is_the_same_after_anonymising(site_tree, now):
    build_programme(site_tree.index)
    before = all_figures()

    count = personal_data_anonymise(older_than_months=24, now=now)

    assert count > 0
    assert Participant.objects.filter(name="", email="").count() == count
    assert all_figures() == before


def test_only_sessions_that_ended_before_the_cutoff(training):
    jobcentre = administration()
    old = held_session(training, date(2030, 1, 7), date(2030, 3, 4))
    recent = held_session(training, date(2030, 3, 5))
    (ended,) = book(old, jobcentre, "manager")
    (kept,) = book(recent, jobcentre, "employee")
    attend(ended, "present", "present")
    attend(kept, "present")

    # The old session's last date is 4 March 2030: 24 months before 5 March 2032, 00:00.
    count = personal_data_anonymise(now=datetime(2032, 3, 5, tzinfo=BERLIN))

    ended.refresh_from_db()
    kept.refresh_from_db()
    assert count == 1
    assert (ended.name, ended.email, ended.function) == ("", "", "manager")
    assert ended.attendances.filter(status="present").count() == 2
    assert (kept.name, kept.email) == ("Teilnehmende 1", "teilnehmende1@example.org")
    assert personal_data_anonymise(now=datetime(2032, 3, 5, tzinfo=BERLIN)) == 0


def test_names_leave_the_audit_log_and_the_email_records(training):
    staff = User.objects.create_user("staff", "staff@example.org", "secret-password-1")
    yesterday = timezone.localdate() - timedelta(days=1)
    session = held_session(training, yesterday, status=SessionStatus.OPEN)
    (participant,) = book(session, administration(), "employee")
    occurrence = session.occurrences.get()
    attendance_record(occurrence=occurrence, statuses={participant.pk: "present"}, by=staff)
    Notification.objects.create(
        key="reminder:test",
        kind="reminder",
        recipient=participant.email,
        booking=participant.booking,
    )
    entry = ModelLogEntry.objects.get(object_id=str(Attendance.objects.get().pk))
    assert "Teilnehmende 1" in entry.label

    personal_data_anonymise(older_than_months=0)

    entry.refresh_from_db()
    assert entry.label == ""
    assert Notification.objects.get().recipient == ""
    assert Attendance.objects.get().status == "present"


def test_the_command_and_the_task(training):
    ended_long_ago = held_session(training, date(2020, 3, 2))
    (participant,) = book(ended_long_ago, administration(), "employee")
    output = io.StringIO()

    call_command("anonymise_personal_data", stdout=output)
    call_command("anonymise_personal_data", "--older-than-months", "1", stdout=output)

    participant.refresh_from_db()
    assert participant.name == ""
    assert output.getvalue() == "Participants anonymised: 1\nParticipants anonymised: 0\n"
    assert anonymise_personal_data.enqueue(older_than_months=24).return_value == 0
    with pytest.raises(CommandError) as error:
        call_command("anonymise_personal_data", "--older-than-months", "-1")
    assert error.value.returncode == 2


@pytest.fixture
def member_with_history(training):
    member = MembershipFactory(user__email="anna@example.org", user__first_name="Anna")
    session = held_session(training, date(2030, 1, 7))
    (participant,) = book(session, member.organisation, "employee")
    participant.name, participant.email = "Anna Muster", "Anna@Example.org"
    participant.save()
    attend(participant, "present")
    participant.booking.created_by = member.user
    participant.booking.save()
    Notification.objects.create(
        key="confirmed:test",
        kind="confirmed",
        recipient="anna@example.org",
        booking=participant.booking,
    )
    InhouseRequest.objects.create(
        organisation=member.organisation,
        requested_by=member.user,
        topic=training.topic,
        period_from=date(2030, 5, 1),
        period_to=date(2030, 6, 30),
        expected_participants=12,
        delivery="online",
        message="Bitte im Mai.",
    )
    return member


def test_a_member_downloads_all_their_data(client, member_with_history):
    client.force_login(member_with_history.user)

    response = client.get("/account/privacy/download/")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "anna@example.org"
    assert data["account"]["first_name"] == "Anna"
    assert data["membership"]["organisation"] == member_with_history.organisation.name
    assert [booking["reference"] for booking in data["bookings_made"]] == [
        Booking.objects.get().reference
    ]
    assert data["participations"][0]["name"] == "Anna Muster"
    assert data["participations"][0]["attendance"][0]["status"] == "present"
    assert data["inhouse_requests"][0]["message"] == "Bitte im Mai."
    assert data["emails_sent_to_you"][0]["kind"] == "confirmed"


def test_the_privacy_page(client, member_with_history):
    client.force_login(member_with_history.user)

    german = client.get("/account/privacy/")
    english = client.get("/en/account/privacy/")

    assert "Ihre persönlichen Daten" in german.content.decode()
    assert "Your personal data" in english.content.decode()


def test_a_member_deletes_their_account_and_the_bookings_stay(client, member_with_history):
    user = member_with_history.user
    MembershipFactory(organisation=member_with_history.organisation)  # another administrator
    client.force_login(user)

    wrong = client.post("/account/privacy/delete/", {"password": "not-my-password"})
    assert wrong.status_code == 400
    assert User.objects.filter(pk=user.pk).exists()

    response = client.post("/account/privacy/delete/", {"password": "secret-password-1"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    booking = Booking.objects.get()
    assert booking.created_by is None
    assert booking.participants.get().name == "Anna Muster"
    assert Organisation.objects.filter(pk=member_with_history.organisation_id).exists()
    assert Notification.objects.get().recipient == ""
    assert InhouseRequest.objects.get().requested_by is None
    assert client.get("/account/privacy/").status_code == 302  # logged out


def test_the_delete_form_only_takes_posts(client, member_with_history):
    client.force_login(member_with_history.user)

    assert client.get("/account/privacy/delete/").status_code == 405


def test_the_last_administrator_cannot_delete_the_account(client, member_with_history):
    """The organisation would be left without anyone who can manage its members."""
    user = member_with_history.user
    booker = MembershipFactory(organisation=member_with_history.organisation, role="booker")
    client.force_login(user)

    response = client.post("/account/privacy/delete/", {"password": "secret-password-1"})

    assert response.status_code == 400
    assert "letzte Administrator" in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()
    # Once a colleague administers the organisation, the account can go.
    booker.role = "admin"
    booker.save()
    assert (
        client.post("/account/privacy/delete/", {"password": "secret-password-1"}).status_code
        == 302
    )
    assert not User.objects.filter(pk=user.pk).exists()


def test_emails_about_no_booking_are_anonymised_by_their_age(training):
    """Invitations and the trainers' and staff's emails have no booking: they go after the
    retention period counted from when they were recorded."""
    old = Notification.objects.create(
        key="invitation:old",
        kind="invitation",
        recipient="neu@example.org",
        data={"inviter": "Anna Muster", "organisation": "Jobcenter"},
    )
    Notification.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=800))
    recent = Notification.objects.create(
        key="invitation:recent", kind="invitation", recipient="neu2@example.org"
    )

    personal_data_anonymise()

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.recipient, old.data) == ("", {})
    assert recent.recipient == "neu2@example.org"
