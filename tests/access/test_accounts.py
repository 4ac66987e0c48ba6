"""Attacks on accounts: addresses claimed but never confirmed, and every way in.

- An address someone adds to their account without confirming it grants nothing: not the
  owner's participations, invitations or emails in the personal-data export, not their emails
  blanked by deleting the account, not a trainer profile, not membership; it neither blocks the
  owner's sign-up nor receives the owner's password reset.
- Every login form (allauth's, the Wagtail admin's, Wagtail's front-end one) goes through the
  same verification and rate limits: an unconfirmed account is refused, the Nth failure is
  throttled (the right password too, so nothing tells a guesser it was right), and the limits are
  shared between processes through the cache.
- Every password reset goes through allauth's, throttled; Wagtail's second one is gone.
"""

import json
import os
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core import mail
from django.db import connection
from django.utils import timezone

from bookings.factories import MembershipFactory, OrganisationFactory, UserFactory, participants
from bookings.models import Invitation, Notification, Participant
from bookings.services.bookings import booking_create
from catalogue.factories import make_session, make_training
from trainers.models import Trainer
from trainers.services import trainer_invite

ROOT = Path(__file__).resolve().parents[2]
VICTIM = "clara.vogel@stadt-koeln.example"
PASSWORD = "Richtiges-Passwort-2026"


@pytest.fixture
def victims_data(site_tree):
    """Another organisation's booking naming the victim, an invitation and an email to her."""
    training = make_training(site_tree.index, title="Vielfalt gestalten")
    session = make_session(training, first_date=timezone.localdate() + timedelta(days=20))
    cologne = MembershipFactory(organisation=OrganisationFactory(name="Stadt Köln"))
    booking = booking_create(
        session=session,
        organisation=cologne.organisation,
        participants=participants(1),
        by=cologne.user,
    )
    Participant.objects.filter(booking=booking).update(name="Clara Vogel", email=VICTIM)
    Invitation.objects.create(organisation=cologne.organisation, email=VICTIM, token="v" * 40)
    Notification.objects.create(
        key="test:victim", kind="confirmed", recipient=VICTIM, booking=booking
    )
    return booking


def claim(client, address: str):
    """What an attacker does at /accounts/email/: add someone else's address."""
    response = client.post("/accounts/email/", {"email": address, "action_add": ""})
    assert response.status_code in (200, 302)


def test_an_unconfirmed_address_exports_none_of_its_owners_data(client, victims_data):
    attacker = MembershipFactory(organisation=OrganisationFactory(name="Andere GmbH"))
    client.force_login(attacker.user)
    claim(client, VICTIM)
    assert EmailAddress.objects.filter(user=attacker.user, email=VICTIM, verified=False).exists()

    data = json.loads(client.get("/account/privacy/download/").content)

    assert data["participations"] == []
    assert data["invitations_received"] == []
    assert data["emails_sent_to_you"] == []
    exported = json.dumps({k: v for k, v in data.items() if k != "email_addresses"})
    assert victims_data.reference not in exported and "Clara Vogel" not in exported
    # The owner, once she has confirmed the address, gets it all.
    EmailAddress.objects.filter(email=VICTIM).update(verified=True)
    data = json.loads(client.get("/account/privacy/download/").content)
    assert [p["booking"] for p in data["participations"]] == [victims_data.reference]


def test_deleting_an_account_blanks_no_email_record_of_an_unconfirmed_address(client, victims_data):
    attacker = UserFactory(password=PASSWORD)
    client.force_login(attacker)
    claim(client, VICTIM)

    client.post("/account/privacy/delete/", {"password": PASSWORD})

    assert not User.objects.filter(pk=attacker.pk).exists()
    assert Notification.objects.get(key="test:victim").recipient == VICTIM


def test_an_unconfirmed_address_gives_no_trainer_profile(db):
    claimant = UserFactory(email="someone@example.org")
    EmailAddress.objects.create(user=claimant, email="anna.trainerin@example.org")

    trainer = trainer_invite(email="anna.trainerin@example.org", name="Anna", by=None)

    assert trainer.user != claimant
    assert not Trainer.objects.filter(user=claimant).exists()
    assert EmailAddress.objects.get(user=trainer.user).verified


def test_an_unconfirmed_address_does_not_make_a_member(client, db):
    admin = MembershipFactory()
    colleague = MembershipFactory(organisation=admin.organisation, role="booker")
    EmailAddress.objects.create(user=colleague.user, email="new.person@example.org")
    client.force_login(admin.user)

    client.post("/account/organisation/", {"email": "new.person@example.org", "role": "booker"})

    assert Invitation.objects.filter(email="new.person@example.org").exists()


