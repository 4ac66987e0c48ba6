"""Emails about bookings: sent after commit in the booking's language, with .ics invitations and
cancellations, to the booker and every participant concerned; failures are kept and retried."""

import smtplib
from datetime import date, timedelta
from decimal import Decimal

import pytest
import vobject
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from recurrence import WEEKLY, Recurrence, Rule

from bookings.factories import MembershipFactory, OrganisationFactory, UserFactory
from bookings.models import (
    Booking,
    BookingStatus,
    Notification,
    NotificationStatus,
    OrganisationType,
    Role,
)
from bookings.notifications import notify_address
from bookings.services.bookings import (
    ParticipantData,
    booking_cancel,
    booking_create,
    session_cancel,
)
from bookings.services.seats import holds_expire
from catalogue.factories import make_session, translate_training
from catalogue.ics import occurrence_uid
from catalogue.schedule import BERLIN
from tests.staff import national

pytestmark = pytest.mark.django_db
TITLE = "Interkulturelle Kompetenz im Jobcenter"


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP server unreachable")


@pytest.fixture
def series(training):
    """Weekly 09:00–12:00 across the switch to summer time (31 March 2030)."""
    return make_session(
        training,
        capacity=10,
        first_date=date(2030, 3, 18),
        recurrences=Recurrence(rrules=[Rule(WEEKLY, count=3)]),
    )


def people(*names):
    return [
        ParticipantData(
            name=name, function="employee", email=f"{name.split()[0].lower()}@example.org"
        )
        for name in names
    ]


def book(session, member, participants, language="de"):
    return booking_create(
        session=session,
        organisation=member.organisation,
        participants=participants,
        by=member.user,
        language=language,
    )


def to(address):
    found = [message for message in mail.outbox if message.to == [address]]
    assert len(found) == 1, [m.to for m in mail.outbox]
    return found[0]


