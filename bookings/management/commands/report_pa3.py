"""The programme report (priority area 3) for a period, as JSON, CSV, XLSX or PDF.

    manage.py report_pa3 --from 2015-01-01 --to 2018-09-30 [--state BE] [--topic SLUG]
        [--sector administration|companies] [--format json|csv|xlsx|pdf] [--output FILE]
    manage.py report_pa3 --from 2030-01-01 --to 2030-03-31 --closed [--format ...] [--output FILE]

With --closed: the frozen report of the closed reporting period with exactly these dates, byte
for byte as it was on closing (national; no filters).

Bad arguments end with exit status 2 and a one-line message on stderr.
"""

from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from bookings.models import ClosedReportFile
from bookings.statistics import StatisticsError, programme_figures
from bookings.statistics_export import figures_csv, figures_json, figures_xlsx
from bookings.statistics_pdf import figures_pdf
from catalogue.commands import StrictCommand


class Command(StrictCommand):
    help = "Programme statistics (trainings held, participants) for a period, as JSON, CSV or XLSX."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
        parser.add_argument("--state", help="State network, ISO 3166-2:DE code such as BE.")
        parser.add_argument("--topic", help="Topic slug.")
        parser.add_argument("--sector", help="administration or companies.")
        parser.add_argument("--format", default="json", help="json (default), csv, xlsx or pdf.")
        parser.add_argument("--output", help="Write to this file instead of standard output.")
        parser.add_argument(
            "--closed",
            action="store_true",
            help="The frozen report of the closed reporting period with these dates.",
        )

    def handle(self, *args, **options):
        output_format = options["format"]
        if output_format not in ("json", "csv", "xlsx", "pdf"):
            raise self.usage(_("Unknown format: %(format)s.") % {"format": output_format})
        if output_format in ("xlsx", "pdf") and not options["output"]:
            raise self.usage(
                _("%(format)s needs --output FILE.") % {"format": output_format.upper()}
            )
        if options["closed"]:
            return self.closed(options, output_format)
        try:
            figures = programme_figures(
                date_from=self.parse_date(options["date_from"], "--from"),
                date_to=self.parse_date(options["date_to"], "--to"),
                state=options["state"].upper() if options["state"] else None,
                topic=options["topic"],
                sector=options["sector"],
            )
        except StatisticsError as error:
            raise self.usage(str(error)) from None

        if output_format in ("xlsx", "pdf"):
            render = figures_xlsx if output_format == "xlsx" else figures_pdf
            Path(options["output"]).write_bytes(render(figures))
            return
        text = figures_json(figures) if output_format == "json" else figures_csv(figures)
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")

    def closed(self, options, output_format: str) -> None:
        if options["state"] or options["topic"] or options["sector"]:
            raise self.usage(
                _("A closed report is national; leave out --state, --topic, --sector.")
            )
        date_from = self.parse_date(options["date_from"], "--from")
        date_to = self.parse_date(options["date_to"], "--to")
        files = ClosedReportFile.objects.filter(
            period__date_from=date_from, period__date_to=date_to, format=output_format
        )
        stored = (
            files.filter(language=translation.get_language()).first()
            or files.filter(language=settings.LANGUAGE_CODE).first()
        )
        if stored is None:
            raise self.usage(
                _("No reporting period from %(from)s to %(to)s has been closed.")
                % {"from": date_from.isoformat(), "to": date_to.isoformat()}
            )
        content = bytes(stored.content)
        if options["output"]:
            Path(options["output"]).write_bytes(content)
        else:
            self.stdout.write(content.decode(), ending="")
