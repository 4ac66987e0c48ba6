"""Remind once, a week after the invitation, of the evaluation links still unused.

Run once a day from cron (e.g. `0 9 * * *`); running it twice sends nothing twice."""

from django.core.management.base import BaseCommand

from evaluations.services import reminders_send


class Command(BaseCommand):
    help = "Email one reminder of the evaluation links still unused a week after the invitation."

    def handle(self, *args, **options):
        self.stdout.write(f"Evaluation reminders: {reminders_send()}")
