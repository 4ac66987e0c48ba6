"""Wiring only: trainers and their assignments show on the training pages, which are cached with
the catalogue, so a change to either replaces the cached catalogue reads."""

from django.db.models.signals import post_delete, post_save

from catalogue.caching import catalogue_changed
from trainers.models import Assignment, Trainer


def _changed(sender, **kwargs):
    catalogue_changed()


def connect() -> None:
    for model in (Trainer, Assignment):
        for signal in (post_save, post_delete):
            signal.connect(
                _changed, sender=model, dispatch_uid=f"trainers-{model.__name__}-{id(signal)}"
            )
