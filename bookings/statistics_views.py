"""The programme statistics report in the Wagtail admin: filters, tables, two SVG charts and the
spreadsheet export. Only users with the permission bookings.view_statistics reach it."""

from datetime import date

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput

from bookings.models import OrganisationType, Sector
from bookings.statistics import StatisticsError, programme_figures
from bookings.statistics_export import (
    bar_chart,
    column_chart,
    export_filename,
    figures_csv,
    figures_xlsx,
)
from bookings.statistics_pdf import figures_pdf
from catalogue.models import StateNetwork, Topic
from catalogue.selectors.staff import StaffScope, staff_scope

PERMISSION = "bookings.view_statistics"
URL_NAME = "bookings_statistics"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def may_view_statistics(user) -> bool:
    return user.has_perm(PERMISSION)


class StatisticsFilterForm(forms.Form):
    date_from = forms.DateField(label=gettext_lazy("From"), widget=AdminDateInput)
    date_to = forms.DateField(label=gettext_lazy("To"), widget=AdminDateInput)
    state = forms.ChoiceField(
        label=gettext_lazy("State network"),
        required=False,
        choices=[("", gettext_lazy("All state networks")), *StateNetwork.choices],
    )
    topic = forms.ModelChoiceField(
        label=gettext_lazy("Topic"),
        required=False,
        queryset=Topic.objects.all(),
        to_field_name="slug",
        empty_label=gettext_lazy("All topics"),
    )
    sector = forms.ChoiceField(
        label=gettext_lazy("Sector"),
        required=False,
        choices=[("", gettext_lazy("All sectors")), *Sector.choices],
    )

    def __init__(self, *args, scope: StaffScope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        if not scope.national:
            # A state network's staff see their own networks' figures, not the others'.
            field = self.fields["state"]
            mine = [(code, label) for code, label in StateNetwork.choices if code in scope.states]
            field.choices = [("", _("All my state networks")), *mine] if len(mine) > 1 else mine
            field.required = len(mine) == 1

    @classmethod
    def from_query(cls, query, *, scope: StaffScope) -> "StatisticsFilterForm":
        """Bound to the query string; without one, to this year so far."""
        today = timezone.localdate()
        data = query.copy()
        data.setdefault("date_from", date(today.year, 1, 1).isoformat())
        data.setdefault("date_to", today.isoformat())
        if not scope.national and len(scope.states) == 1:
            data.setdefault("state", next(iter(scope.states)))
        return cls(data, scope=scope)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the period is before its start."))
        return cleaned


class StatisticsReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "bookings/admin/statistics.html"
    page_title = gettext_lazy("Programme statistics")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not may_view_statistics(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        scope = staff_scope(request.user)
        form = StatisticsFilterForm.from_query(request.GET, scope=scope)
        figures = None
        if form.is_valid():
            try:
                figures = programme_figures(
                    date_from=form.cleaned_data["date_from"],
                    date_to=form.cleaned_data["date_to"],
                    state=form.cleaned_data["state"] or None,
                    topic=form.cleaned_data["topic"].slug if form.cleaned_data["topic"] else None,
                    sector=form.cleaned_data["sector"] or None,
                    within=scope.states,
                )
            except StatisticsError as error:
                form.add_error(None, str(error))
        export = request.GET.get("export")
        if figures is not None and export in ("csv", "xlsx", "pdf"):
            return self.export(figures, export)
        context = self.get_context_data(form=form, figures=figures)
        return self.render_to_response(context, status=200 if figures is not None else 400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = kwargs["figures"]
        if figures is not None:
            query = self.request.GET.copy()
            query.pop("export", None)
            context.update(
                month_chart=column_chart(
                    _("Participations per month"),
                    [(row.month, row.participants) for row in figures.by_month],
                ),
                topic_chart=bar_chart(
                    _("Participations per topic"),
                    [(row.title, row.participants) for row in figures.by_topic],
                ),
                export_query=query.urlencode(),
                function_by_sector=[
                    {"label": Sector(sector).label, **functions}
                    for sector, functions in figures.function_by_sector.items()
                ],
                organisation_types=[
                    (OrganisationType(value).label, count)
                    for value, count in figures.by_organisation_type.items()
                ],
            )
        return context

    @staticmethod
    def export(figures, export: str) -> HttpResponse:
        if export == "csv":
            response = HttpResponse(figures_csv(figures), content_type="text/csv; charset=utf-8")
        elif export == "pdf":
            response = HttpResponse(figures_pdf(figures), content_type="application/pdf")
        else:
            response = HttpResponse(figures_xlsx(figures), content_type=XLSX_TYPE)
        response["Content-Disposition"] = (
            f'attachment; filename="{export_filename(figures, export)}"'
        )
        return response


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_statistics(request.user)


def statistics_menu_item() -> StatisticsMenuItem:
    return StatisticsMenuItem(
        gettext_lazy("Programme statistics"), reverse(URL_NAME), icon_name="table", order=50
    )
