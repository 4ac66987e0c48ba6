"""The floor: the home page of a bare `wagtail start` project with our Wagtail, on the same
PostgreSQL (its own database), timed exactly like our pages (Django test client, DEBUG off,
medians). One process cannot host two Django projects, so the floor runs in a child process
with the bare project's settings, and answers one timing per line asked for.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "floor"
SETTINGS = """from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "floor-bench-only"
ALLOWED_HOSTS = ["*"]
DATABASES = {{"default": {database!r}}}
"""


class Floor:
    """`with Floor(database) as floor: floor.time(repeat)` -> (median ms, queries)."""

    def __init__(self, database: dict):
        self.database = {
            key: database[key]
            for key in ("ENGINE", "HOST", "PORT", "USER", "PASSWORD", "OPTIONS")
            if key in database
        } | {
            "NAME": f"{database['NAME']}_floor",
            "CONN_MAX_AGE": database.get("CONN_MAX_AGE", 0),
            "CONN_HEALTH_CHECKS": database.get("CONN_HEALTH_CHECKS", False),
        }

    def __enter__(self) -> "Floor":
        self.folder = tempfile.TemporaryDirectory(prefix="wagtail-floor-")
        folder = Path(self.folder.name)
        wagtail = Path(sys.executable).with_name("wagtail")
        subprocess.run([wagtail, "start", PROJECT, folder], check=True, capture_output=True)
        (folder / PROJECT / "settings" / "bench.py").write_text(
            SETTINGS.format(database=self.database)
        )
        environment = {**os.environ, "DJANGO_SETTINGS_MODULE": f"{PROJECT}.settings.bench"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.floor_worker", folder],
            cwd=ROOT,
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.description = self._ask("ready")["page"]
        return self

    def _ask(self, line: str) -> dict:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError("The floor's process ended; see its output above.")
        return json.loads(answer)

    def time(self, repeat: int) -> tuple[float, int]:
        answer = self._ask(str(repeat))
        return answer["ms"], answer["queries"]

    def __exit__(self, *exc_info) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.folder.cleanup()
