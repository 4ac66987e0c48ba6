"""The production entry point (what gunicorn loads) imports every view before the first
request and keeps what it loaded out of the garbage collector's work."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import gc, sys
import wsgi
assert callable(wsgi.application)
assert "bookings.views" in sys.modules, "the URL patterns' views are not imported yet"
assert gc.get_freeze_count() > 100_000, gc.get_freeze_count()
"""


def test_the_wsgi_application_loads_its_views_and_freezes_them():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.test",
        "PYTHONPATH": str(ROOT / "site"),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
