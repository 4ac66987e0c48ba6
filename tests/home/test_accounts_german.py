"""Account pages and emails address people formally in German ("Sie"), although allauth's own
German catalogue says "du": our catalogue (LOCALE_PATHS) takes precedence."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core import mail
from django.utils import translation

from home.account_texts import ALLAUTH_TEXTS

pytestmark = pytest.mark.django_db

INFORMAL = re.compile(
    r"\b(du|dein|deine|deinem|deinen|deiner|deines|dich|dir|hast|bist|kannst|musst)\b",
    re.IGNORECASE,
)
FORMAL = re.compile(r"\b(Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihnen)\b")


def visible_text(html: str) -> str:
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    return re.sub(r"<[^>]+>", " ", html)


def assert_formal(text: str) -> None:
    assert FORMAL.search(text), text
    assert not INFORMAL.search(text), INFORMAL.search(text).group(0)


def test_every_overridden_allauth_text_is_formal_in_german():
    with translation.override("de"):
        translated = [translation.gettext(text) for text in ALLAUTH_TEXTS]
    for original, german in zip(ALLAUTH_TEXTS, translated, strict=True):
        assert german != original
        assert not INFORMAL.search(german), german


@pytest.mark.parametrize(
    ("url", "phrase"),
    [
        ("/accounts/login/", "Sie haben noch kein Konto?"),
        ("/accounts/signup/", "Sie haben bereits ein Konto?"),
        ("/accounts/password/reset/", "Geben Sie unten Ihre E-Mail-Adresse ein"),
    ],
)
def test_german_account_pages_say_sie(client, site_tree, url, phrase):
    response = client.get(url)

    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert phrase in text
    assert_formal(text)


def test_signup_verification_page_and_email_say_sie(client, site_tree):
    response = client.post(
        "/accounts/signup/",
        {
            "first_name": "Nora",
            "last_name": "Neumann",
            "email": "neu@example.org",
            "password1": "lang-und-sicher-42",
            "password2": "lang-und-sicher-42",
        },
        follow=True,
    )

    page = visible_text(response.content.decode())
    assert "Bestätigen Sie Ihre E-Mail-Adresse" in page
    assert_formal(page)
    (email,) = mail.outbox
    assert email.subject == "IQ-Schulungen: Bitte bestätigen Sie Ihre E-Mail-Adresse"
    assert email.body.startswith("Guten Tag Nora Neumann,")
    assert "Plattform der IQ-Schulungen" in email.body
    assert "testserver" not in email.body.split("http")[0]  # the platform's name, not a host
    assert_formal(email.subject + "\n" + email.body)


def test_password_reset_email_and_logout_say_sie(client, site_tree):
    user = User.objects.create_user("anna", "anna@example.org", "lang-und-sicher-42")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    done = client.post("/accounts/password/reset/", {"email": user.email}, follow=True)
    client.force_login(user)
    logout = client.get("/accounts/logout/")

    assert_formal(visible_text(done.content.decode()))
    (email,) = mail.outbox
    assert email.subject == "IQ-Schulungen: Setzen Sie Ihr Passwort zurück"
    assert (
        "das Passwort Ihres Kontos bei der Plattform der IQ-Schulungen zurückzusetzen" in email.body
    )
    assert_formal(email.body)
    assert "Möchten Sie sich wirklich abmelden?" in visible_text(logout.content.decode())
