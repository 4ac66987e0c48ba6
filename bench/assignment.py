"""The ranked list of trainers for one session, with 500 trainers and 20,000 assignments.

Builds on the catalogue benchmark's data (`seed_demo --scale 1000`, about 10,000 sessions) and
adds, once per database, 500 trainers with certifications, a weekly working pattern and an
absence each (their expanded windows), and two assignments per session. Prints the median time
of `candidates_for_session` for an upcoming session and its number of queries. Targets: under
200 ms, and the same number of queries as with a handful of trainers.
"""

import random
import sys
from datetime import time, timedelta

from common import call_command, ensure_database, median_ms, query_count  # noqa: I001
from django.contrib.auth.models import User  # noqa: E402
from django.utils import timezone  # noqa: E402
from recurrence import WEEKLY, Recurrence, Rule  # noqa: E402

from catalogue.models import Language, Session, StateNetwork, Topic, TrainingPage  # noqa: E402
from catalogue.models.sessions import SessionStatus  # noqa: E402
from trainers.availability import HORIZON, KEEP_PAST, rule_windows  # noqa: E402
from trainers.models import (  # noqa: E402
    Assignment,
    AssignmentRole,
    AssignmentStatus,
    AvailabilityKind,
    AvailabilityRule,
    AvailabilityWindow,
    Certification,
    Trainer,
)
from trainers.selectors import candidates_for_session  # noqa: E402

SCALE = 1000
TRAINERS = 500
ASSIGNMENTS = 20_000
TARGET_MS = 200
PREFIX = "bench-trainer-"


def main() -> int:
    ensure_database()
    call_command("seed_demo", verbosity=0)
    missing = SCALE - TrainingPage.objects.filter(slug__startswith="skalierung-").count()
    if missing > 0:
        print(f"Seeding {missing} more trainings for the benchmark (once per database) ...")
        call_command("seed_demo", scale=missing, verbosity=0)
    rng = random.Random(2026)
    if Trainer.objects.filter(user__username__startswith=PREFIX).count() < TRAINERS:
        print(f"Seeding {TRAINERS} trainers and {ASSIGNMENTS} assignments (once per database) ...")
        seed(rng)
    print(
        f"Data: {Trainer.objects.count()} trainers, {Assignment.objects.count()} assignments, "
        f"{AvailabilityWindow.objects.count()} availability windows, "
        f"{Session.objects.count()} sessions"
    )

    session = (
        Session.objects.filter(
            status=SessionStatus.OPEN,
            starts_at__gte=timezone.now() + timedelta(days=14),
            training__slug__startswith="skalierung-",
        )
        .select_related("training__topic")
        .order_by("starts_at")
        .first()
    )
    candidates = candidates_for_session(session=session)
    eligible = sum(c.eligible for c in candidates)
    elapsed = median_ms(lambda: candidates_for_session(session=session), 15)
    queries = query_count(lambda: candidates_for_session(session=session))
    quiet = quiet_session(session)
    quiet_queries = query_count(lambda: candidates_for_session(session=quiet))
    print(
        f"ranked list for {session}: {len(candidates)} trainers, {eligible} eligible, "
        f"{elapsed:.1f} ms median, {queries} queries"
    )
    time_ok = elapsed < TARGET_MS
    queries_ok = queries == quiet_queries
    print(f"time {elapsed:.0f} ms (target < {TARGET_MS} ms): {'OK' if time_ok else 'MISSED'}")
    print(
        f"queries {queries} for a busy month, {quiet_queries} for a month without assignments "
        f"(target: the same): {'OK' if queries_ok else 'MISSED'}"
    )
    return 0 if time_ok and queries_ok else 1


def quiet_session(session: Session) -> Session:
    """A session far ahead, with few assignments and windows around it."""
    return (
        Session.objects.filter(starts_at__gte=session.starts_at + timedelta(days=700))
        .select_related("training__topic")
        .order_by("starts_at")
        .first()
        or session
    )


