"""Remind trainers three days before the first date of each session they are assigned to.

Run once a day from cron (e.g. `20 7 * * *`); running it twice sends nothing twice."""

from django.core.management.base import BaseCommand

from trainers.tasks import send_trainer_reminders


class Command(BaseCommand):
    help = "Email the assigned trainers of sessions that start in three days."

    def handle(self, *args, **options):
        self.stdout.write(f"Trainers reminded: {send_trainer_reminders.call()}")
