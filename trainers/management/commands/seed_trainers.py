"""Demo trainers (called by seed_demo by name; safe to run again): the demo trainer account
trainer@example.org with certifications, availability and assignments, four more trainers, and
the programme staff's permissions for trainers, certificates and attendance."""

from datetime import date, time, timedelta

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
# username, email, name, states, online, languages, bio (de), bio (en), weekdays
TRAINERS = [
    (
        "trainer",
        "trainer@example.org",
        "Dr. Leyla Demir",
        ["SN", "BE", "BB", "ST", "TH"],
        True,
        ["de", "en"],
        "Trainerin für interkulturelle Kompetenz und Antidiskriminierung, seit 2012 im "
        "IQ Netzwerk.",
        "Trainer in intercultural competence and anti-discrimination, in the IQ network since "
        "2012.",
        [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY],
    ),
    (
        "trainer-jonas",
        "jonas.weber@example.org",
        "Jonas Weber",
        ["BY", "BW"],
        False,
        ["de"],
        "Diversity-Trainer mit Schwerpunkt kleine und mittlere Unternehmen.",
        "Diversity trainer focused on small and medium-sized enterprises.",
        [MONDAY, TUESDAY, WEDNESDAY],
    ),
    (
        "trainer-amira",
        "amira.haddad@example.org",
        "Amira Haddad",
        ["NW", "NI", "HB"],
        True,
        ["de", "en"],
        "Beraterin und Trainerin für sprachsensible Beratung in Jobcentern.",
        "Consultant and trainer for language-sensitive counselling in job centres.",
        [TUESDAY, WEDNESDAY, THURSDAY, FRIDAY],
    ),
    (
        "trainer-piotr",
        "piotr.nowak@example.org",
        "Piotr Nowak",
        ["HH", "SH", "MV"],
        False,
        ["de"],
        "Trainer für „Deutsch am Arbeitsplatz“ und interkulturelle Teamarbeit.",
        "Trainer for “German at Work” and intercultural teamwork.",
        [MONDAY, WEDNESDAY, FRIDAY],
    ),
    (
        "trainer-sofia",
        "sofia.rossi@example.org",
        "Sofia Rossi",
        ["HE", "RP", "SL", "BE"],
        True,
        ["de", "en"],
        "Trainerin für Antidiskriminierung nach dem AGG in Verwaltungen.",
        "Trainer for anti-discrimination under the AGG in public administrations.",
        [MONDAY, TUESDAY, THURSDAY],
    ),
]


class Command(BaseCommand):
    help = "Create demo trainers with certifications, availability and assignments."

    @transaction.atomic
    def handle(self, *args, **options):
        languages = {language.code: language for language in Language.objects.all()}
        topics = list(Topic.objects.all())
        trainers = [self.trainer(row, languages, topics) for row in TRAINERS]
        created = self.assignments(trainers[0])
        self.stdout.write(f"Demo trainers ready: {len(trainers)}, {created} new assignments.")

    def trainer(self, row, languages, topics) -> Trainer:
        username, email, name, states, online, codes, bio, bio_en, weekdays = row
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
                "name": name,
                "states": states,
                "online": online,
                "bio": bio,
                "bio_en": bio_en,
                "show_on_training_pages": True,
            },
        )
        if not created:
            return trainer
        trainer.languages.set([languages[code] for code in codes if code in languages])
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
                recurrences=Recurrence(rrules=[Rule(WEEKLY, byday=weekdays)]),
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
        """The demo trainer runs three upcoming sessions and is asked about a fourth."""
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
        return created
