"""Cached catalogue reads, invalidated on every catalogue change.

Keys carry a version token that `catalogue_changed()` replaces, so a change is seen at once by
every process sharing the cache (Redis in production), and a minute bucket where reads depend on
the clock, so a process with a local cache sees a change within a minute at the latest.
"""

import hashlib
import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "catalogue:version"
TIMEOUT = 300
T = TypeVar("T")


def cached(parts: tuple, compute: Callable[[], T], *, per_minute: bool = False) -> T:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY, version)
    minute = int(time.time() // 60) if per_minute else 0
    key = "catalogue:" + hashlib.sha256(repr((version, minute, *parts)).encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def catalogue_changed() -> None:
    """Forget every cached catalogue read: now, and again once the current transaction commits
    (a read between the two may have cached what is about to change)."""
    cache.delete(VERSION_KEY)
    transaction.on_commit(lambda: cache.delete(VERSION_KEY))
