"""Background work for trainers (django-tasks): emails after commit and the daily jobs.

The daily jobs run from cron or a scheduler as `manage.py send_certification_reminders` and
`manage.py extend_availability`, or by enqueueing these tasks for a worker.
"""

from django_tasks import task


@task()
def send_trainer_invitation(*, trainer_id: int, new_account: bool) -> None:
    from trainers.notifications import send_trainer_invitation as send

    send(trainer_id=trainer_id, new_account=new_account)


@task()
def send_assignment_emails(*, kind: str, assignment_id: int) -> None:
    from trainers.notifications import send_assignment_emails as send

    send(kind=kind, assignment_id=assignment_id)


@task()
def send_certification_reminders() -> int:
    from trainers.services import certification_reminders_send

    return certification_reminders_send()


@task()
def extend_availability() -> int:
    from trainers.services import availability_extend

    return availability_extend()
