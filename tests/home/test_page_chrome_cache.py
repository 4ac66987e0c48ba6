"""A standard page costs a handful of queries: the header, the footer, the language links, the
site and the view restrictions come from the cache; a change to a page, a site setting or a
view restriction is seen on the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction, Site

from home.models import SiteSettings, StandardPage

pytestmark = pytest.mark.django_db

STANDARD_PAGE_QUERIES = 5


@pytest.fixture
def imprint(site_tree):
    page = site_tree.home.add_child(
        instance=StandardPage(title="Impressum", slug="impressum", body=[("text", "<p>IQ</p>")])
    )
    page.save_revision().publish()
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.slug = "Imprint", "imprint"
    english.save_revision().publish()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.imprint_page = page
    settings.save()
    return page


def test_a_standard_page_runs_at_most_five_queries_once_cached(client, imprint):
    for url in ("/impressum/", "/en/imprint/"):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert len(queries) <= STANDARD_PAGE_QUERIES, [q["sql"][:120] for q in queries]


def test_the_footer_and_language_links_follow_a_published_change(client, imprint):
    german = client.get("/impressum/").content.decode()
    assert '<a href="/impressum/">Impressum</a>' in german
    assert 'href="/en/imprint/"' in german

    revision = imprint.get_latest_revision_as_object()
    revision.title = "Impressum und Kontakt"
    revision.save_revision().publish()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "kontakt@example.org"
    settings.save()

    changed = client.get("/").content.decode()
    assert '<a href="/impressum/">Impressum und Kontakt</a>' in changed
    assert "mailto:kontakt@example.org" in changed

    english = imprint.get_translation(Locale.objects.get(language_code="en"))
    english.unpublish()
    assert 'href="/en/imprint/"' not in client.get("/impressum/").content.decode()


def test_a_view_restriction_added_later_still_applies(client, imprint):
    assert client.get("/impressum/").status_code == 200

    PageViewRestriction.objects.create(page=imprint, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/impressum/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
