"""Test and benchmark data for the catalogue."""

from datetime import date, time

import factory
from factory.django import DjangoModelFactory
from recurrence import Recurrence
from wagtail.models import Locale

from catalogue.models import (
    CatalogueIndexPage,
    Language,
    Session,
    StateNetwork,
    TargetGroup,
    Topic,
    TrainingPage,
    Venue,
)
from catalogue.models.sessions import SessionStatus
from catalogue.services import session_save


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.Sequence(lambda n: f"Thema {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")


class TargetGroupFactory(DjangoModelFactory):
    class Meta:
        model = TargetGroup
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"group-{n}")
    name = factory.Sequence(lambda n: f"Zielgruppe {n}")
    name_en = factory.Sequence(lambda n: f"Target group {n}")


class LanguageFactory(DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ("code",)

    code = "de"
    name = "Deutsch"
    name_en = "German"


class VenueFactory(DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Seminarhaus {n}")
    street = "Hauptstraße 1"
    postcode = "10115"
    city = "Berlin"
    state = StateNetwork.BE


def make_training(index: CatalogueIndexPage, **fields) -> TrainingPage:
    """A live training page under `index`."""
    languages = fields.pop("languages", None) or [LanguageFactory()]
    target_groups = fields.pop("target_groups", [])
    number = TrainingPage.objects.count() + 1
    defaults = {
        "title": f"Schulung {number}",
        "slug": f"schulung-{number}",
        "summary": "Eine Schulung.",
        "topic": fields.pop("topic", None) or TopicFactory(),
        "units": 8,
        "days": 1,
    }
    page = TrainingPage(**{**defaults, **fields})
    page.languages = languages
    page.target_groups = target_groups
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate_training(page: TrainingPage, language_code: str, **fields) -> TrainingPage:
    locale = Locale.objects.get_or_create(language_code=language_code)[0]
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def make_session(training: TrainingPage, **fields) -> Session:
    """A session saved through the catalogue service, so its occurrences exist."""
    defaults = {
        "state": StateNetwork.BE,
        "venue": None if fields.get("online") else VenueFactory(),
        "capacity": 12,
        "language": LanguageFactory(),
        "status": SessionStatus.OPEN,
        "first_date": date(2030, 3, 4),
        "start_time": time(9, 0),
        "end_time": time(12, 0),
        "recurrences": Recurrence(),
    }
    # Tests build sessions in any status, as a history import would.
    return session_save(
        session=Session(training=training, **{**defaults, **fields}), status_change=True
    )
