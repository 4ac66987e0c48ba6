"""Send failed emails again (up to bookings.outbox.MAX_ATTEMPTS attempts each).

Run from cron every 15 minutes (e.g. `*/15 * * * *`); it is safe to run at any time."""

from django.core.management.base import BaseCommand

from bookings.tasks import retry_emails


class Command(BaseCommand):
    help = "Send failed emails again, and any left pending by a lost task."

    def handle(self, *args, **options):
        sent = retry_emails.call()
        self.stdout.write(f"Emails sent: {sent}")