def calendar(message):
    """The .ics attachment, parsed without transforming times (vobject mis-reads RDATE lists)."""
    parts = [part for part in message.attachments if part.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    return vobject.readOne(parts[0].get_payload(decode=True).decode(), transform=False)


def events(parsed):
    return sorted(parsed.vevent_list, key=lambda event: event.dtstart.value)


def test_confirmation_in_german_with_one_invitation_per_date(series, member, committed):
    member.user.first_name, member.user.last_name = "Bernd", "Bucher"
    member.user.save()
    with committed():
        booking = book(series, member, people("Anna Schmidt"))

    booker, anna = to(member.user.email), to("anna@example.org")
    assert booker.subject == f"Buchung bestätigt: {TITLE}"
    assert booker.body.startswith("Guten Tag Bernd Bucher,")
    assert (
        f"Ihre Buchung {booking.reference} für die Schulung „{TITLE}“ ist bestätigt." in booker.body
    )
    assert "Montag, 18. März 2030, 09:00–12:00 Uhr" in booker.body
    assert "Montag, 1. April 2030, 09:00–12:00 Uhr" in booker.body
    assert f"http://127.0.0.1:8000/account/bookings/{booking.reference}/" in booker.body
    assert anna.subject == f"Anmeldung bestätigt: {TITLE}"
    assert anna.body.startswith("Guten Tag Anna Schmidt,")
    assert f"{member.organisation.name} hat Sie für die Schulung „{TITLE}“ angemeldet." in anna.body

    occurrences = list(series.occurrences.order_by("start"))
    assert len(occurrences) == 3
    for message, attendee in ((booker, member.user.email), (anna, "anna@example.org")):
        parsed = calendar(message)
        assert parsed.method.value == "REQUEST"
        found = events(parsed)
        assert [event.uid.value for event in found] == [occurrence_uid(o.pk) for o in occurrences]
        assert {event.dtstart.params["TZID"][0] for event in found} == {"Europe/Berlin"}
        assert [event.dtstart.value for event in found] == [
            o.start.astimezone(BERLIN).strftime("%Y%m%dT%H%M%S") for o in occurrences
        ]
        assert [event.dtstart.value[9:] for event in found] == ["090000"] * 3
        assert {event.organizer.value for event in found} == {"mailto:schulungen@example.org"}
        assert {event.attendee.value for event in found} == {f"mailto:{attendee}"}
    assert calendar(booker).vevent.attendee.params["ROLE"] == ["NON-PARTICIPANT"]
    assert calendar(anna).vevent.attendee.params["CN"] == ["Anna Schmidt"]


def test_confirmation_in_english_when_booked_in_english(series, member, committed):
    translate_training(series.training, "en", title="Intercultural competence")
    with committed():
        booking = book(series, member, people("Anna Smith"), language="en")

    booker, anna = to(member.user.email), to("anna@example.org")
    assert booker.subject == "Booking confirmed: Intercultural competence"
    assert booker.body.startswith("Hello,")
    assert f"Your booking {booking.reference} for the training “Intercultural competence”" in (
        booker.body
    )
    assert "Monday, 18 March 2030, 09:00–12:00" in booker.body
    assert f"http://127.0.0.1:8000/en/account/bookings/{booking.reference}/" in booker.body
    assert anna.subject == "Registration confirmed: Intercultural competence"
    assert "Kind regards" in anna.body
    assert calendar(anna).vevent.summary.value == "Intercultural competence"


def test_cancellation_withdraws_the_invitation_with_a_higher_sequence(series, member, committed):
    with committed():
        booking = book(series, member, people("Anna Schmidt"))
    confirmed = calendar(to("anna@example.org"))
    mail.outbox.clear()

    with committed():
        booking_cancel(booking=booking, by=member.user)

    booker, anna = to(member.user.email), to("anna@example.org")
    assert booker.subject == f"Buchung storniert: {TITLE}"
    assert anna.subject == f"Anmeldung storniert: {TITLE}"
    assert "Ihre Anmeldung für die Schulung" in anna.body
    for message in (booker, anna):
        cancelled = calendar(message)
        assert cancelled.method.value == "CANCEL"
        assert [e.uid.value for e in events(cancelled)] == [e.uid.value for e in events(confirmed)]
        assert {e.status.value for e in events(cancelled)} == {"CANCELLED"}
        assert int(cancelled.vevent.sequence.value) > int(confirmed.vevent.sequence.value)


def test_cancelling_some_participants_tells_them_and_the_booker(session, member, committed):
    with committed():
        booking = book(session, member, people("Anna Schmidt", "Ben Berger"))
    mail.outbox.clear()
    anna = booking.participants.get(name="Anna Schmidt")

    with committed():
        booking_cancel(booking=booking, by=member.user, participant_ids=[anna.pk])

    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", member.user.email]
    note = to(member.user.email)
    assert note.subject == f"Teilnehmende storniert: {TITLE}"
    assert "Anna Schmidt" in note.body and note.attachments == []
    assert calendar(to("anna@example.org")).method.value == "CANCEL"


def test_waiting_list_offer_and_move_up_reach_everyone(training, settings, committed):
    settings.STRIPE_SECRET_KEY = "sk_test_emails"
    training.price_companies = Decimal("120.00")
    training.save()
    session = make_session(training, capacity=2, first_date=timezone.localdate() + timedelta(30))
    agency = MembershipFactory()
    company = MembershipFactory(organisation=OrganisationFactory(type=OrganisationType.SME))
    other_agency = MembershipFactory()
    with committed():
        first = book(session, agency, people("Anna Schmidt", "Ben Berger"))
        paying = book(session, company, people("Carla Kaiser"))
        free = book(session, other_agency, people("Dora Dietz"), language="en")
    assert (paying.status, free.status) == (BookingStatus.WAITLISTED, BookingStatus.WAITLISTED)
    assert to(company.user.email).subject == f"Auf der Warteliste: {TITLE}"
    assert to(other_agency.user.email).subject == f"On the waiting list: {TITLE}"
    assert "carla@example.org" not in [m.to[0] for m in mail.outbox]
    mail.outbox.clear()

    with committed():
        booking_cancel(booking=first, by=agency.user)

    paying.refresh_from_db()
    free.refresh_from_db()
    assert (paying.status, free.status) == (BookingStatus.HELD, BookingStatus.CONFIRMED)
    offer = to(company.user.email)
    assert offer.subject == f"Plätze frei – bitte bezahlen Sie zur Bestätigung: {TITLE}"
    expires = timezone.localtime(paying.hold_expires_at)
    assert f"um {expires:%H:%M} Uhr" in offer.body
    assert f"http://127.0.0.1:8000/account/bookings/{paying.reference}/" in offer.body
    moved = to(other_agency.user.email)
    assert moved.subject == f"Moved up from the waiting list: {TITLE}"
    assert calendar(moved).method.value == "REQUEST"
    assert calendar(to("dora@example.org")).method.value == "REQUEST"
    assert to(agency.user.email).subject == f"Buchung storniert: {TITLE}"
    assert {"anna@example.org", "ben@example.org"} <= {m.to[0] for m in mail.outbox}
    assert "carla@example.org" not in [m.to[0] for m in mail.outbox]


def test_lapsed_hold_is_told(training, settings, committed):
    settings.STRIPE_SECRET_KEY = "sk_test_emails"
    training.price_companies = Decimal("120.00")
    training.save()
    session = make_session(training, capacity=2, first_date=timezone.localdate() + timedelta(30))
    company = MembershipFactory(organisation=OrganisationFactory(type=OrganisationType.SME))
    with committed():
        held = book(session, company, people("Carla Kaiser"))
    assert held.status == BookingStatus.HELD and mail.outbox == []
    Booking.objects.filter(pk=held.pk).update(hold_expires_at=timezone.now() - timedelta(1))

    with committed():
        holds_expire(session=session)

    assert [m.subject for m in mail.outbox] == [f"Plätze freigegeben: {TITLE}"]


def test_cancelled_session_tells_everyone(training, member, committed):
    session = make_session(training, capacity=1, first_date=timezone.localdate() + timedelta(30))
    waiting_member = MembershipFactory()
    with committed():
        booking = book(session, member, people("Anna Schmidt"))
        waiting = book(session, waiting_member, people("Ben Berger"))
    sequence = int(calendar(to("anna@example.org")).vevent.sequence.value)
    mail.outbox.clear()

    with committed():
        session_cancel(session=session, by=national(UserFactory()))

    assert waiting.status == BookingStatus.WAITLISTED
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        ["anna@example.org", member.user.email, waiting_member.user.email]
    )
    assert {m.subject for m in mail.outbox} == {f"Termin storniert: {TITLE}"}
    for address in ("anna@example.org", member.user.email):
        cancelled = calendar(to(address))
        assert cancelled.method.value == "CANCEL"
        assert int(cancelled.vevent.sequence.value) > sequence
    assert f"Ihre Buchung {booking.reference} ist damit storniert." in to(member.user.email).body
    assert to(waiting_member.user.email).attachments == []


