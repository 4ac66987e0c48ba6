"""A trainer declines with an optional reason the staff read, and can take the decline back until
the staff act on it by assigning someone to the session."""

import pytest
from django.core import mail
from django.utils import translation
from wagtail.models import ModelLogEntry

from catalogue.models.sessions import SessionStatus
from catalogue.services import session_save
from trainers.models import AssignmentRole, AssignmentStatus
from trainers.services import (
    ASSIGNMENT_ACTION,
    TrainerError,
    assignment_accept,
    assignment_create,
    assignment_decline,
    assignment_decline_take_back,
)

from .test_services import calendar_of, mails_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def offered(session, trainer, staff):
    return assignment_create(session=session, trainer=trainer, role=AssignmentRole.LEAD, by=staff)


def test_the_reason_for_declining_reaches_the_staff_by_email_in_the_admin_and_the_history(
    offered, trainer, staff_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assignment_decline(
            assignment=offered, trainer=trainer, reason="  Am 4. bin ich auf einer Tagung. "
        )

    offered.refresh_from_db()
    assert offered.status == AssignmentStatus.DECLINED
    assert offered.decline_reason == "Am 4. bin ich auf einer Tagung."
    (to_staff,) = mails_to("staff@example.org")
    assert "Am 4. bin ich auf einer Tagung." in to_staff.body
    assert "Am 4. bin ich auf einer Tagung." not in mails_to("anna@example.org")[0].body
    entry = ModelLogEntry.objects.filter(action=ASSIGNMENT_ACTION).latest("pk")
    assert entry.user == trainer.user and entry.data["reason"] == offered.decline_reason
    for url in (
        f"/admin/trainers_staff/sessions/{offered.session_id}/",
        f"/admin/trainers_assignment/inspect/{offered.pk}/",
        f"/admin/trainers_assignment/history/{offered.pk}/",
    ):
        assert "Am 4. bin ich auf einer Tagung." in staff_client.get(url).content.decode(), url


def test_declining_without_a_reason_and_a_reason_too_long(offered, trainer):
    with translation.override("en"), pytest.raises(TrainerError, match="500 characters"):
        assignment_decline(assignment=offered, trainer=trainer, reason="x" * 501)
    offered.refresh_from_db()
    assert offered.status == AssignmentStatus.PENDING

    assignment_decline(assignment=offered, trainer=trainer)

    offered.refresh_from_db()
    assert (offered.status, offered.decline_reason) == (AssignmentStatus.DECLINED, "")


def test_taking_back_a_decline_restores_the_assignment_as_before(
    offered, trainer, django_capture_on_commit_callbacks
):
    assignment_decline(assignment=offered, trainer=trainer, reason="Doch verhindert")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assignment_decline_take_back(assignment=offered, trainer=trainer)

    offered.refresh_from_db()
    assert offered.status == AssignmentStatus.PENDING
    assert offered.responded_at is None and offered.decline_reason == ""
    entries = ModelLogEntry.objects.filter(action=ASSIGNMENT_ACTION).order_by("pk")
    assert [(e.data["from"], e.data["to"]) for e in entries] == [
        ("", "pending"),
        ("pending", "declined"),
        ("declined", "pending"),
    ]
    assert entries.last().user == trainer.user
    (to_staff,) = mails_to("staff@example.org")
    assert "Anna Schmidt" in to_staff.subject
    (to_trainer,) = mails_to("anna@example.org")
    method, calendar = calendar_of(to_trainer)
    assert method == "REQUEST" and calendar.vevent.status.value == "CONFIRMED"
    # And the trainer answers again.
    assert assignment_accept(assignment=offered, trainer=trainer).status == "accepted"


@pytest.mark.parametrize("who", ["another lead", "a co-trainer", "the same trainer again"])
def test_once_the_staff_assign_someone_the_decline_stands(
    offered, trainer, other_trainer, staff, who
):
    assignment_decline(assignment=offered, trainer=trainer)
    if who == "the same trainer again":
        assignment_create(session=offered.session, trainer=trainer, role="co", by=staff)
    else:
        role = AssignmentRole.LEAD if who == "another lead" else AssignmentRole.CO
        assignment_create(session=offered.session, trainer=other_trainer, role=role, by=staff)

    with translation.override("en"), pytest.raises(TrainerError, match="since you declined"):
        assignment_decline_take_back(assignment=offered, trainer=trainer)

    offered.refresh_from_db()
    assert offered.status == AssignmentStatus.DECLINED


def test_a_decline_stands_once_the_session_is_cancelled(offered, trainer, session):
    assignment_decline(assignment=offered, trainer=trainer)
    session.status = SessionStatus.CANCELLED
    session_save(session=session, status_change=True)

    with translation.override("en"), pytest.raises(TrainerError, match="cancelled or is over"):
        assignment_decline_take_back(assignment=offered, trainer=trainer)


def test_only_a_declined_assignment_of_ones_own_can_be_taken_back(offered, trainer, other_trainer):
    with translation.override("en"), pytest.raises(TrainerError, match="Only a declined"):
        assignment_decline_take_back(assignment=offered, trainer=trainer)
    assignment_decline(assignment=offered, trainer=trainer)
    with translation.override("en"), pytest.raises(TrainerError, match="no such assignment"):
        assignment_decline_take_back(assignment=offered, trainer=other_trainer)


# --- in the portal ----------------------------------------------------------------------------


def test_the_portal_asks_for_an_optional_reason_and_offers_to_take_the_decline_back(
    client, offered, trainer
):
    client.force_login(trainer.user)
    url = f"/en/account/trainer/assignments/{offered.pk}/"
    page = client.get(url).content.decode()
    assert 'name="reason"' in page and "Reason (optional)" in page

    response = client.post(f"{url}decline/", {"reason": "On holiday that week"}, follow=True)

    page = response.content.decode()
    assert "You have declined the assignment." in page
    assert "On holiday that week" in page
    assert "Take back the decline" in page
    response = client.post(f"{url}take-back/", follow=True)
    page = response.content.decode()
    assert "You have taken back your decline" in page
    assert 'name="reason"' in page  # Accept and decline again
    offered.refresh_from_db()
    assert offered.status == AssignmentStatus.PENDING


def test_the_portal_says_why_a_decline_can_no_longer_be_taken_back(
    client, offered, trainer, other_trainer, staff
):
    assignment_decline(assignment=offered, trainer=trainer)
    assignment_create(session=offered.session, trainer=other_trainer, role="lead", by=staff)
    client.force_login(trainer.user)
    url = f"/account/trainer/assignments/{offered.pk}/"

    page = client.get(url).content.decode()

    assert "Ablehnung zurücknehmen" not in page
    assert "seit Ihrer Ablehnung" in page
    response = client.post(f"{url}take-back/", follow=True)
    assert "seit Ihrer Ablehnung" in response.content.decode()
    offered.refresh_from_db()
    assert offered.status == AssignmentStatus.DECLINED


def test_a_reason_too_long_is_refused_in_the_portal_and_nothing_changes(client, offered, trainer):
    client.force_login(trainer.user)

    response = client.post(
        f"/account/trainer/assignments/{offered.pk}/decline/", {"reason": "x" * 501}
    )

    assert response.status_code == 400
    assert "höchstens 500 Zeichen" in response.content.decode()
    offered.refresh_from_db()
    assert offered.status == AssignmentStatus.PENDING
