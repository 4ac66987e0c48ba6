"""The programme report as a formatted PDF (A4, in the active language): period, filters, as-of,
the tables of the report and two bar charts. Made with reportlab, byte for byte the same for the
same figures (an invariant document), so a closed period's PDF never changes."""

from datetime import datetime
from io import BytesIO

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

from bookings.certificates import pdf_fonts
from bookings.models import Function, OrganisationType, Sector
from bookings.statistics import Figures
from bookings.statistics_export import KINDS, Closed, feedback_rows

ACCENT = colors.HexColor("#005a5b")


def figures_pdf(figures: Figures, closed: Closed | None = None) -> bytes:
    regular, bold = pdf_fonts()
    text = ParagraphStyle("text", fontName=regular, fontSize=9, leading=12)
    title = ParagraphStyle("title", parent=text, fontName=bold, fontSize=16, leading=20)
    heading = ParagraphStyle("heading", parent=text, fontName=bold, fontSize=11, leading=15)
    filters = figures.filters
    as_of = closed.as_of if closed else timezone.now()

    def table(headings: list[str], rows: list[list], widths=None) -> Table:
        data = [headings, *[[str(value) for value in row] for row in rows]]
        result = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        result.setStyle(
            [
                ("FONT", (0, 0), (-1, -1), regular, 8),
                ("FONT", (0, 0), (-1, 0), bold, 8),
                ("TEXTCOLOR", (0, 0), (-1, 0), ACCENT),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
        return result

    def section(name: str, *flowables) -> KeepTogether:
        return KeepTogether([Spacer(1, 5 * mm), Paragraph(name, heading), *flowables])

    period = _("%(from)s to %(to)s") % {
        "from": date_format(filters.date_from, "SHORT_DATE_FORMAT"),
        "to": date_format(filters.date_to, "SHORT_DATE_FORMAT"),
    }
    scope = ", ".join(
        value
        for value in (
            filters.state,
            filters.topic,
            str(Sector(filters.sector).label) if filters.sector else None,
        )
        if value
    ) or _("the whole programme")
    story = [
        Paragraph(_("IQ programme report: trainings held and participations"), title),
        Paragraph(
            _("Period: %(period)s · Filters: %(scope)s") % {"period": period, "scope": scope}, text
        ),
        Paragraph(_("As of %(as_of)s") % {"as_of": _when(as_of)}, text),
    ]
    if closed:
        story.append(
            Paragraph(
                _("Closed reporting period “%(label)s”, closed by %(by)s.")
                % {"label": closed.label, "by": closed.by},
                text,
            )
        )
    story.extend(
        [
            section(
                _("Overview"),
                table(
                    [_("Figure"), _("Value")],
                    [
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
                            [
                                _("Trainings held: %(group)s") % {"group": KINDS[kind]},
                                f"{row['trainings_held']} ({row['participants']})",
                            ]
                            for kind, row in figures.open_vs_inhouse.items()
                        ],
                        [_("Organisations reached"), figures.organisations_reached],
                        [_("Teaching units delivered (UE)"), figures.teaching_units],
                        [_("Participant hours"), figures.participant_hours],
                        *[
                            [label, value if value != "" else _("not shown")]
                            for _key, label, value in feedback_rows(figures.feedback)
                        ],
                    ],
                    widths=[110 * mm, 40 * mm],
                ),
            ),
            section(
                _("Function by sector"),
                table(
                    [_("Sector"), *[str(Function(key).label) for key in Function.values]],
                    [
                        [Sector(sector).label, *[functions[key] for key in Function.values]]
                        for sector, functions in figures.function_by_sector.items()
                    ],
                ),
            ),
            section(
                _("By organisation type"),
                table(
                    [_("Organisation type"), _("Participations")],
                    [
                        [OrganisationType(key).label, value]
                        for key, value in figures.by_organisation_type.items()
                    ],
                ),
            ),
            section(
                _("By topic"),
                _bar_chart([(row.title, row.participants) for row in figures.by_topic], regular),
                table(
                    [_("Topic"), _("Trainings held"), _("Participations")],
                    [[row.title, row.trainings_held, row.participants] for row in figures.by_topic],
                ),
            ),
            section(
                _("By state network"),
                table(
                    [_("State network"), _("Trainings held"), _("Participations")],
                    [[row.title, row.trainings_held, row.participants] for row in figures.by_state],
                ),
            ),
            section(
                _("By month"),
                _bar_chart([(row.month, row.participants) for row in figures.by_month], regular),
                table(
                    [_("Month"), _("Trainings held"), _("Participations")],
                    [[row.month, row.trainings_held, row.participants] for row in figures.by_month],
                ),
            ),
        ]
    )
    story.append(Spacer(1, 5 * mm))
    story.append(Paragraph(_("Trainings held"), heading))
    story.append(
        table(
            [_("Training"), _("State network"), _("Dates"), _("UE"), _("Participations")],
            [
                [
                    Paragraph(row.training, text),
                    row.state,
                    Paragraph(
                        ", ".join(date_format(day, "SHORT_DATE_FORMAT") for day in row.dates), text
                    ),
                    row.units,
                    row.participants,
                ]
                for row in figures.sessions
            ]
            or [[_("None"), "", "", "", ""]],
            widths=[80 * mm, 22 * mm, 40 * mm, 12 * mm, 24 * mm],
        )
    )
    if figures.held_without_attendance:
        story.append(
            section(
                _("Held without attendance"),
                table(
                    [_("First date"), _("Training"), _("State network")],
                    [
                        [date_format(row.first_date, "SHORT_DATE_FORMAT"), row.training, row.state]
                        for row in figures.held_without_attendance
                    ],
                ),
            )
        )
    output = BytesIO()
    SimpleDocTemplate(
        output,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=_("IQ programme report"),
        author="IQ",
        invariant=1,
    ).build(story)
    return output.getvalue()


def _when(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def _bar_chart(items: list[tuple[str, int]], font: str) -> Drawing:
    """Horizontal bars, one per item, labelled on the left."""
    height = max(len(items), 1) * 12 + 25
    drawing = Drawing(180 * mm, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 75 * mm, 18
    chart.width, chart.height = 95 * mm, height - 23
    chart.data = [[value for _label, value in reversed(items)] or [0]]
    chart.categoryAxis.categoryNames = [
        label if len(label) <= 48 else label[:47] + "…" for label, _value in reversed(items)
    ] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    if not any(value for _label, value in items):
        chart.valueAxis.valueMax = 1
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    return drawing
