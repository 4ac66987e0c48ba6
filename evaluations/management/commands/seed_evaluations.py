"""Demo data for evaluations (called by seed_demo; safe to run again): for each held session,
the links of those present (not mailed) and answered questionnaires, most sessions above the
threshold of 5 answers, every fourth one below it."""

import random

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from bookings.models import Attendance, AttendanceStatus, BookingStatus
from catalogue.models import Session
from catalogue.models.sessions import SessionStatus
from evaluations.models import Answer, Invitation, InvitationKind
from evaluations.selectors import questionnaire_for_session
from evaluations.services import VALID_FOR, evaluation_url, token_hash

APPLY = [
    "Ich achte auf einfache Sprache in Bescheiden.",
    "Mehr nachfragen, bevor ich etwas voraussetze.",
    "Die Checkliste für Erstgespräche.",
    "Dolmetschdienste früher einplanen.",
    "Rückfragen im Team offen ansprechen.",
]
COMMENTS = [
    "Sehr praxisnah, gerne mehr Fallbeispiele.",
    "Der zweite Tag war etwas lang.",
    "Gute Mischung aus Input und Austausch.",
    "Die Materialien waren hilfreich.",
    "Mehr Zeit für Fragen wäre schön.",
]


class Command(BaseCommand):
    help = "Answered demo questionnaires for the held sessions."

    def handle(self, *args, **options):
        rng = random.Random(17)
        held = Session.objects.filter(status=SessionStatus.HELD).order_by("starts_at", "pk")
        present_by_session = dict(
            Attendance.objects.filter(
                occurrence__session__in=held.exclude(evaluation_invitations__isnull=False),
                occurrence__is_cancelled=False,
                status=AttendanceStatus.PRESENT,
                participant__booking__status=BookingStatus.CONFIRMED,
                participant__cancelled_at__isnull=True,
            )
            .values("occurrence__session")
            .annotate(present=Count("participant", distinct=True))
            .values_list("occurrence__session", "present")
        )
        seeded, open_link = 0, None
        for number, session_id in enumerate(held.values_list("pk", flat=True)):
            present = present_by_session.get(session_id)
            if not present:
                continue
            session = Session.objects.get(pk=session_id)
            below = number % 4 == 3
            answers = min(present, rng.randint(1, 4)) if below else round(present * 0.7)
            tokens = [f"demo-{session.pk}-{n}-{rng.getrandbits(64):x}" for n in range(present)]
            with transaction.atomic():
                self.seed(session, tokens, answers, rng)
            open_link = tokens[-1] if answers < present else open_link
            seeded += 1
        self.stdout.write(f"Demo evaluations ready: {seeded} held sessions with answers.")
        if open_link:
            self.stdout.write(f"A link still to answer: {evaluation_url(open_link, 'de')}")

    def seed(self, session, tokens, answers, rng) -> None:
        day = timezone.localtime(session.ends_at).date()
        Invitation.objects.bulk_create(
            Invitation(
                session=session,
                token_hash=token_hash(token),
                kind=InvitationKind.PERSONAL,
                expires_at=timezone.now() + VALID_FOR,
                used_on=day if number < answers else None,
            )
            for number, token in enumerate(tokens)
        )
        questionnaire = questionnaire_for_session(session)
        mood = rng.choice([(3, 5), (4, 5), (2, 5)])
        Answer.objects.bulk_create(
            Answer(
                session=session,
                questionnaire=questionnaire,
                submitted_on=day,
                values={
                    "overall": rng.randint(*mood),
                    "relevance": rng.randint(*mood),
                    "trainer": rng.randint(*mood),
                    "organisation": rng.randint(2, 5),
                    "recommend": rng.choice(["1", "1", "1", "2", "3"]),
                    **({"apply": rng.choice(APPLY)} if rng.random() < 0.6 else {}),
                    **({"comments": rng.choice(COMMENTS)} if rng.random() < 0.4 else {}),
                },
            )
            for _number in range(answers)
        )
