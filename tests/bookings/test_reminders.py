"""Reminders: participants before the first date and the day before each online date (with the
link), trainers three days before; an organisation may switch them off, and every reminder has
a one-click unsubscribe for its recipient (RFC 8058) that leaves the notices of changes alone."""

from datetime import time, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from bookings.factories import UserFactory
from bookings.models import Notification, ReminderOptOut
from catalogue.factories import make_session
from catalogue.services import session_save
from tests.bookings.test_emails import book, people
from tests.staff import national
from trainers.factories import make_trainer
from trainers.models import Assignment, AssignmentRole, AssignmentStatus

pytestmark = pytest.mark.django_db
LINK = "https://meet.example.org/iq-4711"


def to(address):
    return [message for message in mail.outbox if message.to == [address]]


def run(command, committed):
    with committed():
        call_command(command, stdout=None)


@pytest.fixture
def online(training, member, committed):
    """An online session on the next two days (tomorrow and the day after), booked."""
    from recurrence import DAILY, Recurrence, Rule

    session = make_session(
        training,
        online=True,
        meeting_url=LINK,
        access_notes="Kenncode 0815",
        first_date=timezone.localdate() + timedelta(days=1),
        recurrences=Recurrence(rrules=[Rule(DAILY, count=2)]),
    )
    with committed():
        book(session, member, people("Anna Schmidt"))
    mail.outbox.clear()
    return session


def test_the_day_before_an_online_date_the_reminder_carries_the_link(online, member, committed):
    run("send_reminders", committed)
    run("send_reminders", committed)  # again: nothing twice

    (anna,) = to("anna@example.org")
    assert anna.subject.startswith("Morgen online: ")
    assert LINK in anna.body and "Kenncode 0815" in anna.body
    (booker,) = to(member.user.email)
    assert LINK in booker.body
    # One click unsubscribes (the header a mail program uses, and the link in the text).
    assert anna.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = anna.extra_headers["List-Unsubscribe"].strip("<>")
    assert url in anna.body
    response = Client().post(url, {"List-Unsubscribe": "One-Click"})  # no CSRF token, by design
    assert response.status_code == 200
    assert ReminderOptOut.objects.count() == 1
    assert "anna" not in ReminderOptOut.objects.get().address_digest  # no address is kept

    # Next day's reminder skips Anna, but a change still reaches her.
    mail.outbox.clear()
    with committed():
        call_command("send_reminders", stdout=None)
        from bookings.notifications import online_reminders_send

        online_reminders_send(today=timezone.localdate() + timedelta(days=1))
    assert to("anna@example.org") == [] and len(to(member.user.email)) == 1
    with committed():
        online.start_time, online.end_time = time(10, 0), time(13, 0)
        session_save(session=online, by=national(UserFactory()), notice=True)
    assert len(to("anna@example.org")) == 1


def test_unsubscribing_is_undone_and_a_forged_link_does_nothing(online, member, committed):
    run("send_reminders", committed)
    url = to("anna@example.org")[0].extra_headers["List-Unsubscribe"].strip("<>")
    client = Client()
    page = client.get(url)
    assert page.status_code == 200 and ReminderOptOut.objects.count() == 0  # GET changes nothing
    client.post(url)
    assert ReminderOptOut.objects.count() == 1
    client.post(url, {"action": "resubscribe"})
    assert ReminderOptOut.objects.count() == 0
    forged = url.rstrip("/")[:-3] + "abc/"
    assert client.post(forged).status_code == 404
    assert ReminderOptOut.objects.count() == 0


def test_an_organisation_switches_reminders_off_for_everyone_it_booked(
    online, member, committed, client
):
    client.force_login(member.user)
    response = client.post("/account/organisation/reminders/", {})
    assert response.status_code == 302
    member.organisation.refresh_from_db()
    assert member.organisation.send_reminders is False

    run("send_reminders", committed)
    assert mail.outbox == []
    assert not Notification.objects.filter(kind="online_reminder").exists()

    client.post("/account/organisation/reminders/", {"send_reminders": "on"})
    run("send_reminders", committed)
    assert len(to("anna@example.org")) == 1


def test_trainers_are_reminded_three_days_ahead_with_the_participants_and_attendance(
    training, member, committed
):
    session = make_session(
        training, online=True, meeting_url=LINK, first_date=timezone.localdate() + timedelta(3)
    )
    with committed():
        book(session, member, people("Anna Schmidt", "Ben Braun"))
    trainer = make_trainer(user__email="tina@example.org", name="Tina Trainer")
    assignment = Assignment.objects.create(
        session=session, trainer=trainer, role=AssignmentRole.LEAD, status=AssignmentStatus.ACCEPTED
    )
    declined = make_trainer(user__email="dora@example.org", name="Dora")
    Assignment.objects.create(
        session=session, trainer=declined, role=AssignmentRole.CO, status=AssignmentStatus.DECLINED
    )
    mail.outbox.clear()

    run("send_trainer_reminders", committed)
    run("send_trainer_reminders", committed)

    (reminder,) = to("tina@example.org")
    assert to("dora@example.org") == []
    assert "2 Teilnehmende sind gebucht" in reminder.body
    assert LINK in reminder.body
    first = session.occurrences.order_by("start").first()
    assert f"/account/trainer/assignments/{assignment.pk}/dates/{first.pk}/attendance/" in (
        reminder.body
    )
    assert reminder.extra_headers["List-Unsubscribe"].strip("<>") in reminder.body
