"""Expire lapsed payment holds (run from cron every few minutes; safe to run at any time)."""

from django.core.management.base import BaseCommand

from bookings.tasks import expire_holds


class Command(BaseCommand):
    help = "Expire lapsed payment holds in every session and move the waiting lists up."

    def handle(self, *args, **options):
        expired = expire_holds.call()
        self.stdout.write(f"Expired holds: {expired}")
