"""The programme report as JSON, CSV and XLSX, and the geometry of its bar charts (drawn as
SVG by the admin template, without any script)."""

import io
import json
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from bookings.models import Function, OrganisationType, Sector
from bookings.statistics import FeedbackFigures, Figures
from catalogue.spreadsheets import csv_writer, xlsx_row


@dataclass(frozen=True)
class Closed:
    """What a closed period's report says of its closing."""

    label: str
    as_of: datetime
    by: str

    def as_dict(self) -> dict:
        return {"label": self.label, "as_of": self.as_of.isoformat(), "by": self.by}


KINDS = {"open": gettext_lazy("open trainings"), "inhouse": gettext_lazy("in-house trainings")}


def feedback_rows(feedback: FeedbackFigures) -> list[tuple[str, str, object]]:
    """(key, label, value) of the feedback figures; a figure withheld or without answers is
    empty, never 0. The response rate in per cent."""
    rate = feedback.response_rate
    return [
        ("feedback_invited", _("Feedback: links given out"), feedback.invited),
        ("feedback_answers", _("Feedback: answers"), feedback.answers),
        (
            "feedback_response_rate",
            _("Feedback: response rate (%)"),
            round(rate * 100, 1) if rate is not None else "",
        ),
        (
            "feedback_overall_satisfaction",
            _("Feedback: mean overall satisfaction (1–5)"),
            feedback.overall_satisfaction if feedback.overall_satisfaction is not None else "",
        ),
    ]


def figures_json(figures: Figures, closed: Closed | None = None) -> str:
    data = figures.as_dict()
    if closed is not None:
        data["closed"] = closed.as_dict()
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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
        [_("Organisation type"), key, OrganisationType(key).label, "", value]
        for key, value in figures.by_organisation_type.items()
    ]
    rows += [
        [_("Open or in-house"), kind, KINDS[kind], row["trainings_held"], row["participants"]]
        for kind, row in figures.open_vs_inhouse.items()
    ]
    rows += [
        [
            _("Function by sector"),
            f"{sector}:{function}",
            f"{Sector(sector).label}: {Function(function).label}",
            "",
            value,
        ]
        for sector, functions in figures.function_by_sector.items()
        for function, value in functions.items()
    ]
    rows += [
        [_("State by topic"), f"{state}:{topic}", "", cell["trainings_held"], cell["participants"]]
        for state, topics in figures.state_by_topic.items()
        for topic, cell in topics.items()
        if cell["trainings_held"]
    ]
    rows += [
        [
            _("Figure"),
            "organisations_reached",
            _("Organisations reached"),
            "",
            figures.organisations_reached,
        ],
        [
            _("Figure"),
            "teaching_units",
            _("Teaching units delivered (UE)"),
            "",
            figures.teaching_units,
        ],
        [_("Figure"), "participant_hours", _("Participant hours"), "", figures.participant_hours],
        *[
            [_("Feedback"), key, label, "", value]
            for key, label, value in feedback_rows(figures.feedback)
        ],
    ]
    rows += [
        [
            _("Training held"),
            row.session,
            f"{row.training} ({row.state}; {', '.join(day.isoformat() for day in row.dates)})",
            1,
            row.participants,
        ]
        for row in figures.sessions
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
    return [_("Section"), _("Key"), _("Name"), _("Trainings held"), _("Participations")]


def figures_csv(figures: Figures, closed: Closed | None = None) -> str:
    output = io.StringIO()
    writer = csv_writer(output)
    writer.writerow(_headings())
    writer.writerows(figures_rows(figures))
    if closed is not None:
        writer.writerow([_("Closed"), _as_of(closed), closed.label, closed.by, ""])
    return output.getvalue()


def _as_of(closed: Closed) -> str:
    return timezone.localtime(closed.as_of).strftime("%Y-%m-%d %H:%M")


def figures_xlsx(figures: Figures, closed: Closed | None = None) -> bytes:
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
            *(
                [
                    [_("Closed reporting period"), closed.label],
                    [_("As of"), _as_of(closed)],
                    [_("Closed by"), closed.by],
                ]
                if closed
                else []
            ),
            [_("Trainings held"), figures.trainings_held],
            [_("Participations"), figures.participants],
            *[
                [_("Participations: %(group)s") % {"group": Sector(key).label}, value]
                for key, value in figures.participants_by_sector.items()
            ],
            *[
                [_("Participations: %(group)s") % {"group": Function(key).label}, value]
                for key, value in figures.participants_by_function.items()
            ],
            *[
                [_("Participations: %(group)s") % {"group": OrganisationType(key).label}, value]
                for key, value in figures.by_organisation_type.items()
            ],
            *[
                [_("Trainings held: %(group)s") % {"group": KINDS[kind]}, row["trainings_held"]]
                for kind, row in figures.open_vs_inhouse.items()
            ],
            [_("Organisations reached"), figures.organisations_reached],
            [_("Teaching units delivered (UE)"), figures.teaching_units],
            [_("Participant hours"), figures.participant_hours],
            *[[label, value] for _key, label, value in feedback_rows(figures.feedback)],
        ],
    )
    sheet(
        _("Topics"),
        [_("Topic"), _("Name"), _("Trainings held"), _("Participations")],
        [[row.topic, row.title, row.trainings_held, row.participants] for row in figures.by_topic],
    )
    sheet(
        _("State networks"),
        [_("State network"), _("Name"), _("Trainings held"), _("Participations")],
        [[row.state, row.title, row.trainings_held, row.participants] for row in figures.by_state],
    )
    sheet(
        _("Months"),
        [_("Month"), _("Trainings held"), _("Participations")],
        [[row.month, row.trainings_held, row.participants] for row in figures.by_month],
    )
    sheet(
        _("Trainings held"),
        [
            _("Session no."),
            _("Training"),
            _("Topic"),
            _("State network"),
            _("Dates"),
            _("UE"),
            _("Trainers"),
            _("In-house"),
            _("Participations"),
            *[str(Sector(key).label) for key in Sector.values],
            *[str(Function(key).label) for key in Function.values],
        ],
        [
            [
                row.session,
                row.training,
                row.topic,
                row.state,
                ", ".join(day.isoformat() for day in row.dates),
                row.units,
                ", ".join(row.trainers),
                _("yes") if row.inhouse else _("no"),
                row.participants,
                *[row.by_sector[key] for key in Sector.values],
                *[row.by_function[key] for key in Function.values],
            ]
            for row in figures.sessions
        ],
    )
    sheet(
        _("Function by sector"),
        [_("Sector"), *[str(Function(key).label) for key in Function.values]],
        [
            [str(Sector(sector).label), *[functions[key] for key in Function.values]]
            for sector, functions in figures.function_by_sector.items()
        ],
    )
    topic_slugs = [row.topic for row in figures.by_topic]
    sheet(
        _("State by topic"),
        [_("State network"), *topic_slugs],
        [
            [state, *[topics[slug]["participants"] for slug in topic_slugs]]
            for state, topics in figures.state_by_topic.items()
        ],
    )
    sheet(
        _("Held without attendance"),
        [_("First date"), _("Training"), _("State network")],
        [[row.first_date, row.training, row.state] for row in figures.held_without_attendance],
    )
    if closed is not None:  # the same bytes whenever it is made
        workbook.properties.created = workbook.properties.modified = closed.as_of.replace(
            tzinfo=None, microsecond=0
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
