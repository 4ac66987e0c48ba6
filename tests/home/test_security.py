"""Production hardening: deploy checks, content security policy, rate limits, password hashing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.hashers import make_password

ROOT = Path(__file__).resolve().parents[2]


def test_deploy_check_with_production_settings_reports_nothing():
    # (The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is not part of a production environment.)
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "SECRET_KEY": "p" * 20 + "-production-like-secret-key-with-enough-entropy-9f8e7d6c5b4a",
        "ALLOWED_HOSTS": "schulungen.example.org",
        "DEBUG": "false",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_public_pages_send_a_content_security_policy(client, site_tree):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


def test_wagtail_admin_is_left_out_of_the_policy(admin_client, site_tree):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


@pytest.mark.django_db
def test_repeated_failed_logins_are_rate_limited(client):
    from bookings.factories import UserFactory

    UserFactory(email="someone@example.org", password="Richtiges-Passwort-2026")
    for attempt in range(5):
        client.post("/accounts/login/", {"login": "someone@example.org", "password": f"x{attempt}"})
    # Even the right password is refused for a while after five failures.
    response = client.post(
        "/accounts/login/", {"login": "someone@example.org", "password": "Richtiges-Passwort-2026"}
    )
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_sign_up_is_rate_limited_per_address(client):
    statuses = [
        client.post(
            "/accounts/signup/",
            {"email": f"new{n}@example.org", "password1": "x", "password2": "y"},
        ).status_code
        for n in range(12)
    ]
    assert 429 in statuses
    assert statuses[0] != 429


def test_passwords_are_hashed_with_argon2_outside_tests(settings):
    from settings import base

    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    assert make_password("Sicheres-Passwort-2026").startswith("argon2$")
