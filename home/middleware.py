"""For Wagtail's page serving: the request's site, with its root page, from the cache (scope
PAGES) instead of two queries per request. Other views (health check, media, accounts) are left
alone: they need no site, or look it up themselves."""

from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.views import serve

from catalogue.caching import PAGES, cached


def _site_for(request) -> Site | None:
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific  # `.specific` then costs nothing either
    return site


class CachedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not serve:
            return None
        try:
            hostname = split_domain_port(request.get_host())[0]
            site = cached(
                ("site", hostname, request.get_port()), lambda: _site_for(request), scope=PAGES
            )
        except (DisallowedHost, DatabaseError):
            return None  # Wagtail finds the site, or fails, as it always does
        if site is not None:
            request._wagtail_site = site
        return None
