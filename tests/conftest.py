from types import SimpleNamespace

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from catalogue.models import CatalogueIndexPage
from home.models import HomePage, SiteSettings


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


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