def test_a_claim_neither_blocks_the_owners_sign_up_nor_takes_her_password_reset(client, db):
    attacker = UserFactory(email="attacker@example.org")
    EmailAddress.objects.create(user=attacker, email=VICTIM)

    client.post("/accounts/password/reset/", {"email": VICTIM})
    assert not any("/password/reset/key/" in message.body for message in mail.outbox)
    mail.outbox.clear()

    client.post(
        "/accounts/signup/",
        {
            "first_name": "Eve",
            "last_name": "Attacker",
            "email": VICTIM,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    owner = User.objects.exclude(pk=attacker.pk).get(email=VICTIM)
    assert EmailAddress.objects.filter(user=owner, email=VICTIM, primary=True).exists()
    assert [message.to for message in mail.outbox] == [[VICTIM]]  # her confirmation link


# --- every way in ----------------------------------------------------------------------------

LOGIN_FORMS = ["/accounts/login/", "/admin/login/", "/_util/login/", "/en/_util/login/"]


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("form", LOGIN_FORMS)
def test_an_account_that_never_confirmed_its_address_cannot_log_in(client, db, form):
    user = UserFactory(email="neu@example.org", password=PASSWORD, verified=False)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)

    client.post(form, {"login": user.email, "username": user.username, "password": PASSWORD})
    client.post(form, {"login": user.email, "username": user.email, "password": PASSWORD})

    assert not logged_in(client)
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("form", LOGIN_FORMS[1:])
def test_wagtails_login_forms_hand_over_and_check_no_password(client, db, form):
    staff = UserFactory(email="koordination@example.org", password=PASSWORD, is_superuser=True)

    answers = {
        (response.status_code, response["Location"])
        for password in ["falsch-1", "falsch-2", PASSWORD]
        for response in [client.post(form, {"username": staff.username, "password": password})]
    }

    # The same answer for a wrong and the right password: the way to allauth's login.
    assert len(answers) == 1
    ((status, location),) = answers
    assert status == 302 and "/accounts/login/" in location
    assert not logged_in(client)


def test_the_admin_login_leads_to_the_admin_after_allauths_login(client, db):
    staff = UserFactory(email="koordination@example.org", password=PASSWORD, is_superuser=True)

    handover = client.get("/admin/login/")
    response = client.post(handover["Location"], {"login": staff.email, "password": PASSWORD})

    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_the_nth_failed_login_is_throttled_and_the_right_password_refused_too(client, db):
    user = UserFactory(email="someone@example.org", password=PASSWORD)
    wrong = [
        client.post("/accounts/login/", {"login": user.email, "password": f"x{n}"})
        for n in range(5)
    ]
    right = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})

    assert all(response.status_code == 200 for response in wrong)
    assert right.status_code == 200
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in right.content.decode()
    assert not logged_in(client)


def test_login_failures_count_across_processes_through_the_shared_cache(client, db, settings):
    """Another web process (a real one, its own interpreter) fails five times; this process then
    refuses the right password, because both count on the same Redis."""
    redis_url = "redis://127.0.0.1:6379/15"
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
        }
    }
    user = UserFactory(email="shared@example.org", password=PASSWORD)
    database = connection.settings_dict
    other_process = (
        "from django.test import Client\n"
        "from django.conf import settings\n"
        f"settings.CACHES['default']['KEY_PREFIX'] = {prefix!r}\n"
        "client = Client()\n"
        "for n in range(5):\n"
        "    client.post('/accounts/login/', {'login': 'shared@example.org', 'password': f'x{n}'})\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.test",
        "REDIS_URL": redis_url,
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
        f"{database['NAME']}",
    }
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", other_process],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    try:
        right = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
        assert "Zu viele fehlgeschlagene Anmeldeversuche" in right.content.decode()
        assert not logged_in(client)
    finally:
        from django.core.cache import cache

        cache.clear()


def test_password_resets_are_throttled_and_wagtails_own_is_gone(client, db):
    user = UserFactory(email="someone@example.org", password=PASSWORD)

    for _ in range(8):
        client.post("/accounts/password/reset/", {"email": user.email})

    assert len(mail.outbox) == 5  # 5 a minute for one address
    mail.outbox.clear()
    for path in ["/admin/password_reset/", "/admin/password_reset/done/"]:
        assert client.get(path).status_code == 404
        assert client.post(path, {"email": user.email}).status_code == 404
    assert mail.outbox == []
