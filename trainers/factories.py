"""Test and benchmark data for trainers."""

from datetime import date, time, timedelta

import factory
from factory.django import DjangoModelFactory
from recurrence import FRIDAY, MONDAY, THURSDAY, TUESDAY, WEDNESDAY, WEEKLY, Recurrence, Rule

from bookings.factories import UserFactory
from catalogue.models import Topic
from trainers.models import AvailabilityKind, AvailabilityRule, Certification, Trainer
from trainers.services import availability_rule_save

WORKING_DAYS = [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]


class TrainerFactory(DjangoModelFactory):
    class Meta:
        model = Trainer

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Trainerin {n:03d}")
    states = factory.LazyFunction(lambda: ["BE"])


def certify(
    trainer: Trainer,
    topic: Topic,
    *,
    issued_on: date | None = None,
    valid_until: date | None = None,
) -> Certification:
    return Certification.objects.create(
        trainer=trainer,
        topic=topic,
        issued_by="IQ Fachstelle",
        issued_on=issued_on or date(2020, 1, 1),
        valid_until=valid_until or date(2040, 12, 31),
    )


def working_pattern(
    trainer: Trainer,
    *,
    first_date: date | None = None,
    weekdays=None,
    start: time = time(8, 0),
    end: time = time(17, 0),
) -> AvailabilityRule:
    """A weekly pattern (default Monday to Friday, 08:00–17:00) from `first_date` on."""
    first_date = first_date or date.today() - timedelta(days=30)
    return availability_rule_save(
        rule=AvailabilityRule(
            trainer=trainer,
            kind=AvailabilityKind.WORKING,
            first_date=first_date,
            start_time=start,
            end_time=end,
            recurrences=Recurrence(rrules=[Rule(WEEKLY, byday=weekdays or WORKING_DAYS)]),
        ),
        by=None,
    )


def absence(trainer: Trainer, first_date: date, last_date: date | None = None) -> AvailabilityRule:
    return availability_rule_save(
        rule=AvailabilityRule(
            trainer=trainer,
            kind=AvailabilityKind.ABSENCE,
            first_date=first_date,
            last_date=last_date,
        ),
        by=None,
    )


def make_trainer(*, topic: Topic | None = None, languages=(), **fields) -> Trainer:
    """An active trainer, certified for `topic`, working Monday to Friday 08:00–17:00."""
    trainer = TrainerFactory(**fields)
    if languages:
        trainer.languages.set(languages)
    if topic is not None:
        certify(trainer, topic)
    working_pattern(trainer)
    return trainer
