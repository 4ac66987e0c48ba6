"""Background work for trainers (django-tasks): the daily jobs. They run from cron or a
scheduler as `manage.py send_certification_reminders`, `manage.py send_trainer_reminders` and
`manage.py extend_availability`, or
by enqueueing these tasks for a worker. Emails are bookings.outbox's task."""

from django_tasks import task

from trainers.notifications import trainer_reminders_send
from trainers.services import availability_extend, certification_reminders_send


@task()
def send_certification_reminders() -> int:
    return certification_reminders_send()


@task()
def extend_availability() -> int:
    return availability_extend()


@task()
def send_trainer_reminders() -> int:
    return trainer_reminders_send()
