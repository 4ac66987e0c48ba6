"""Production hardening: deploy checks, content security policy, rate limits, password hashing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.hashers import make_password

ROOT = Path(__file__).resolve().parents[2]


def production(command=("check", "--deploy", "--fail-level", "DEBUG"), **overrides):
    """A manage.py command (default: the deploy check) in a production-like environment, as a
    separate process."""
    # (The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is not part of a production environment.)
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "SECRET_KEY": "p" * 20 + "-production-like-secret-key-with-enough-entropy-9f8e7d6c5b4a",
        "ALLOWED_HOSTS": "schulungen.example.org",
        "DEBUG": "false",
        "DATABASE_URL": "postgres://iq@db.example.org:5432/iq",
        "WAGTAILADMIN_BASE_URL": "https://schulungen.example.org",
        "DEFAULT_FROM_EMAIL": "IQ Schulungen <schulungen@example.org>",
        **overrides,
    }
    env = {key: value for key, value in env.items() if value is not None}
    return subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_deploy_check_with_production_settings_reports_nothing():
    result = production()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "missing, message",
    [
        ({"DATABASE_URL": None}, "Set DATABASE_URL to a PostgreSQL database"),
        ({"DATABASE_URL": "sqlite:///db.sqlite3"}, "Set DATABASE_URL to a PostgreSQL database"),
        ({"WAGTAILADMIN_BASE_URL": None}, "Set the WAGTAILADMIN_BASE_URL environment variable"),
        ({"DEFAULT_FROM_EMAIL": None}, "Set the DEFAULT_FROM_EMAIL environment variable"),
        ({"SECRET_KEY": None}, "Set the SECRET_KEY environment variable"),
    ],
)
def test_production_refuses_to_start_without_what_it_needs(missing, message):
    result = production(**missing)
    assert result.returncode != 0
    assert message in result.stderr


def test_hsts_preload_is_opt_in():
    """Preloading cannot be taken back quickly: it is on only when asked for."""
    show = ["shell", "-c", "from django.conf import settings; print(settings.SECURE_HSTS_PRELOAD)"]

    assert production(command=show).stdout.split()[-1] == "False"
    assert production(command=show, SECURE_HSTS_PRELOAD="true").stdout.split()[-1] == "True"
    assert production(SECURE_HSTS_PRELOAD="true").returncode == 0


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