def seed(rng: random.Random) -> None:
    topics = list(Topic.objects.all())
    languages = list(Language.objects.all())
    existing = Trainer.objects.filter(user__username__startswith=PREFIX).count()
    users = User.objects.bulk_create(
        User(username=f"{PREFIX}{n}", email=f"{PREFIX}{n}@example.org", password="!")
        for n in range(existing, TRAINERS)
    )
    trainers = Trainer.objects.bulk_create(
        Trainer(
            user=user,
            name=f"Bench Trainer {user.username.removeprefix(PREFIX)}",
            states=rng.sample(StateNetwork.values, 3),
            online=rng.random() < 0.5,
        )
        for user in users
    )
    Trainer.languages.through.objects.bulk_create(
        Trainer.languages.through(trainer=trainer, language=language)
        for trainer in trainers
        for language in rng.sample(languages, rng.randint(1, len(languages)))
    )
    today = timezone.localdate()
    Certification.objects.bulk_create(
        Certification(
            trainer=trainer,
            topic=topic,
            issued_by="IQ",
            issued_on=today - timedelta(days=rng.randint(100, 900)),
            valid_until=today + timedelta(days=rng.randint(-30, 900)),
        )
        for trainer in trainers
        for topic in rng.sample(topics, 4)
    )
    rules = []
    for trainer in trainers:
        weekdays = sorted(rng.sample(range(5), rng.randint(3, 5)))
        rules.append(
            AvailabilityRule(
                trainer=trainer,
                kind=AvailabilityKind.WORKING,
                first_date=today - timedelta(days=today.weekday() + 7),
                start_time=time(8, 0),
                end_time=time(17, 0),
                recurrences=Recurrence(rrules=[Rule(WEEKLY, byday=weekdays)]),
                expanded_until=today + HORIZON,
            )
        )
        start = today + timedelta(days=rng.randint(0, 300))
        rules.append(
            AvailabilityRule(
                trainer=trainer,
                kind=AvailabilityKind.ABSENCE,
                first_date=start,
                last_date=start + timedelta(days=rng.randint(0, 13)),
                expanded_until=today + HORIZON,
            )
        )
    windows = []
    for rule in AvailabilityRule.objects.bulk_create(rules):
        windows += [
            AvailabilityWindow(
                rule=rule,
                trainer_id=rule.trainer_id,
                is_absence=rule.kind == AvailabilityKind.ABSENCE,
                start=window.start,
                end=window.end,
            )
            for window in rule_windows(
                first_date=rule.first_date,
                last_date=rule.last_date,
                start_time=rule.start_time,
                end_time=rule.end_time,
                recurrence=rule.recurrences,
                since=max(rule.first_date, today - KEEP_PAST),
                until=today + HORIZON,
            )
        ]
    AvailabilityWindow.objects.bulk_create(windows, batch_size=5000)
    assign(rng, [t.pk for t in Trainer.objects.filter(user__username__startswith=PREFIX)])


def assign(rng: random.Random, trainer_ids: list[int]) -> None:
    """Two assignments per session (lead and co-trainer), up to ASSIGNMENTS in all."""
    missing = ASSIGNMENTS - Assignment.objects.count()
    sessions = list(
        Session.objects.filter(assignments__isnull=True)
        .exclude(status=SessionStatus.CANCELLED)
        .values_list("pk", flat=True)[: max(missing, 0) // 2]
    )
    Assignment.objects.bulk_create(
        [
            Assignment(
                session_id=session_id,
                trainer_id=trainer_id,
                role=role,
                status=AssignmentStatus.ACCEPTED
                if rng.random() < 0.8
                else AssignmentStatus.PENDING,
            )
            for session_id in sessions
            for trainer_id, role in zip(
                rng.sample(trainer_ids, 2), (AssignmentRole.LEAD, AssignmentRole.CO), strict=True
            )
        ],
        batch_size=5000,
    )


if __name__ == "__main__":
    sys.exit(main())
