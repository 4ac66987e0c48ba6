"""Closed reporting periods in the admin, for the federal office: close a period, download its
frozen report (every format and language, byte for byte), and see how today's figures for it
differ from what was reported."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput

from bookings.models import ClosedReportFile, ReportingPeriod
from bookings.services.errors import BookingError
from bookings.services.periods import period_close
from bookings.statistics import programme_figures

VIEW_PERMISSION = "bookings.view_reportingperiod"
CLOSE_PERMISSION = "bookings.add_reportingperiod"
URL_NAMESPACE = "bookings_periods"
CONTENT_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


class ClosePeriodForm(forms.Form):
    label = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("For example “Q1 2030” or “Funding year 2030”."),
    )
    date_from = forms.DateField(label=gettext_lazy("From"), widget=AdminDateInput)
    date_to = forms.DateField(label=gettext_lazy("To"), widget=AdminDateInput)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the period is before its start."))
        return cleaned


class PeriodViewMixin(WagtailAdminTemplateMixin):
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{URL_NAMESPACE}:index"), "label": _("Closed reporting periods")},
            *([{"url": "", "label": self.get_page_title()}] if "pk" in self.kwargs else []),
        ]


class PeriodIndexView(PeriodViewMixin, TemplateView):
    template_name = "bookings/admin/periods.html"
    page_title = gettext_lazy("Closed reporting periods")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ClosePeriodForm())
        context.update(
            periods=ReportingPeriod.objects.select_related("closed_by"),
            may_close=self.request.user.has_perm(CLOSE_PERMISSION),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(CLOSE_PERMISSION):
            raise PermissionDenied
        form = ClosePeriodForm(request.POST)
        if form.is_valid():
            try:
                period = period_close(by=request.user, **form.cleaned_data)
            except BookingError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("“%(label)s” is closed; its report is kept as of now.")
                    % {"label": period.label},
                )
                return redirect(f"{URL_NAMESPACE}:detail", pk=period.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PeriodDetailView(PeriodViewMixin, TemplateView):
    template_name = "bookings/admin/period_detail.html"

    def get_page_title(self):
        return str(self.period)

    def dispatch(self, request, *args, **kwargs):
        self.period = ReportingPeriod.objects.filter(pk=kwargs["pk"]).first()
        if self.period is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period = self.period
        now = programme_figures(date_from=period.date_from, date_to=period.date_to).as_dict()
        context.update(
            period=period,
            report=period.report,
            files=period.files.order_by("language", "format").only(
                "pk", "format", "language", "filename"
            ),
            differences=differences(period.report, now),
        )
        return context


def download(request, pk: int, file_id: int):
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    stored = ClosedReportFile.objects.filter(period_id=pk, pk=file_id).first()
    if stored is None:
        raise Http404
    response = HttpResponse(bytes(stored.content), content_type=CONTENT_TYPES[stored.format])
    response["Content-Disposition"] = f'attachment; filename="{stored.filename}"'
    return response


def differences(reported: dict, now: dict) -> list[tuple[str, int, int]]:
    """(figure, reported, now) for every figure that changed since the period was closed."""
    rows = []

    def compare(label, before, after):
        if before != after:
            rows.append((label, before, after))

    compare(_("Trainings held"), reported["trainings_held"], now["trainings_held"])
    compare(_("Participants"), reported["participants"], now["participants"])
    for group in ("participants_by_sector", "participants_by_function"):
        for key, value in reported[group].items():
            compare(f"{_('Participants')}: {key}", value, now[group].get(key, 0))
    for group, key in (("by_topic", "topic"), ("by_state", "state"), ("by_month", "month")):
        current = {row[key]: row for row in now[group]}
        for row in reported[group]:
            other = current.get(row[key], {"trainings_held": 0, "participants": 0})
            for figure, label in (
                ("trainings_held", _("Trainings held")),
                ("participants", _("Participants")),
            ):
                compare(f"{label}: {row[key]}", row[figure], other[figure])
    return rows


class PeriodsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


def periods_menu_item() -> PeriodsMenuItem:
    return PeriodsMenuItem(
        gettext_lazy("Closed reporting periods"),
        reverse(f"{URL_NAMESPACE}:index"),
        icon_name="lock",
        order=60,
    )


def period_urls():
    return [
        path("", PeriodIndexView.as_view(), name="index"),
        path("<int:pk>/", PeriodDetailView.as_view(), name="detail"),
        path("<int:pk>/files/<int:file_id>/", download, name="download"),
    ]
