"""The online access (meeting links, dial-in and codes) never reaches a public page: every page,
calendar and feed a visitor can reach from the start pages and the sitemap, in both languages,
is crawled over the demo data, whose online sessions all have links on meet.example.org."""

import re
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command

from bookings.models import Booking, BookingStatus
from catalogue.models import Session

pytestmark = pytest.mark.django_db
PRIVATE = ("meet.example.org", "Meeting-ID", "Kenncode")
NOT_PUBLIC = ("/admin", "/account/", "/en/account/", "/accounts/", "/en/accounts/", "/_util/")
ASSETS = ("/static/", "/media/", "/documents/", "/i18n/", "/jsi18n/")
LINK = re.compile(r'(?:href|src)="([^"#]*)"')
SITEMAP_URL = re.compile(r"<loc>([^<]+)</loc>")


def crawl(client, start):
    seen, queue, pages = set(), list(start), {}
    while queue:
        url = urldefrag(queue.pop())[0]
        parts = urlsplit(url)
        if parts.netloc not in ("", "testserver", "127.0.0.1:8000"):
            continue
        path = parts.path + (f"?{parts.query}" if parts.path.endswith("/feed/") else "")
        if path in seen or path.startswith(NOT_PUBLIC + ASSETS) or not path.startswith("/"):
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200:
            continue
        text = response.content.decode()
        pages[path] = text
        queue += LINK.findall(text) + SITEMAP_URL.findall(text)
    return pages


def test_no_public_page_calendar_or_feed_shows_a_meeting_link(client):
    call_command("seed_demo")
    online = Session.objects.filter(online=True).exclude(meeting_url="")
    assert online.count() > 20
    assert all("meet.example.org" in s.meeting_url and s.access_notes for s in online)

    pages = crawl(client, ["/", "/en/", "/sitemap.xml", "/schulungen/feed/", "/en/trainings/feed/"])

    leaks = [path for path, text in pages.items() if any(secret in text for secret in PRIVATE)]
    assert leaks == []
    # The crawl reached what an attacker would look at: the online sessions' pages and their
    # calendars in both languages, and the feed.
    session_pages = [p for p in pages if re.search(r"/sessions/\d+/$", p)]
    calendars = [p for p in pages if p.endswith("/calendar/")]
    online_ids = {str(pk) for pk in online.values_list("pk", flat=True)}
    reached = {p.rstrip("/").split("/")[-1] for p in session_pages} & online_ids
    assert len(reached) > 10
    assert any(p.startswith("/en/") for p in session_pages)
    assert len(calendars) > 20
    assert any("/feed/" in p and "BEGIN:VCALENDAR" in pages[p] for p in pages)

    # The link is there for whom it is meant: the demo booker's confirmed online booking.
    booking = Booking.objects.get(
        session__online=True, status=BookingStatus.CONFIRMED, created_by__username="booker"
    )
    assert "meet.example.org" in booking.session.meeting_url
    client.force_login(booking.created_by)
    page = client.get(f"/account/bookings/{booking.reference}/").content.decode()
    assert booking.session.meeting_url in page
