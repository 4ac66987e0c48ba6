"""Closed reporting periods (DESIGN.md rule 13): the federal office closes a period, which
stores its national report whole, every download in every language, byte for byte. From then
on what would move its figures is refused (`check_period_open`), and staff corrections that
must still happen are logged and shown as a difference to the closed report."""

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from bookings.models import ClosedReportFile, ReportingPeriod
from bookings.services.errors import BookingError
from bookings.statistics import StatisticsError, programme_figures
from bookings.statistics_export import (
    Closed,
    export_filename,
    figures_csv,
    figures_json,
    figures_xlsx,
)
from bookings.statistics_pdf import figures_pdf
from catalogue.models import Session
from catalogue.schedule import BERLIN
from catalogue.selectors.staff import staff_scope


def period_close(*, label: str, date_from: date, date_to: date, by) -> ReportingPeriod:
    """Close the period: the national report as of now, stored whole. The federal office only;
    a period is closed once."""
    label = " ".join(label.split())
    if not label:
        raise BookingError(_("Give the period a name, such as “Q1 2030”."))
    if by is None or not staff_scope(by).national:
        raise BookingError(_("Only the federal office closes reporting periods."))
    try:
        figures = programme_figures(date_from=date_from, date_to=date_to)
    except StatisticsError as error:
        raise BookingError(str(error)) from None
    try:
        with transaction.atomic():
            period = ReportingPeriod.objects.create(
                label=label,
                date_from=date_from,
                date_to=date_to,
                report=figures.as_dict(),
                closed_by=by,
            )
    except IntegrityError:
        raise BookingError(_("This period has already been closed.")) from None
    closed = Closed(label=label, as_of=period.closed_at, by=by.get_full_name() or by.username)
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            figures = programme_figures(date_from=date_from, date_to=date_to)
            contents = {
                "json": figures_json(figures, closed).encode(),
                "csv": figures_csv(figures, closed).encode(),
                "xlsx": figures_xlsx(figures, closed),
                "pdf": figures_pdf(figures, closed),
            }
            for output_format, content in contents.items():
                ClosedReportFile.objects.create(
                    period=period,
                    format=output_format,
                    language=language,
                    filename=export_filename(figures, output_format).replace(
                        "pa3_", f"pa3_closed_{language}_", 1
                    ),
                    content=content,
                )
    log(instance=period, action="wagtail.create", user=by)
    return period


def closed_period_of(day: date | None) -> ReportingPeriod | None:
    """The closed period that holds `day`, if any."""
    if day is None:
        return None
    return ReportingPeriod.objects.filter(date_from__lte=day, date_to__gte=day).first()


def check_period_open(session: Session) -> None:
    """Refuse a change to a session whose figures are in a closed period (a session counts in
    the period of its first date)."""
    first = session.starts_at.astimezone(BERLIN).date() if session.starts_at else None
    period = closed_period_of(first)
    if period is not None:
        raise BookingError(
            _(
                "The reporting period “%(label)s” is closed; its figures cannot change. Ask the "
                "federal office if a correction is needed."
            )
            % {"label": period.label}
        )
