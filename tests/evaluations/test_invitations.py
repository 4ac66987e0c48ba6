"""Marking a session held invites those present; one reminder after a week."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from bookings.models import Notification
from bookings.services.attendance import attendance_record, session_mark_held, session_reopen
from evaluations.models import Invitation, InvitationKind
from evaluations.services import token_hash
from tests.staff import national

from .conftest import book, hold, past_session, tokens_mailed_to

pytestmark = pytest.mark.django_db


def test_held_session_mails_personal_links_and_the_booker_those_for_colleagues(
    training, booker, committed
):
    session = past_session(training)
    anna, *_others = book(
        session,
        booker,
        ("Anna", "anna@example.org"),
        ("Ben", ""),
        ("Cem", ""),
        ("Dora", "dora@example.org"),
    )
    mail.outbox.clear()

    hold(session, committed)

    assert len(tokens_mailed_to("anna@example.org")) == 1
    assert len(tokens_mailed_to("dora@example.org")) == 1
    booker_tokens = tokens_mailed_to("booker@example.org")
    assert len(booker_tokens) == 2
    kinds = dict(Invitation.objects.filter(session=session).values_list("token_hash", "kind"))
    assert kinds[token_hash(tokens_mailed_to("anna@example.org")[0])] == InvitationKind.PERSONAL
    assert {kinds[token_hash(t)] for t in booker_tokens} == {InvitationKind.HANDED_OUT}
    assert len(kinds) == 4
    message = next(m for m in mail.outbox if "anna@example.org" in m.to)
    assert "Interkulturelle Kompetenz im Jobcenter" in message.subject
    assert "anonym" in message.body
    assert anna.name not in message.body  # the link names nobody


def test_absent_people_get_no_link_and_a_second_held_invites_nobody_twice(
    training, booker, committed
):
    session = past_session(training)
    anna, ben = book(session, booker, ("Anna", "anna@example.org"), ("Ben", "ben@example.org"))
    for occurrence in session.occurrences.all():
        attendance_record(
            occurrence=occurrence, statuses={anna.pk: "present", ben.pk: "absent"}, by=None
        )
    with committed():
        session_mark_held(session=session, by=None)
    assert tokens_mailed_to("ben@example.org") == []
    assert len(tokens_mailed_to("anna@example.org")) == 1

    staff = national(booker.user)
    with committed():
        session_reopen(session=session, by=staff, reason="Korrektur")
    with committed():
        session_mark_held(session=session, by=staff, as_staff=True)
    assert Invitation.objects.filter(session=session).count() == 1
    assert len(tokens_mailed_to("anna@example.org")) == 1


def test_one_reminder_a_week_later_for_links_still_unused(training, booker, committed, client):
    session = past_session(training)
    book(session, booker, ("Anna", "anna@example.org"), ("Ben", "ben@example.org"))
    hold(session, committed)
    (ben_token,) = tokens_mailed_to("ben@example.org")
    client.post(f"/evaluation/{ben_token}/", {"overall": "4"})
    Notification.objects.filter(kind="evaluation_invitation").update(
        created_at=timezone.now() - timedelta(days=8)
    )
    mail.outbox.clear()

    with committed():
        call_command("send_evaluation_reminders", stdout=(first := StringIO()))
    with committed():
        call_command("send_evaluation_reminders", stdout=(second := StringIO()))

    assert (first.getvalue(), second.getvalue()) == (
        "Evaluation reminders: 1\n",
        "Evaluation reminders: 0\n",
    )
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    assert tokens_mailed_to("anna@example.org")  # the same link again
    assert "Erinnerung" in mail.outbox[0].subject


def test_no_reminder_before_a_week_nor_for_expired_links(training, booker, committed):
    session = past_session(training)
    book(session, booker, ("Anna", "anna@example.org"))
    hold(session, committed)
    mail.outbox.clear()

    with committed():
        call_command("send_evaluation_reminders")
    Notification.objects.filter(kind="evaluation_invitation").update(
        created_at=timezone.now() - timedelta(days=8)
    )
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    with committed():
        call_command("send_evaluation_reminders")

    assert mail.outbox == []
