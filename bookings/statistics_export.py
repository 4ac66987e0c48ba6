"""The programme report as JSON, CSV and XLSX, and the geometry of its bar charts (drawn as
SVG by the admin template, without any script)."""

import io
import json
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from bookings.models import Function, Sector
from bookings.statistics import Figures
from catalogue.spreadsheets import csv_writer, xlsx_row


def figures_json(figures: Figures) -> str:
    return json.dumps(figures.as_dict(), ensure_ascii=False, indent=2) + "\n"


def figures_rows(figures: Figures) -> list[list]:
    """One table: section, key, name, trainings held, participants (blank where a figure does
    not apply, e.g. trainings held per sector)."""
    rows = [[_("Total"), "", "", figures.trainings_held, figures.participants]]
    rows += [
        [_("Sector"), key, Sector(key).label, "", value]
        for key, value in figures.participants_by_sector.items()
    ]
    rows += [
        [_("Function"), key, Function(key).label, "", value]
        for key, value in figures.participants_by_function.items()
    ]
    rows += [
        [_("Topic"), row.topic, row.title, row.trainings_held, row.participants]
        for row in figures.by_topic
    ]
    rows += [
        [_("State network"), row.state, row.title, row.trainings_held, row.participants]
        for row in figures.by_state
    ]
    rows += [
        [_("Month"), row.month, "", row.trainings_held, row.participants]
        for row in figures.by_month
    ]
    rows += [
        [
            _("Held without attendance"),
            row.first_date.isoformat(),
            f"{row.training} ({row.state})",
            "",
            "",
        ]
        for row in figures.held_without_attendance
    ]
    return rows


def _headings() -> list[str]:
    return [_("Section"), _("Key"), _("Name"), _("Trainings held"), _("Participants")]


def figures_csv(figures: Figures) -> str:
    output = io.StringIO()
    writer = csv_writer(output)
    writer.writerow(_headings())
    writer.writerows(figures_rows(figures))
    return output.getvalue()


def figures_xlsx(figures: Figures) -> bytes:
    """A workbook: the summary (period, filters, totals, sectors, functions), then one sheet
    each for topics, state networks and months."""
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)

    def sheet(title: str, headings: list[str], rows: list[list]):
        worksheet = workbook.create_sheet(title[:31])
        worksheet.append(xlsx_row(worksheet, headings, bold))
        for row in rows:
            worksheet.append(xlsx_row(worksheet, row))

    filters = figures.filters
    sheet(
        _("Summary"),
        [_("Figure"), _("Value")],
        [
            [_("From"), filters.date_from],
            [_("To"), filters.date_to],
            [_("State network"), filters.state or _("all")],
            [_("Topic"), filters.topic or _("all")],
            [_("Sector"), str(Sector(filters.sector).label) if filters.sector else _("all")],
            [_("Trainings held"), figures.trainings_held],
            [_("Participants"), figures.participants],
            *[
                [_("Participants: %(group)s") % {"group": Sector(key).label}, value]
                for key, value in figures.participants_by_sector.items()
            ],
            *[
                [_("Participants: %(group)s") % {"group": Function(key).label}, value]
                for key, value in figures.participants_by_function.items()
            ],
        ],
    )
    sheet(
        _("Topics"),
        [_("Topic"), _("Name"), _("Trainings held"), _("Participants")],
        [[row.topic, row.title, row.trainings_held, row.participants] for row in figures.by_topic],
    )
    sheet(
        _("State networks"),
        [_("State network"), _("Name"), _("Trainings held"), _("Participants")],
        [[row.state, row.title, row.trainings_held, row.participants] for row in figures.by_state],
    )
    sheet(
        _("Months"),
        [_("Month"), _("Trainings held"), _("Participants")],
        [[row.month, row.trainings_held, row.participants] for row in figures.by_month],
    )
    sheet(
        _("Held without attendance"),
        [_("First date"), _("Training"), _("State network")],
        [[row.first_date, row.training, row.state] for row in figures.held_without_attendance],
    )
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def export_filename(figures: Figures, extension: str) -> str:
    filters = figures.filters
    parts = ["pa3", filters.date_from.isoformat(), filters.date_to.isoformat()]
    parts += [value for value in (filters.state, filters.topic, filters.sector) if value]
    return "_".join(parts) + f".{extension}"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    label_x: float
    label_y: float
    value_x: float


@dataclass(frozen=True)
class BarChart:
    title: str
    width: int
    height: int
    bars: list[Bar]
    vertical: bool


def bar_chart(title: str, items: list[tuple[str, int]], *, width: int = 720) -> BarChart:
    """Horizontal bars, one line each, with the label on the left."""
    label_width, value_width, bar, gap = 260, 70, 18, 6
    room = width - label_width - value_width
    largest = max((value for _label, value in items), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(items):
        y = index * (bar + gap)
        length = round(room * value / largest, 1)
        bars.append(
            Bar(
                label,
                value,
                label_width,
                y,
                length,
                bar,
                label_width - 8,
                y + bar - 4,
                label_width + length + 6,
            )
        )
    return BarChart(title, width, max(len(items), 1) * (bar + gap), bars, vertical=False)


def column_chart(title: str, items: list[tuple[str, int]], *, width: int = 720) -> BarChart:
    """Vertical columns side by side (e.g. months), labels turned under each column."""
    plot, label_room, gap = 200, 60, 2
    step = width / max(len(items), 1)
    largest = max((value for _label, value in items), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(items):
        height = round(plot * value / largest, 1)
        x = round(index * step, 1)
        bars.append(
            Bar(
                label,
                value,
                x,
                plot - height,
                round(max(step - gap, 1), 1),
                height,
                round(x + step / 2, 1),
                plot + 8,
                round(x + step / 2, 1),
            )
        )
    return BarChart(title, width, plot + label_room, bars, vertical=True)
