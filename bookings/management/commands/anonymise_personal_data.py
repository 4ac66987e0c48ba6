"""Remove the names and emails of participants of sessions that ended before the retention
period (default 24 months); every statistic stays the same.

Run once a day from cron (e.g. `30 3 * * *`); running it twice changes nothing more."""

from django.core.management.base import BaseCommand, CommandError

from bookings.retention import RETENTION_MONTHS
from bookings.services.errors import BookingError
from bookings.tasks import anonymise_personal_data


class Command(BaseCommand):
    help = "Anonymise participants of sessions that ended more than N months ago."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-months",
            type=int,
            default=RETENTION_MONTHS,
            metavar="N",
            help=f"Retention period in months (default {RETENTION_MONTHS}).",
        )

    def handle(self, *args, **options):
        try:
            count = anonymise_personal_data.call(older_than_months=options["older_than_months"])
        except BookingError as error:
            raise CommandError(str(error), returncode=2) from None
        self.stdout.write(f"Participants anonymised: {count}")
