"""Attacks that use the platform to send email: member forms that write to addresses typed into
them (invitations and their resending, bookings naming participants, in-house requests to the
staff) are rate-limited per user and per organisation; over the limit nothing is saved or sent,
and the page says why (HTTP 429)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from bookings.factories import MembershipFactory
from bookings.models import Booking, InhouseRequest, Invitation
from catalogue.factories import make_session, make_training
from tests.bookings.test_inhouse import request_post

TOO_OFTEN = "zu oft"


@pytest.fixture
def member_client(client, db):
    member = MembershipFactory()
    client.force_login(member.user)
    client.member = member
    return client


def test_invitations_stop_after_ten_an_hour(member_client, settings):
    answers = [
        member_client.post(
            "/account/organisation/", {"email": f"kollegin{n}@example.org", "role": "booker"}
        )
        for n in range(12)
    ]

    assert [response.status_code for response in answers] == [302] * 10 + [429] * 2
    assert TOO_OFTEN in answers[-1].content.decode()
    assert Invitation.objects.count() == 10


def test_resending_an_invitation_counts_too(member_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # emails go out after commit
        member_client.post("/account/organisation/", {"email": "neu@example.org", "role": "booker"})
        invitation = Invitation.objects.get()
        for _ in range(12):
            member_client.post(f"/account/organisation/invitations/{invitation.pk}/resend/")

    # The first invitation and nine resends.
    assert [message.to for message in mail.outbox] == [["neu@example.org"]] * 10


def test_in_house_requests_stop_after_five_an_hour(member_client, site_tree):
    training = make_training(site_tree.index)
    answers = [
        member_client.post("/account/requests/new/", request_post(training)) for _ in range(6)
    ]

    assert [response.status_code for response in answers] == [302] * 5 + [429]
    assert TOO_OFTEN in answers[-1].content.decode()
    assert InhouseRequest.objects.count() == 5


def test_bookings_stop_after_sixty_an_hour(member_client, site_tree, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "iq_booking": "2/h/user"}
    session = make_session(
        make_training(site_tree.index), first_date=timezone.localdate() + timedelta(days=30)
    )
    form = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-0-name": "Anna Schmidt",
        "form-0-email": "anna@example.org",
        "form-0-function": "employee",
        "accept_terms": "on",
        "colleagues_consent": "on",
    }
    answers = [member_client.post(f"/account/book/{session.pk}/", form) for _ in range(3)]

    assert [response.status_code for response in answers] == [302, 302, 429]
    assert Booking.objects.count() == 2
