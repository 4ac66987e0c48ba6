from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Page, Site

from catalogue.models import CatalogueIndexPage
from home.models import HomePage, SiteSettings


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language, as a new process does: a test client's
    request to an English page leaves English active in the thread afterwards."""
    with translation.override(django_settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def site_tree(db):
    """German home and catalogue with their English translations, as `seed_demo` builds them."""
    german = Locale.objects.get_or_create(language_code="de")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    # Transactional tests flush the tables, including the root page the migrations made.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=german)
    )
    home = root.add_child(instance=HomePage(title="Start", slug="start-test"))
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.save()
    SiteSettings.for_site(site)
    index = home.add_child(instance=CatalogueIndexPage(title="Schulungen", slug="schulungen"))
    index.save_revision().publish()
    home_en = home.copy_for_translation(english)
    home_en.slug = "start-test-en"
    home_en.title = "Home"
    home_en.save_revision().publish()
    index_en = index.copy_for_translation(english)
    index_en.title = "Trainings"
    index_en.slug = "trainings"
    index_en.save_revision().publish()
    home_en.refresh_from_db()
    index_en.refresh_from_db()
    return SimpleNamespace(home=home, index=index, home_en=home_en, index_en=index_en)


@pytest.fixture
def explanation_pages(site_tree):
    """The pages in Leichte Sprache and German Sign Language (no video yet), in German and
    English, set in the site settings as `seed_demo` does."""
    from home.models import SignLanguagePage, StandardPage

    def add(page, english_title, english_slug):
        site_tree.home.add_child(instance=page)
        page.save_revision().publish()
        translation = page.copy_for_translation(Locale.objects.get(language_code="en"))
        translation.title, translation.slug = english_title, english_slug
        translation.save_revision().publish()
        return page, translation

    easy, easy_en = add(
        StandardPage(
            title="Leichte Sprache",
            slug="leichte-sprache",
            body=[("text", "<h2>Was gibt es hier?</h2><p>Hier gibt es Schulungen.</p>")],
        ),
        "Easy-to-read",
        "easy-to-read",
    )
    sign, sign_en = add(
        SignLanguagePage(
            title="Gebärdensprache",
            slug="gebaerdensprache",
            transcript="<h3>Was bietet die Website?</h3><p>Schulungen für Jobcenter.</p>",
        ),
        "German Sign Language",
        "german-sign-language",
    )
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.easy_language_page, site_settings.sign_language_page = easy, sign
    site_settings.save()
    return SimpleNamespace(easy=easy, easy_en=easy_en, sign=sign, sign_en=sign_en)


@pytest.fixture
def fake_oembed(settings):
    """A video site's oEmbed endpoint on a local port, the site's only embed provider."""
    from tests.home.fake_oembed import FakeOembed

    fake = FakeOembed()
    fake.start()
    settings.WAGTAILEMBEDS_FINDERS = fake.finders()
    yield fake
    fake.stop()
