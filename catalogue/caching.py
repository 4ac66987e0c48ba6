"""Cached reads, invalidated by a version token per scope.

Keys carry the scope's version token, which `catalogue_changed()` (sessions, trainings,
taxonomy, view restrictions) or `pages_changed()` (any page published, unpublished, moved or
deleted, view restrictions, sites, site settings) replaces, so a change is seen at once by every
process sharing the cache (Redis in production); and a minute bucket where reads depend on the
clock, so a process with a local cache sees a change within a minute at the latest. Reads that
show or filter by free places also carry the SEATS token, which every booking replaces
(`seats_changed()`): a booking leaves the rest of the catalogue cached.
"""

import hashlib
import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

CATALOGUE = "catalogue"
PAGES = "pages"
SEATS = "seats"
TIMEOUT = 300
T = TypeVar("T")


def version(scope: str = CATALOGUE) -> str:
    key = f"{scope}:version"
    token = cache.get(key)
    if token is None:
        token = uuid.uuid4().hex
        if not cache.add(key, token, None):
            token = cache.get(key, token)
    return token


def cached(
    parts: tuple,
    compute: Callable[[], T],
    *,
    per_minute: bool = False,
    scope: str = CATALOGUE,
    with_seats: bool = False,
) -> T:
    """`with_seats`: the value shows or filters by free places, so a booking replaces it."""
    minute = int(time.time() // 60) if per_minute else 0
    seats = version(SEATS) if with_seats else None
    key = (
        f"{scope}:"
        + hashlib.sha256(repr((version(scope), seats, minute, *parts)).encode()).hexdigest()
    )
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def _forget(scope: str) -> None:
    """Now, and again once the current transaction commits (a read between the two may have
    cached what is about to change)."""
    key = f"{scope}:version"
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def catalogue_changed() -> None:
    """Forget every cached catalogue read."""
    _forget(CATALOGUE)


def seats_changed() -> None:
    """Forget the cached reads that show or filter by free places."""
    _forget(SEATS)


def pages_changed() -> None:
    """Forget every cached read of the page tree: routes, links, header and footer."""
    _forget(PAGES)


class CachedViewRestrictionsMixin:
    """For pages: their view restrictions (their own and their ancestors') are looked up once
    per change of the page tree, so a page without any, nearly all, costs no query for them."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        def restricted_pages() -> list[int]:
            restrictions = super(CachedViewRestrictionsMixin, self).get_view_restrictions()
            return list(restrictions.values_list("page_id", flat=True))

        if self.pk is None:  # a page not yet saved (a preview): nothing to share
            return super().get_view_restrictions()
        restricted = cached(("view-restrictions", self.pk), restricted_pages, scope=PAGES)
        if not restricted:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=restricted)


class CachedChildRoutesMixin:
    """For pages with children, placed right before `Page`: the child a URL segment names is
    looked up once per change of the page tree (the specific page, from the cache), not with
    two queries on every request."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        from django.http import Http404

        slug, remaining = path_components[0], path_components[1:]

        def child():
            found = self.get_children().filter(slug=slug).first()
            return found.specific if found else None

        subpage = cached(("child", self.pk, slug), child, scope=PAGES)
        if subpage is None:
            raise Http404
        subpage._cached_parent_obj = self  # its URL needs the parent; saves that query too
        return subpage.route(request, remaining)
