"""The floor's child process (see bench/floor.py): the bare project's settings, its database
created when missing and migrated; then, per line read, its home page timed like our pages."""

import json
import sys

sys.path.insert(0, sys.argv[1])  # the bare project first: it has a `home` app of its own

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from bench.timing import median_ms, query_count  # noqa: E402


def ensure_database() -> None:
    db = settings.DATABASES["default"]
    params = {"host": db["HOST"], "port": db["PORT"] or 5432, "user": db["USER"]}
    if db.get("PASSWORD"):
        params["password"] = db["PASSWORD"]
    with psycopg.connect(**params, dbname="postgres", autocommit=True) as admin:
        if not admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]
        ).fetchone():
            admin.execute(f'CREATE DATABASE "{db["NAME"]}"')
    call_command("migrate", verbosity=0)


def main() -> None:
    ensure_database()
    client = Client()
    response = client.get("/")
    assert response.status_code == 200, response.status_code
    for line in sys.stdin:
        if line.strip() == "ready":
            answer = {"page": f"bare `wagtail start` home page, {len(response.content)} bytes"}
        else:
            ms = median_ms(lambda: client.get("/"), int(line))
            answer = {"ms": ms, "queries": query_count(lambda: client.get("/"))}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
