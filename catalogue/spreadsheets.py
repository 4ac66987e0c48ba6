"""Spreadsheet exports that never run what someone typed into a name (CSV injection, OWASP).

A text cell that begins with = + - @, a tab or a carriage return is a formula to Excel and
LibreOffice when a CSV file is opened. Every CSV export writes such text behind a single quote;
every XLSX export stores text as text (never as a formula). Numbers, dates and amounts are
written as they are. All exports of the platform go through this module.
"""

import csv

from openpyxl.cell import WriteOnlyCell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_value(value):
    """`value` as a CSV cell that cannot start a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_writer(output):
    """A csv.writer whose rows are neutralised cell by cell."""
    return _SafeWriter(csv.writer(output))


class _SafeWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow([csv_value(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def xlsx_cell(worksheet, value, font=None) -> WriteOnlyCell:
    """A cell of a write-only worksheet; text stays text even when it looks like a formula."""
    cell = WriteOnlyCell(worksheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell


def xlsx_row(worksheet, values, font=None) -> list[WriteOnlyCell]:
    return [xlsx_cell(worksheet, value, font) for value in values]


def neutralise_wagtail_exports() -> None:
    """Wagtail writes the CSV cells of every listing export (our viewsets' and its own reports')
    verbatim; from start-up (CatalogueConfig.ready) they are neutralised as above. Its XLSX
    export already stores text that looks like a formula as text."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: csv_value(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    SpreadsheetExportMixin.write_csv_row = write_csv_row
