"""The evaluation results as an XLSX workbook: what was filtered, one row per group with its
response rate and the mean of each rating question, the distributions of everything filtered
and, where at least the threshold of answers exist, the free texts. Withheld figures are empty
cells, never zeros."""

import io

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Font

from catalogue.spreadsheets import xlsx_row
from evaluations.models import ItemKind
from evaluations.selectors import GROUPS, THRESHOLD, Report


def report_xlsx(report: Report) -> bytes:
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)

    def sheet(title: str, headings: list[str], rows: list[list]):
        worksheet = workbook.create_sheet(title[:31])
        worksheet.append(xlsx_row(worksheet, headings, bold))
        for row in rows:
            worksheet.append(xlsx_row(worksheet, row))

    filters, overall = report.filters, report.overall
    sheet(
        _("Summary"),
        [_("Figure"), _("Value")],
        [
            [_("From"), filters.date_from],
            [_("To"), filters.date_to],
            [_("State network"), filters.state or _("all")],
            [_("Topic"), filters.topic or _("all")],
            [_("Results per"), str(GROUPS[report.group_by])],
            [_("Links given out"), overall.invited],
            [_("Answers"), overall.answers],
            [_("Response rate"), overall.response_rate],
            [
                _("Figures withheld below"),
                _("%(count)s answers") % {"count": THRESHOLD},
            ],
        ],
    )
    sheet(
        str(GROUPS[report.group_by]).capitalize(),
        [
            str(GROUPS[report.group_by]).capitalize(),
            _("Sessions"),
            _("Links given out"),
            _("Answers"),
            _("Response rate"),
            *[question for _key, question in report.ratings],
        ],
        [
            [
                group.label,
                group.sessions,
                group.results.invited,
                group.results.answers,
                group.results.response_rate,
                *[group.mean_of(key) for key, _question in report.ratings],
            ]
            for group in report.groups
        ],
    )
    sheet(
        _("Distributions"),
        [_("Question"), pgettext("evaluation", "Answer"), _("Count")],
        [
            [item.question, value, count]
            for item in overall.items
            if item.kind != ItemKind.TEXT
            for value, count in item.distribution.items()
        ],
    )
    sheet(
        _("Free texts"),
        [_("Question"), pgettext("evaluation", "Answer")],
        [
            [item.question, text]
            for item in overall.items
            if item.kind == ItemKind.TEXT
            for text in item.texts
        ],
    )
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def report_filename(report: Report) -> str:
    filters = report.filters
    parts = ["evaluations", filters.date_from.isoformat(), filters.date_to.isoformat()]
    parts += [value for value in (filters.state, filters.topic) if value]
    return "_".join([*parts, report.group_by]) + ".xlsx"
