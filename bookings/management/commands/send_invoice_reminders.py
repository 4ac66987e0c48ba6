"""Remind the bookers of unpaid invoices after the reminder period of the invoice settings.

Run once a day from cron (e.g. `30 7 * * *`); running it twice sends nothing twice."""

from django.core.management.base import BaseCommand

from bookings.services.invoices import invoice_reminders_send


class Command(BaseCommand):
    help = "Email reminders for invoices still unpaid after the reminder period."

    def handle(self, *args, **options):
        self.stdout.write(f"Invoices reminded: {invoice_reminders_send()}")
