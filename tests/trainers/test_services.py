import re
import smtplib
from datetime import time, timedelta

import pytest
import vobject
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from catalogue.factories import TopicFactory, make_session
from trainers.factories import TrainerFactory, certify, make_trainer
from trainers.models import Assignment, AssignmentRole, AssignmentStatus, Certification, Trainer
from trainers.services import (
    ASSIGNMENT_ACTION,
    TrainerError,
    assignment_accept,
    assignment_create,
    assignment_decline,
    assignment_withdraw,
    calendar_token_renew,
    certification_reminders_send,
    certification_save,
    trainer_invite,
)

from .conftest import monday

pytestmark = pytest.mark.django_db


class FailingBackend(BaseEmailBackend):
    """The mail server is down."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("connection refused")


def calendar_of(message):
    """The .ics attachment of an email, parsed by vobject (an independent parser)."""
    (part,) = [
        part for part in message.message().walk() if part.get_content_type() == "text/calendar"
    ]
    return part.get_param("method"), vobject.readOne(part.get_payload(decode=True).decode())


def mails_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_assigning_emails_trainer_and_staff_an_ics_request(
    session, trainer, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assignment = assignment_create(
            session=session, trainer=trainer, role=AssignmentRole.LEAD, by=staff
        )

    assert assignment.status == AssignmentStatus.PENDING
    (to_trainer,) = mails_to("anna@example.org")
    (to_staff,) = mails_to("staff@example.org")
    assert "Interkulturelle Kompetenz im Jobcenter" in to_trainer.subject
    assert f"/account/trainer/assignments/{assignment.pk}/" in to_trainer.body
    for message in (to_trainer, to_staff):
        method, calendar = calendar_of(message)
        assert method == "REQUEST" and calendar.method.value == "REQUEST"
        event = calendar.vevent
        assert event.dtstart.value.hour == 9 and event.dtstart.value.tzinfo is not None
        assert event.dtstart.value == session.starts_at
        assert event.uid.value.startswith(f"iq-assignment-{assignment.pk}-")
        assert event.status.value == "CONFIRMED"
        assert "anna@example.org" in event.attendee.value
    entry = ModelLogEntry.objects.get(action=ASSIGNMENT_ACTION)
    assert entry.user == staff and entry.data["to"] == "pending"


def test_the_service_refuses_an_ineligible_trainer_with_the_reason(session, staff):
    trainer = make_trainer(topic=TopicFactory(name="Diversity"), name="Carla Neu")

    with translation.override("en"), pytest.raises(TrainerError) as error:
        assignment_create(session=session, trainer=trainer, role=AssignmentRole.LEAD, by=staff)

    assert str(error.value) == (
        "Carla Neu cannot run this session: Not certified for “Intercultural competence”."
    )
    assert not Assignment.objects.exists()
    assert mail.outbox == []


def test_one_lead_trainer_and_any_number_of_co_trainers(session, trainer, other_trainer, staff):
    assignment_create(session=session, trainer=trainer, role=AssignmentRole.LEAD, by=staff)

    with translation.override("en"), pytest.raises(TrainerError, match="already the lead"):
        assignment_create(
            session=session, trainer=other_trainer, role=AssignmentRole.LEAD, by=staff
        )
    assignment_create(session=session, trainer=other_trainer, role=AssignmentRole.CO, by=staff)
    with translation.override("en"), pytest.raises(TrainerError, match="already assigned"):
        assignment_create(session=session, trainer=trainer, role=AssignmentRole.CO, by=staff)

    assert Assignment.objects.count() == 2


def test_accepting_tells_staff_and_declining_cancels_the_calendar_entry(
    session, trainer, other_trainer, staff, django_capture_on_commit_callbacks
):
    lead = assignment_create(session=session, trainer=trainer, role=AssignmentRole.LEAD, by=staff)
    co = assignment_create(session=session, trainer=other_trainer, role=AssignmentRole.CO, by=staff)
    with django_capture_on_commit_callbacks(execute=True):
        assignment_accept(assignment=lead, trainer=trainer)
        assignment_decline(assignment=co, trainer=other_trainer)

    lead.refresh_from_db()
    co.refresh_from_db()
    assert (lead.status, co.status) == (AssignmentStatus.ACCEPTED, AssignmentStatus.DECLINED)
    assert lead.responded_at is not None
    accepted_mail, declined_mail = mails_to("staff@example.org")
    assert "Anna Schmidt" in accepted_mail.subject and "Ben Otto" in declined_mail.subject
    assert calendar_of(accepted_mail)[0] == "REQUEST"
    method, calendar = calendar_of(mails_to("ben@example.org")[0])
    assert method == "CANCEL" and calendar.vevent.status.value == "CANCELLED"
    assert int(calendar.vevent.sequence.value) == session.sequence + 1


def test_withdrawal_sends_cancel_with_a_higher_sequence(
    session, trainer, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assignment = assignment_create(
            session=session, trainer=trainer, role=AssignmentRole.LEAD, by=staff
        )
        assignment_accept(assignment=assignment, trainer=trainer)
    request_sequence = int(calendar_of(mails_to("anna@example.org")[-1])[1].vevent.sequence.value)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assignment_withdraw(assignment=assignment, by=staff)

    assert Assignment.objects.get().status == AssignmentStatus.WITHDRAWN
    for message in (*mails_to("anna@example.org"), *mails_to("staff@example.org")):
        method, calendar = calendar_of(message)
        assert method == "CANCEL"
        assert int(calendar.vevent.sequence.value) > request_sequence
    with translation.override("en"), pytest.raises(TrainerError, match="already ended"):
        assignment_withdraw(assignment=assignment, by=staff)


def test_accepting_is_refused_when_another_accepted_assignment_now_overlaps(
    session, trainer, training, german, staff
):
    other = make_session(
        training, first_date=monday(4), start_time=time(14), end_time=time(17), language=german
    )
    first = assignment_create(session=session, trainer=trainer, role=AssignmentRole.LEAD, by=staff)
    second = assignment_create(session=other, trainer=trainer, role=AssignmentRole.LEAD, by=staff)
    assignment_accept(assignment=second, trainer=trainer)

    with translation.override("en"), pytest.raises(TrainerError, match="at the same time"):
        assignment_accept(assignment=first, trainer=trainer)
    first.refresh_from_db()
    assert first.status == AssignmentStatus.PENDING


def test_a_trainer_cannot_answer_for_someone_else(session, trainer, other_trainer, staff):
    assignment = assignment_create(
        session=session, trainer=trainer, role=AssignmentRole.LEAD, by=staff
    )

    with translation.override("en"), pytest.raises(TrainerError, match="no such assignment"):
        assignment_accept(assignment=assignment, trainer=other_trainer)


def test_a_failed_email_is_logged_and_keeps_the_assignment(
    session, trainer, staff, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.trainers.test_services.FailingBackend"

    with django_capture_on_commit_callbacks(execute=True):
        assignment = assignment_create(
            session=session, trainer=trainer, role=AssignmentRole.LEAD, by=staff
        )

    assert Assignment.objects.filter(pk=assignment.pk, status="pending").exists()
    assert "could not be sent" in caplog.text


def test_certification_reminder_runs_twice_and_sends_once(
    trainer, topic, staff, django_capture_on_commit_callbacks
):
    soon = timezone.localdate() + timedelta(days=59)
    certification = certify(trainer, topic, valid_until=soon)
    certify(TrainerFactory(), topic, valid_until=soon + timedelta(days=5))  # 64 days: not yet

    with django_capture_on_commit_callbacks(execute=True):  # emails go out after commit
        assert certification_reminders_send() == 1
        assert certification_reminders_send() == 0
    assert len(mails_to("anna@example.org")) == 1
    assert len(mails_to("staff@example.org")) == 1
    assert "Interkulturelle Kompetenz" in mails_to("anna@example.org")[0].subject

    certification.valid_until = soon + timedelta(days=1)
    certification_save(certification=certification, by=staff)
    assert certification_reminders_send() == 1


def test_reminder_command_is_safe_to_run_twice(
    trainer, topic, staff, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    certify(trainer, topic, valid_until=timezone.localdate() + timedelta(days=10))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_certification_reminders")
        call_command("send_certification_reminders")

    assert len(mails_to("anna@example.org")) == 1


def test_a_failed_reminder_is_tried_again_on_the_next_run(
    trainer, topic, settings, django_capture_on_commit_callbacks
):
    """The reminder is kept in the outbox when the mail server fails, and the next run of
    retry_emails sends it; the reminder job itself does not send it twice."""
    from django.core.management import call_command

    certify(trainer, topic, valid_until=timezone.localdate() + timedelta(days=10))
    settings.EMAIL_BACKEND = "tests.trainers.test_services.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        assert certification_reminders_send() == 1
    assert mails_to("anna@example.org") == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        assert certification_reminders_send() == 0
    call_command("retry_emails", stdout=None)
    assert len(mails_to("anna@example.org")) == 1


def test_a_certificate_document_moves_into_the_private_collection(trainer, topic, staff):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document.objects.create(
        title="Zertifikat", file=ContentFile(b"%PDF-1.4", name="zertifikat.pdf")
    )
    certification = Certification(
        trainer=trainer,
        topic=topic,
        issued_by="IQ",
        issued_on=timezone.localdate(),
        valid_until=timezone.localdate() + timedelta(days=700),
        document=document,
    )

    certification_save(certification=certification, by=staff)

    document.refresh_from_db()
    assert document.collection.name == "Trainer certificates"


def test_inviting_creates_an_account_with_a_link_to_set_the_password(
    client, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        trainer = trainer_invite(email="Neu@Example.org", name="Nora Neu", by=staff)

    user = trainer.user
    assert not user.has_usable_password()
    (message,) = mail.outbox
    assert message.to == ["neu@example.org"]
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", message.body).group(0)
    path = "/" + link.split("/", 3)[3]
    response = client.get(path)
    assert response.status_code == 302
    form_url = response["Location"]
    response = client.post(
        form_url, {"password1": "Ein-sicheres-Passwort-7", "password2": "Ein-sicheres-Passwort-7"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/account/trainer/"
    user.refresh_from_db()
    assert user.has_usable_password()
    response = client.post(
        "/accounts/login/?next=/account/trainer/",
        {"login": "neu@example.org", "password": "Ein-sicheres-Passwort-7"},
    )
    assert response.status_code == 302 and response["Location"] == "/account/trainer/"
    assert client.get("/account/trainer/").status_code == 200


def test_inviting_an_existing_member_adds_the_profile_and_refuses_a_second_time(booker, staff):
    trainer = trainer_invite(email=booker.email.upper(), name="Bea Booker", by=staff)

    assert trainer.user == booker and booker.has_usable_password()
    with translation.override("en"), pytest.raises(TrainerError, match="already registered"):
        trainer_invite(email=booker.email, name="Bea Booker", by=staff)
    assert Trainer.objects.count() == 1
    assert get_user_model().objects.filter(email__iexact=booker.email).count() == 1


def test_renewing_the_calendar_token_replaces_it(trainer):
    old = trainer.calendar_token

    calendar_token_renew(trainer=trainer)

    trainer.refresh_from_db()
    assert trainer.calendar_token != old and len(trainer.calendar_token) >= 40


def test_trainers_and_staffs_emails_are_kept_in_the_one_outbox_and_retried(
    session, trainer, staff, settings, django_capture_on_commit_callbacks
):
    """Assignment emails are Notification rows like every other email: sent after commit by a
    task, kept with the error when the mail server fails, sent again by retry_emails."""
    from django.core.management import call_command

    from bookings.models import Notification, NotificationStatus

    settings.EMAIL_BACKEND = "tests.trainers.test_services.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        assignment_create(session=session, trainer=trainer, role=AssignmentRole.LEAD, by=staff)

    rows = Notification.objects.filter(kind="assignment_assigned")
    assert sorted(rows.values_list("recipient", flat=True)) == [
        "anna@example.org",
        "staff@example.org",
    ]
    assert set(rows.values_list("status", flat=True)) == {NotificationStatus.FAILED}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_emails", stdout=None)
    assert set(rows.values_list("status", flat=True)) == {NotificationStatus.SENT}
    calendar = vobject.readOne(
        next(
            part.get_payload(decode=True).decode()
            for part in mails_to("anna@example.org")[0].message().walk()
            if part.get_content_type() == "text/calendar"
        )
    )
    assert calendar.method.value == "REQUEST"
