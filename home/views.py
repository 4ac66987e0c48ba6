from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers, 503 when it does not (for the load balancer)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def login_elsewhere(request, default_next: str | None = None):
    """Wagtail's own login pages (admin and front end) send everyone to allauth's login, so
    that every login has the same email verification and rate limits. Nothing posted here is
    read: a password sent to the old form is never checked."""
    next_url = request.GET.get("next") or default_next
    url = reverse("account_login")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        url += "?" + urlencode({"next": next_url})
    return redirect(url)


def debug_media(request, path: str):
    """Media files under DEBUG (`make run`), except documents: those go through Wagtail's serve
    view, which keeps private ones private. The path is resolved before it is checked, so no
    spelling (./, //, .., %2e, other letter case) reaches documents/ by another way."""
    root = Path(settings.MEDIA_ROOT).resolve()
    target = (root / path).resolve()
    if target != root and root not in target.parents:
        raise Http404
    relative = target.relative_to(root)
    if not relative.parts or relative.parts[0].lower() == "documents":
        raise Http404
    return serve(request, relative.as_posix(), document_root=root)
