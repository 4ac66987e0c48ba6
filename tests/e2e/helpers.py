"""Small helpers for the browser tests."""

import re

from django.utils import translation
from django.utils.translation import gettext

from bookings.factories import UserFactory

PASSWORD = "Schulung-im-Browser-2026"


def t(message: str, language: str = "de") -> str:
    """What the page shows for `message` (the tests read the German UI like a user)."""
    with translation.override(language):
        return gettext(message)


def verified_user(email: str, **fields):
    # The factory's accounts have confirmed their address.
    return UserFactory(username=email.split("@")[0], email=email, password=PASSWORD, **fields)


def log_in(page, email: str, next_path: str = "") -> None:
    page.goto(f"/accounts/login/?next={next_path}" if next_path else "/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()


def link_in(text: str) -> str:
    return re.search(r"https?://\S+", text)[0]
