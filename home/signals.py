"""Wiring only: a change to the page tree, a site, a locale or a site setting makes the cached
routes, links, header and footer go (catalogue.caching, scope PAGES)."""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from catalogue.caching import pages_changed

PAGE_TREE_MODELS = (Page, Site, Locale, PageViewRestriction, BaseSiteSetting)


def _saved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, PAGE_TREE_MODELS):
        pages_changed()


def _changed(sender, **kwargs):
    pages_changed()


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(_saved_or_deleted, dispatch_uid=f"pages-{id(signal)}")
        signal.connect(_changed, sender=get_image_model(), dispatch_uid=f"pages-image-{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_changed, dispatch_uid=f"pages-{id(signal)}")
