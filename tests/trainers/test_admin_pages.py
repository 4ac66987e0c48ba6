"""The trainers admin as programme staff read it: the dashboard flags sessions that lost their
trainer; listings and inspect pages in words, in Berlin time, without "None"."""

import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from bookings.factories import UserFactory
from catalogue.factories import make_session
from catalogue.models.sessions import SessionStatus
from catalogue.services import staff_grant
from tests.admin_pages import inspect, text
from trainers.models import Assignment
from trainers.services import assignment_create, assignment_decline, assignment_withdraw

from .conftest import monday

pytestmark = pytest.mark.django_db


def dashboard(client) -> str:
    html = client.get("/admin/").content.decode()
    start = html.index('data-count="trainerless"')
    return text(html[start - 200 :], "data-count", "</section>")


def lost_count(client) -> int:
    html = client.get("/admin/").content.decode()
    return int(re.search(r'data-count="trainerless">(\d+)<', html)[1])


def test_the_dashboard_flags_a_session_whose_trainer_declined(
    staff_client, staff, session, trainer, other_trainer
):
    assignment = assignment_create(session=session, trainer=trainer, role="lead", by=staff)
    assert lost_count(staff_client) == 0

    assignment_decline(assignment=assignment, trainer=trainer)

    shown = dashboard(staff_client)
    assert lost_count(staff_client) == 1
    assert str(session) in shown and "Anna Schmidt (abgelehnt)" in shown
    assert (
        f'href="/admin/trainers_staff/sessions/{session.pk}/"'
        in staff_client.get("/admin/").content.decode()
    )

    assignment_create(session=session, trainer=other_trainer, role="lead", by=staff)
    assert lost_count(staff_client) == 0


def test_a_withdrawn_trainer_counts_and_a_remaining_co_trainer_keeps_the_session_staffed(
    staff_client, staff, session, trainer, other_trainer
):
    lead = assignment_create(session=session, trainer=trainer, role="lead", by=staff)
    co = assignment_create(session=session, trainer=other_trainer, role="co", by=staff)

    assignment_withdraw(assignment=lead, by=staff)
    assert lost_count(staff_client) == 0  # the co-trainer is still asked

    assignment_withdraw(assignment=co, by=staff)
    assert lost_count(staff_client) == 1
    assert "Ben Otto (zurückgezogen), Anna Schmidt (zurückgezogen)" in dashboard(staff_client)


def test_past_cancelled_and_never_staffed_sessions_are_not_flagged(
    staff_client, staff, training, german, trainer
):
    never_staffed = make_session(training, first_date=monday(5), language=german)
    cancelled = make_session(
        training, first_date=monday(6), language=german, status=SessionStatus.CANCELLED
    )
    past = make_session(training, first_date=monday(-2), language=german)
    for session in (cancelled, past):
        Assignment.objects.create(session=session, trainer=trainer, role="lead", status="declined")

    shown = dashboard(staff_client)

    assert lost_count(staff_client) == 0
    for session in (never_staffed, cancelled, past):
        assert str(session) not in shown


def test_staff_of_another_state_network_are_not_told(client, staff, session, trainer):
    assignment = assignment_create(session=session, trainer=trainer, role="lead", by=staff)
    assignment_decline(assignment=assignment, trainer=trainer)
    nrw = UserFactory(username="nrw", email="nrw@example.org")
    staff_grant(user=nrw, states=["NW"])
    client.force_login(nrw)

    assert lost_count(client) == 0


def test_the_dashboard_queries_do_not_grow_with_sessions(
    staff_client, staff, training, german, trainer, other_trainer
):
    def decline_on(weeks):
        session = make_session(training, first_date=monday(weeks), language=german)
        for person in (trainer, other_trainer):
            Assignment.objects.create(session=session, trainer=person, role="co", status="declined")

    def count():
        with CaptureQueriesContext(connection) as queries:
            staff_client.get("/admin/")
        return len(queries)

    decline_on(3)
    staff_client.get("/admin/")
    small = count()
    for weeks in range(4, 10):
        decline_on(weeks)
    assert lost_count(staff_client) == 7
    assert count() == small


# --- listings and inspect pages --------------------------------------------------------------


@pytest.fixture
def in_english(staff):
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"
    profile.save()


def test_the_trainer_listing_says_yes_and_no(staff_client, in_english, trainer):
    listing = text(staff_client.get("/admin/trainers_trainer/").content.decode(), "<table")

    assert re.search(r"Anna Schmidt .* (Yes|No) Yes", listing)
    assert not re.search(r"\b(True|False)\b", listing)


def test_trainer_and_assignment_inspect_pages_show_no_none(
    staff_client, in_english, session, trainer
):
    assignment = assignment_create(session=session, trainer=trainer, role="lead", by=None)
    winter = datetime(2030, 1, 15, 9, 30, tzinfo=UTC)  # 10:30 in Berlin
    Assignment.objects.filter(pk=assignment.pk).update(created_at=winter)

    trainer_page = inspect(staff_client, f"/admin/trainers_trainer/inspect/{trainer.pk}/")
    assignment_page = inspect(staff_client, f"/admin/trainers_assignment/inspect/{assignment.pk}/")

    for details in (trainer_page, assignment_page):
        assert not re.search(r"\b(None|True|False)\b", details), details
    assert "Email anna@example.org" in trainer_page and "Created " in trainer_page
    assert "15 January 2030, 10:30" in assignment_page
    assert "Assigned by —" in assignment_page and "Answered —" in assignment_page
