"""Benchmarks: like production (no debug, real template caching) on a local PostgreSQL."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-insecure-key")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/iq_trainings_bench")
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")

from .base import *  # noqa: E402,F403

ALLOWED_HOSTS = ["*"]