def test_nothing_is_sent_before_commit_nor_after_a_rollback(
    session, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        book(session, member, people("Anna Schmidt"))
        assert mail.outbox == [] and not Notification.objects.exists()
    assert len(mail.outbox) == 2
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            book(session, member, people("Ben Berger"))
            raise RuntimeError("the surrounding work fails")
    assert callbacks == [] and mail.outbox == []
    assert not Notification.objects.filter(recipient="ben@example.org").exists()


def test_reminders_three_days_ahead_are_sent_once(training, member, committed):
    today = timezone.localdate()
    soon = make_session(training, first_date=today + timedelta(days=3))
    later = make_session(training, first_date=today + timedelta(days=4))
    with committed():
        book(soon, member, people("Anna Schmidt"))
        book(later, member, people("Ben Berger"))
    mail.outbox.clear()

    with committed():
        call_command("send_reminders", stdout=None)
    with committed():
        call_command("send_reminders", stdout=None)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(["anna@example.org", member.user.email])
    day = today + timedelta(days=3)
    months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August"]
    months += ["September", "Oktober", "November", "Dezember"]
    assert to("anna@example.org").subject == (
        f"Erinnerung: {TITLE} beginnt am {day.day}. {months[day.month - 1]} {day.year}"
    )
    assert "beginnt in drei Tagen" in to(member.user.email).body


def test_a_failed_email_keeps_the_booking_and_is_sent_again(
    session, member, settings, committed, caplog
):
    settings.EMAIL_BACKEND = "tests.bookings.test_emails.FailingBackend"
    with committed():
        booking = book(session, member, people("Anna Schmidt"))

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    failed = Notification.objects.get(recipient="anna@example.org")
    assert (failed.status, failed.attempts) == (NotificationStatus.FAILED, 1)
    assert "SMTP server unreachable" in failed.last_error
    assert "failed" in caplog.text and mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_emails", stdout=None)
    call_command("retry_emails", stdout=None)

    failed.refresh_from_db()
    assert (failed.status, failed.attempts, failed.last_error) == (NotificationStatus.SENT, 2, "")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(["anna@example.org", member.user.email])


def test_email_to_an_address_is_sent_once_per_key(committed):
    for _ in range(2):
        with committed():
            notify_address(
                "invitation",
                recipient="new@example.org",
                language="en",
                key="invitation:abc",
                organisation="Jobcenter Leipzig",
                inviter="Bernd Bucher",
                accept_url="http://127.0.0.1:8000/en/account/join/abc/",
            )

    [message] = mail.outbox
    assert message.subject == "Invitation: book IQ trainings for Jobcenter Leipzig"
    assert "Bernd Bucher invites you" in message.body
    assert "http://127.0.0.1:8000/en/account/join/abc/" in message.body


@pytest.mark.django_db(transaction=True)
def test_in_production_the_task_worker_sends_them(session, member, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    book(session, member, people("Anna Schmidt"))  # commits: the tasks wait in the database
    assert mail.outbox == []
    assert set(Notification.objects.values_list("status", flat=True)) == {"pending"}

    call_command("db_worker", "--batch", "--no-startup-delay", stdout=None, stderr=None)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(["anna@example.org", member.user.email])
    assert set(Notification.objects.values_list("status", flat=True)) == {"sent"}


def test_a_booking_staff_made_on_behalf_goes_to_the_organisations_admins(
    session, django_capture_on_commit_callbacks, mailoutbox
):
    admin = MembershipFactory(role=Role.ADMIN, user=UserFactory(email="leitung@jobcenter.example"))
    MembershipFactory(organisation=admin.organisation, role=Role.BOOKER)  # not told
    staff = UserFactory(email="koordination@iq.example")

    with django_capture_on_commit_callbacks(execute=True):
        booking_create(
            session=session,
            organisation=admin.organisation,
            participants=[ParticipantData(name="Aylin Demir", function="employee")],
            by=staff,
        )

    assert [message.to for message in mailoutbox] == [["leitung@jobcenter.example"]]


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses the recipient, naming the address (as real ones do)."""

    def send_messages(self, email_messages):
        recipients = {
            address: (550, b"mailbox unavailable") for m in email_messages for address in m.to
        }
        raise smtplib.SMTPRecipientsRefused(recipients)


def test_a_failed_email_is_logged_by_id_without_addresses(
    session, member, settings, committed, caplog
):
    settings.EMAIL_BACKEND = "tests.bookings.test_emails.RefusingBackend"
    with committed():
        book(session, member, people("Anna Schmidt"))

    failed = Notification.objects.get(recipient="anna@example.org")
    assert failed.status == NotificationStatus.FAILED
    assert f"Email {failed.pk} (confirmed) could not be sent" in caplog.text
    assert "SMTPRecipientsRefused" in failed.last_error
    assert "@example.org" not in caplog.text
    assert "@example.org" not in failed.last_error
