"""Remind bookers and participants three days before a session's first date, and the day
before each online date (with the meeting link).

Run once a day from cron (e.g. `15 7 * * *`); running it twice sends nothing twice."""

from django.core.management.base import BaseCommand

from bookings.tasks import send_reminders


class Command(BaseCommand):
    help = (
        "Email reminders for confirmed bookings of sessions that start in three days and of "
        "online dates tomorrow."
    )

    def handle(self, *args, **options):
        count = send_reminders.call()
        self.stdout.write(f"Reminders to bookings: {count}")
