"""What the certificates of attendance (bookings.certificates) learn about trainers: who ran a
session, and which sessions a user teaches (they may download those certificates). Registered
in TrainersConfig.ready(), since bookings never imports trainers."""

from django.db.models import QuerySet

from bookings.certificates import TrainerDirectory, register_trainer_directory
from trainers.models import Assignment, AssignmentRole, AssignmentStatus


def trainer_names_for_session(session) -> list[str]:
    """The trainers who accepted the session, the lead trainer first."""
    return trainer_names_for_sessions([session.pk]).get(session.pk, [])


def trainer_names_for_sessions(session_ids) -> dict[int, list[str]]:
    """The same for many sessions, in one query: session id -> names."""
    accepted = Assignment.objects.filter(
        session_id__in=session_ids, status=AssignmentStatus.ACCEPTED
    ).values_list("session_id", "role", "trainer__name")
    names: dict[int, list[str]] = {}
    for session_id, _role, name in sorted(
        accepted, key=lambda row: (row[0], row[1] != AssignmentRole.LEAD, row[2])
    ):
        names.setdefault(session_id, []).append(name)
    return names


def session_ids_taught_by(user) -> QuerySet:
    return Assignment.objects.filter(trainer__user=user, status=AssignmentStatus.ACCEPTED).values(
        "session_id"
    )


def register() -> None:
    register_trainer_directory(
        TrainerDirectory(
            names_for_session=trainer_names_for_session,
            names_for_sessions=trainer_names_for_sessions,
            session_ids_for_user=session_ids_taught_by,
        )
    )
