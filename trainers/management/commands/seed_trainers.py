"""Demo trainers (called by seed_demo by name; safe to run again), from trainers/demo/: the demo
trainer account trainer@example.org with certifications, availability and assignments, and four
more trainers."""

import json
from datetime import date, time, timedelta
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from recurrence import (
    FRIDAY,
    MONDAY,
    THURSDAY,
    TUESDAY,
    WEDNESDAY,
    WEEKLY,
    YEARLY,
    Recurrence,
    Rule,
)

from catalogue.models import Language, Session, Topic
from catalogue.models.sessions import SessionStatus
from trainers import selectors
from trainers.models import (
    Assignment,
    AssignmentRole,
    AssignmentStatus,
    AvailabilityKind,
    AvailabilityRule,
    Certification,
    Trainer,
)
from trainers.services import availability_rule_save

DEMO_PASSWORD = "iq-demo-2026"
# The demo trainers (name, states, languages, bios, working days) are data.
DATA = json.loads(
    (Path(__file__).resolve().parents[2] / "demo" / "trainers.json").read_text(encoding="utf-8")
)
WEEKDAYS = {"MO": MONDAY, "TU": TUESDAY, "WE": WEDNESDAY, "TH": THURSDAY, "FR": FRIDAY}


class Command(BaseCommand):
    help = "Create demo trainers with certifications, availability and assignments."

    @transaction.atomic
    def handle(self, *args, **options):
        languages = {language.code: language for language in Language.objects.all()}
        topics = list(Topic.objects.all())
        trainers = [self.trainer(row, languages, topics) for row in DATA["trainers"]]
        created = self.assignments(trainers[0])
        self.stdout.write(f"Demo trainers ready: {len(trainers)}, {created} new assignments.")

    def trainer(self, row, languages, topics) -> Trainer:
        username, email = row["username"], row["email"]
        user, created = User.objects.get_or_create(username=username, defaults={"email": email})
        if created:
            if username == "trainer":
                user.set_password(DEMO_PASSWORD)
            else:
                user.set_unusable_password()
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        trainer, created = Trainer.objects.get_or_create(
            user=user,
            defaults={
                "name": row["name"],
                "states": row["states"],
                "online": row["online"],
                "bio": row["bio"],
                "bio_en": row["bio_en"],
                "show_on_training_pages": True,
            },
        )
        if not created:
            return trainer
        trainer.languages.set([languages[code] for code in row["languages"] if code in languages])
        today = timezone.localdate()
        for number, topic in enumerate(topics):
            # The demo trainer's first certification expires soon: the reminder has work to do.
            soon = username == "trainer" and number == 0
            Certification.objects.create(
                trainer=trainer,
                topic=topic,
                issued_by="IQ Fachstelle Interkulturelle Kompetenzentwicklung",
                issued_on=today - timedelta(days=400),
                valid_until=today + timedelta(days=45 if soon else 730),
            )
        monday = today - timedelta(days=today.weekday() + 364)
        availability_rule_save(
            rule=AvailabilityRule(
                trainer=trainer,
                kind=AvailabilityKind.WORKING,
                first_date=monday,
                start_time=time(8, 0),
                end_time=time(17, 0),
                recurrences=Recurrence(
                    rrules=[Rule(WEEKLY, byday=[WEEKDAYS[day] for day in row["working_days"]])]
                ),
                note="Kernarbeitszeit",
            ),
            by=None,
        )
        availability_rule_save(
            rule=AvailabilityRule(
                trainer=trainer,
                kind=AvailabilityKind.ABSENCE,
                first_date=date(today.year - 1, 12, 24),
                last_date=date(today.year, 1, 6),
                recurrences=Recurrence(rrules=[Rule(YEARLY)]),
                note="Weihnachten und Neujahr",
            ),
            by=None,
        )
        return trainer

    def assignments(self, trainer: Trainer) -> int:
        """The demo trainer runs three upcoming sessions, is asked about a fourth, and ran the
        three latest sessions held (their feedback shows in the portal)."""
        if Assignment.objects.filter(trainer=trainer).exists():
            return 0
        upcoming = (
            Session.objects.filter(
                status=SessionStatus.OPEN, starts_at__gte=timezone.now(), is_private=False
            )
            .select_related("training__topic")
            .order_by("starts_at")[:60]
        )
        created = 0
        for session in upcoming:
            if created == 4:
                break
            if selectors.refusals(session=session, trainer=trainer):
                continue
            Assignment.objects.create(
                session=session,
                trainer=trainer,
                role=AssignmentRole.LEAD,
                status=AssignmentStatus.ACCEPTED if created < 3 else AssignmentStatus.PENDING,
            )
            created += 1
        for session in Session.objects.filter(status=SessionStatus.HELD).order_by("-starts_at")[:3]:
            Assignment.objects.create(
                session=session,
                trainer=trainer,
                role=AssignmentRole.LEAD,
                status=AssignmentStatus.ACCEPTED,
            )
            created += 1
        return created
