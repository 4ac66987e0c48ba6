"""The evaluation results per training for a period, as JSON.

    manage.py report_evaluations --from 2030-01-01 --to 2030-03-31 [--state BE] [--topic SLUG]
        [--format json]

Per training: sessions held, links given out, answers, response rate and, only where at least
5 answers exist, the mean and distribution of each rating question. Bad arguments end with exit
status 2 and a one-line message on stderr."""

import json

from django.utils.translation import gettext as _

from catalogue.commands import StrictCommand
from evaluations.selectors import THRESHOLD, ResultsError, report_by_training


class Command(StrictCommand):
    help = "Evaluation results (answers, response rate, ratings) per training for a period."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
        parser.add_argument("--state", help="State network, ISO 3166-2:DE code such as BE.")
        parser.add_argument("--topic", help="Topic slug.")
        parser.add_argument("--format", default="json", help="json (the default and only one).")

    def handle(self, *args, **options):
        if options["format"] != "json":
            raise self.usage(_("Unknown format: %(format)s.") % {"format": options["format"]})
        date_from = self.parse_date(options["date_from"], "--from")
        date_to = self.parse_date(options["date_to"], "--to")
        try:
            trainings = report_by_training(
                date_from=date_from,
                date_to=date_to,
                state=options["state"].upper() if options["state"] else None,
                topic=options["topic"],
            )
        except ResultsError as error:
            raise self.usage(str(error)) from None
        report = {
            "from": date_from.isoformat(),
            "to": date_to.isoformat(),
            "threshold": THRESHOLD,
            "trainings": trainings,
        }
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
