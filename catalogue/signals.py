"""Wiring only: catalogue content changed, so cached listings must go (a view restriction too:
it decides whose sessions are public); a training published, unpublished or its topic renamed
changes what the search finds; a page copied for translation is recorded as translated."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_unpublished,
    post_page_move,
)

from catalogue.caching import catalogue_changed
from catalogue.models import Language, TargetGroup, Topic, TrainingPage
from catalogue.services import topic_search_update, training_search_update, translation_copied


def _changed(sender, **kwargs):
    catalogue_changed()


def _training_live_changed(sender, instance, **kwargs):
    training_search_update(page=instance)


def _topic_saved(sender, instance, **kwargs):
    topic_search_update(topic=instance)


def _page_moved(sender, instance, **kwargs):
    if isinstance(instance.specific_deferred, TrainingPage):
        catalogue_changed()


def _copied_for_translation(sender, source_obj, target_obj, **kwargs):
    if isinstance(target_obj, Page):
        translation_copied(page=target_obj)


def connect() -> None:
    copy_for_translation_done.connect(_copied_for_translation, dispatch_uid="catalogue-copied")
    # Before the cache is told: a listing cached after the change must find the new words.
    for signal in (page_published, page_unpublished):
        signal.connect(
            _training_live_changed, sender=TrainingPage, dispatch_uid=f"search-{id(signal)}"
        )
    post_save.connect(_topic_saved, sender=Topic, dispatch_uid="search-topic")
    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(_changed, sender=TrainingPage, dispatch_uid=f"catalogue-{id(signal)}")
    post_page_move.connect(_page_moved, dispatch_uid="catalogue-page-moved")
    for model in (Topic, TargetGroup, Language, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(
                _changed, sender=model, dispatch_uid=f"catalogue-{model.__name__}-{id(signal)}"
            )
