"""English pages speak English: every page a visitor, a booker and a trainer reach from the
English start pages over the demo data shows no German interface text and German dates. Content
the people themselves wrote in German (material titles, availability notes) and addresses are not interface."""

import html
import re
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from catalogue.models import Material
from trainers.models import AvailabilityRule

pytestmark = pytest.mark.django_db
GERMAN = re.compile(
    r"\b(und|der|die|das|nicht|Sie|Ihre?|Termine?|Schulung(en)?|Buchung(en)?|storniert|"
    r"abgesagt|Teilnehmende|Einsatz|Einsätze|Warteliste|Plätze|bestätigt|Landesnetzwerk|"
    r"Rechnung|Zurück|Speichern|Uhr|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember|"
    r"Montag|Dienstag|Mittwoch|Donnerstag|Freitag)\b"
)
SKIP = ("/en/admin", "/en/accounts/logout", "/static/", "/media/", "/documents/")
LINK = re.compile(r'href="(/en/[^"#]*)"')


def interface_text(page: str, content: list[str]) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r'<(\w+)[^>]*\blang="de"[^>]*>.*?</\1>', " ", page, flags=re.S)  # "Deutsch"
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    text = re.sub(r"\S+@\S+|https?://\S+", " ", text)
    for written in content:
        text = text.replace(written, " ")
    return text


def crawl(client, start) -> dict[str, str]:
    seen, queue, pages = set(), list(start), {}
    while queue:
        url = urldefrag(queue.pop())[0]
        path = urlsplit(url).path
        if path in seen or path.startswith(SKIP) or path.endswith((".ics", "/pdf/", "/xml/")):
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        pages[path] = response.content.decode()
        queue += LINK.findall(pages[path])
    return pages


def test_english_pages_show_no_german_interface_text():
    call_command("seed_demo", verbosity=0)
    content = [
        *Material.objects.values_list("title", flat=True),
        *AvailabilityRule.objects.exclude(note="").values_list("note", flat=True),
    ]
    users = get_user_model().objects
    visitors = [(Client(), ["/en/", "/en/trainings/", "/en/accounts/login/"])]
    for email in ("booker@example.org", "trainer@example.org"):
        client = Client()
        client.force_login(users.get(email=email))
        visitors.append((client, ["/en/account/", "/en/account/trainer/"]))

    found, crawled = {}, 0
    for client, start in visitors:
        pages = crawl(client, start)
        crawled += len(pages)
        for path, page in pages.items():
            words = sorted({m.group(0) for m in GERMAN.finditer(interface_text(page, content))})
            if words:
                found[path] = words

    assert crawled > 60  # the crawl reached the catalogue, sessions, bookings and the portal
    assert found == {}
