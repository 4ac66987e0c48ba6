"""The invoices and credit notes of a period for the accounts department, one file each, named
by its number:

    manage.py export_invoices --from YYYY-MM-DD --to YYYY-MM-DD
        --format xrechnung|zugferd|pdf|csv --output DIR

xrechnung: the XRechnung XML of every document (whether or not the buyer has a Leitweg-ID);
zugferd: the PDF/A-3 with its Factur-X XML; pdf: the plain PDF; csv: each document's lines plus
journal.csv (one row per document). Bad arguments end with exit status 2 and one line."""

from pathlib import Path

from django.utils.translation import gettext as _

from bookings.einvoice import invoice_xml
from bookings.invoice_pdf import invoice_pdf, zugferd_pdf
from bookings.models import Invoice
from bookings.services.invoices import amount_due
from catalogue.commands import StrictCommand
from catalogue.spreadsheets import csv_writer

FORMATS = ("xrechnung", "zugferd", "pdf", "csv")


class Command(StrictCommand):
    help = "Write the invoices and credit notes of a period, one file each (and a CSV journal)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
        parser.add_argument("--format", required=True, help="xrechnung, zugferd, pdf or csv.")
        parser.add_argument("--output", required=True, metavar="DIR")

    def handle(self, *args, **options):
        output_format = options["format"]
        if output_format not in FORMATS:
            raise self.usage(_("Unknown format: %(format)s.") % {"format": output_format})
        date_from = self.parse_date(options["date_from"], "--from")
        date_to = self.parse_date(options["date_to"], "--to")
        if date_to < date_from:
            raise self.usage(_("The end of the period is before its start."))
        directory = Path(options["output"])
        if directory.exists() and not directory.is_dir():
            raise self.usage(_("%(path)s is not a directory.") % {"path": directory})
        directory.mkdir(parents=True, exist_ok=True)

        documents = Invoice.objects.filter(issue_date__range=(date_from, date_to)).select_related(
            "booking", "corrects"
        )
        journal = []
        for document in documents.order_by("number"):
            if output_format == "xrechnung":
                (directory / f"{document.number}.xml").write_bytes(
                    invoice_xml(document, xrechnung=True)
                )
            elif output_format == "zugferd":
                (directory / f"{document.number}.pdf").write_bytes(zugferd_pdf(document))
            elif output_format == "pdf":
                (directory / f"{document.number}.pdf").write_bytes(invoice_pdf(document))
            else:
                self.write_lines(directory / f"{document.number}.csv", document)
                journal.append(document)
        if output_format == "csv":
            self.write_journal(directory / "journal.csv", journal)
        self.stdout.write(
            _("%(count)s documents written to %(path)s.")
            % {"count": documents.count(), "path": directory}
        )

    @staticmethod
    def write_lines(path: Path, document: Invoice) -> None:
        with path.open("w", encoding="utf-8", newline="") as output:
            writer = csv_writer(output)
            writer.writerow(["number", "position", "description", "quantity", "unit_price", "net"])
            for line in document.lines.all():
                writer.writerow(
                    [
                        document.number,
                        line.position,
                        line.description,
                        line.quantity,
                        line.unit_price,
                        line.net_amount,
                    ]
                )

    @staticmethod
    def write_journal(path: Path, documents: list[Invoice]) -> None:
        with path.open("w", encoding="utf-8", newline="") as output:
            writer = csv_writer(output)
            writer.writerow(
                [
                    "number",
                    "type",
                    "corrects",
                    "issue_date",
                    "due_date",
                    "booking",
                    "buyer",
                    "leitweg_id",
                    "net",
                    "vat_category",
                    "vat_rate",
                    "vat",
                    "gross",
                    "due",
                ]
            )
            for document in documents:
                writer.writerow(
                    [
                        document.number,
                        document.kind,
                        document.corrects.number if document.corrects else "",
                        document.issue_date.isoformat(),
                        document.due_date.isoformat(),
                        document.booking.reference,
                        document.buyer["name"],
                        document.buyer.get("leitweg_id", ""),
                        document.net_total,
                        document.vat_category,
                        document.vat_rate,
                        document.tax_total,
                        document.gross_total,
                        amount_due(document) if document.kind == "380" else "",
                    ]
                )
