"""Shared set-up for the benchmarks: Django on the bench database; the timing helpers."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The benchmarks' own folder leaves the import path, so that bench/statistics.py does not hide
# the standard library's statistics module.
sys.path[:] = [path for path in sys.path if Path(path or ".").resolve() != ROOT / "bench"]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.bench")

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from bench.timing import median_ms, query_count  # noqa: E402, F401


def ensure_database() -> None:
    """Create the bench database if it does not exist, then migrate it."""
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise SystemExit("The benchmarks run on PostgreSQL: set DATABASE_URL.")
    params = {
        "host": db["HOST"],
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "dbname": "postgres",
    }
    if db.get("PASSWORD"):
        params["password"] = db["PASSWORD"]
    with psycopg.connect(**params, autocommit=True) as admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]
        ).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{db["NAME"]}"')
    call_command("migrate", verbosity=0)
