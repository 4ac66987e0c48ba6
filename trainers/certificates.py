"""What the certificates of attendance (bookings.certificates) learn about trainers: who ran a
session, and which sessions a user teaches (they may download those certificates). Registered
in TrainersConfig.ready(), since bookings never imports trainers."""

from django.db.models import QuerySet

from bookings.certificates import TrainerDirectory, register_trainer_directory
from trainers.models import Assignment, AssignmentRole, AssignmentStatus


def trainer_names_for_session(session) -> list[str]:
    """The trainers who accepted the session, the lead trainer first."""
    accepted = Assignment.objects.filter(
        session=session, status=AssignmentStatus.ACCEPTED
    ).values_list("role", "trainer__name")
    return [
        name
        for _role, name in sorted(accepted, key=lambda row: (row[0] != AssignmentRole.LEAD, row[1]))
    ]


def session_ids_taught_by(user) -> QuerySet:
    return Assignment.objects.filter(trainer__user=user, status=AssignmentStatus.ACCEPTED).values(
        "session_id"
    )


def register() -> None:
    register_trainer_directory(
        TrainerDirectory(
            names_for_session=trainer_names_for_session,
            session_ids_for_user=session_ids_taught_by,
        )
    )
