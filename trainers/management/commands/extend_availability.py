"""Expand open-ended working patterns and absences up to the horizon again (daily)."""

from django.core.management.base import BaseCommand

from trainers.services import availability_extend


class Command(BaseCommand):
    help = "Move the expansion horizon of trainers' availability rules on."

    def handle(self, *args, **options):
        count = availability_extend()
        self.stdout.write(f"Extended {count} availability rule(s).")
