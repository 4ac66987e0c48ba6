"""Background work that cron or a scheduler starts (django-tasks): tasks take ids and call the
modules that hold the rules. The emails' own task is bookings.outbox.send_email."""

from django_tasks import task

from bookings import notifications, outbox, retention
from bookings.services import seats


@task()
def expire_holds() -> int:
    """Expire lapsed payment holds in every session and move the waiting lists up."""
    return seats.holds_expire_lapsed()


@task()
def send_reminders() -> int:
    """Remind the bookings of sessions that start in three days and of online dates tomorrow
    (safe to run twice)."""
    return notifications.reminders_send() + notifications.online_reminders_send()


@task()
def retry_emails() -> int:
    """Send failed emails again (and any left pending by a lost task)."""
    return outbox.retry_failed()


@task()
def anonymise_personal_data(older_than_months: int = retention.RETENTION_MONTHS) -> int:
    """Blank names and emails of participants of sessions that ended before the retention
    period; every statistic stays the same (safe to run twice)."""
    return retention.personal_data_anonymise(older_than_months=older_than_months)
