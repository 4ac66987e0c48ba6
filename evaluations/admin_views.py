"""The evaluation results in the Wagtail admin: filters, the results of everything filtered
(means and distributions as charts, the free texts) and a table per training, topic, trainer,
state network, month or session, each row a link to its own results; XLSX export. Staff see
their state networks' sessions, the federal office all (catalogue.selectors.staff)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from bookings.statistics_export import bar_chart
from bookings.statistics_views import XLSX_TYPE, StatisticsFilterForm, may_view_statistics
from catalogue.selectors.staff import staff_scope
from evaluations.export import report_filename, report_xlsx
from evaluations.models import ItemKind
from evaluations.selectors import GROUPS, THRESHOLD, Filters, ResultsError, evaluation_report

URL_NAME = "evaluation_results"


class ResultsFilterForm(StatisticsFilterForm):
    """The statistics filters (period, state network within the viewer's, topic) without the
    sector, which anonymous answers do not have; the grouping; and the narrowing a row's link
    adds (a training, trainer or session)."""

    group_by = forms.ChoiceField(
        label=gettext_lazy("Results per"), choices=list(GROUPS.items()), initial="training"
    )
    training = forms.UUIDField(required=False, widget=forms.HiddenInput)
    trainer = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    session = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["sector"]

    @classmethod
    def from_query(cls, query, *, scope):
        query = query.copy()
        query.setdefault("group_by", "training")
        return super().from_query(query, scope=scope)

    def narrowing(self) -> list[str]:
        """What a row's link narrowed the results to, in words (shown above them)."""
        data = self.cleaned_data
        found = []
        if data.get("training"):
            found.append(_("one training"))
        if data.get("trainer"):
            found.append(_("trainer: %(name)s") % {"name": data["trainer"]})
        if data.get("session"):
            found.append(_("one session"))
        return found


class EvaluationResultsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "evaluations/admin/results.html"
    page_title = gettext_lazy("Evaluation results")
    header_icon = "form"

    def dispatch(self, request, *args, **kwargs):
        if not may_view_statistics(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        scope = staff_scope(request.user)
        form = ResultsFilterForm.from_query(request.GET, scope=scope)
        report = None
        if form.is_valid():
            data = form.cleaned_data
            try:
                report = evaluation_report(
                    Filters(
                        date_from=data["date_from"],
                        date_to=data["date_to"],
                        state=data["state"] or None,
                        topic=data["topic"].slug if data["topic"] else None,
                        training=str(data["training"]) if data["training"] else None,
                        trainer=data["trainer"] or None,
                        session=data["session"],
                        within=scope.states,
                    ),
                    group_by=data["group_by"],
                )
            except ResultsError as error:
                form.add_error(None, str(error))
        if report is not None and request.GET.get("export") == "xlsx":
            response = HttpResponse(report_xlsx(report), content_type=XLSX_TYPE)
            response["Content-Disposition"] = f'attachment; filename="{report_filename(report)}"'
            return response
        context = self.get_context_data(form=form, report=report)
        return self.render_to_response(context, status=200 if report is not None else 400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report, form = kwargs["report"], kwargs["form"]
        context["threshold"] = THRESHOLD
        if report is None:
            return context
        base = {
            key: value
            for key, value in self.request.GET.items()
            if key not in ("export", "training", "trainer", "session")
        }
        context.update(
            narrowing=form.narrowing(),
            group_label=GROUPS[report.group_by],
            export_query=urlencode({**self.request.GET.dict(), "export": "xlsx"}),
            charts=[
                (item, bar_chart(item.question, list(item.distribution.items())))
                for item in report.overall.items
                if item.kind != ItemKind.TEXT
            ],
            texts=[item for item in report.overall.items if item.kind == ItemKind.TEXT],
            rows=[
                {
                    "group": group,
                    "means": [group.mean_of(key) for key, _question in report.ratings],
                    "url": "?" + urlencode(_drilled(base, group.drill, report.group_by)),
                }
                for group in report.groups
            ],
            reset_url="?" + urlencode(base),
        )
        return context


def _drilled(base: dict, drill: dict, group_by: str) -> dict:
    """A row's own results: its filter added; a training, trainer or state network is then
    shown per session, a month or a topic per training."""
    shown_per = "session" if group_by in ("training", "trainer", "state", "session") else "training"
    return {**base, **{key: str(value) for key, value in drill.items()}, "group_by": shown_per}


class ResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_statistics(request.user)


def results_menu_item() -> ResultsMenuItem:
    return ResultsMenuItem(
        gettext_lazy("Evaluation results"), reverse(URL_NAME), icon_name="form", order=51
    )
