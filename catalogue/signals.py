"""Cache invalidation only: catalogue content changed, so cached listings must go."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from catalogue.caching import catalogue_changed
from catalogue.models import Language, TargetGroup, Topic, TrainingPage


def _changed(sender, **kwargs):
    catalogue_changed()


def _page_moved(sender, instance, **kwargs):
    if isinstance(instance.specific_deferred, TrainingPage):
        catalogue_changed()


def connect() -> None:
    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(_changed, sender=TrainingPage, dispatch_uid=f"catalogue-{id(signal)}")
    post_page_move.connect(_page_moved, dispatch_uid="catalogue-page-moved")
    for model in (Topic, TargetGroup, Language):
        for signal in (post_save, post_delete):
            signal.connect(
                _changed, sender=model, dispatch_uid=f"catalogue-{model.__name__}-{id(signal)}"
            )
