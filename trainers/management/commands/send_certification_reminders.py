"""Remind trainers and staff of certifications that expire within 60 days (daily; safe to run
twice: each certification and expiry date is reminded once)."""

from django.core.management.base import BaseCommand

from trainers.services import REMINDER_DAYS, certification_reminders_send


class Command(BaseCommand):
    help = f"Email reminders for certifications expiring within {REMINDER_DAYS} days."

    def handle(self, *args, **options):
        sent = certification_reminders_send()
        self.stdout.write(f"Reminders sent for {sent} certification(s).")
