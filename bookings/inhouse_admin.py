"""In-house requests in the Wagtail admin: staff answer them and turn accepted ones into
private sessions. Both go through bookings.services; access needs the model's change
permission (the "Programme staff" group has it)."""

from django import forms
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from bookings.models import Delivery, InhouseRequest, InhouseRequestStatus
from bookings.selectors import inhouse_requests_for_staff
from bookings.services.errors import BookingError
from bookings.services.inhouse import inhouse_request_answer, inhouse_request_schedule
from catalogue.admin_display import InspectView
from catalogue.admin_views import DatesPreviewMixin
from catalogue.forms import SessionAdminForm
from catalogue.models import Language, Session
from catalogue.models.sessions import SessionStatus
from catalogue.panels import DatesPreviewPanel

answer_permission_policy = ModelPermissionPolicy(InhouseRequest)


def schedule_panel():
    """The session form of the catalogue admin, without the private flag (always set)."""
    return ObjectList(
        [
            FieldPanel("training"),
            FieldRowPanel([FieldPanel("state"), FieldPanel("language")]),
            FieldRowPanel([FieldPanel("venue"), FieldPanel("online")]),
            FieldRowPanel([FieldPanel("capacity"), FieldPanel("status")]),
            FieldPanel("booking_deadline"),
            MultiFieldPanel(
                [
                    FieldPanel("first_date"),
                    FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                    FieldPanel("recurrences"),
                    DatesPreviewPanel(),
                ],
                heading=_("Schedule (Berlin time)"),
            ),
        ],
        base_form_class=SessionAdminForm,
    ).bind_to_model(Session)


class InhouseAnswerForm(forms.ModelForm):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (InhouseRequestStatus.ACCEPTED, _("Accept")),
            (InhouseRequestStatus.DECLINED, _("Decline")),
        ],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = InhouseRequest
        fields = ["answer"]
        labels = {"answer": _("Message to the organisation")}
        help_texts = {"answer": _("Sent by email to the person who made the request.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].required = True
        self.initial["answer"] = ""


class ServiceErrorMixin:
    """A refusal of the service shows on the form instead of failing the request."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except BookingError as error:
            form.add_error(None, str(error))
            self.produced_error_message = str(error)
            return self.form_invalid(form)


class InhouseRequestInspectView(InspectView):
    answer_url_name = None
    schedule_url_name = None

    @cached_property
    def header_buttons(self):
        if not answer_permission_policy.user_has_permission(self.request.user, "change"):
            return []
        buttons = []
        if self.object.status in (InhouseRequestStatus.OPEN, InhouseRequestStatus.ACCEPTED):
            buttons.append(
                HeaderButton(
                    _("Answer"),
                    url=reverse(self.answer_url_name, args=[self.object.pk]),
                    icon_name="mail",
                )
            )
        if self.object.status == InhouseRequestStatus.ACCEPTED:
            buttons.append(
                HeaderButton(
                    _("Schedule a private session"),
                    url=reverse(self.schedule_url_name, args=[self.object.pk]),
                    icon_name="date",
                )
            )
        if self.object.session_id:
            buttons.append(
                HeaderButton(
                    _("Private session"),
                    url=reverse("catalogue_session:edit", args=[self.object.session_id]),
                    icon_name="date",
                )
            )
        return buttons


class InhouseAnswerView(ServiceErrorMixin, generic.EditView):
    page_title = _("Answer")
    template_name = "bookings/admin/inhouse_answer.html"
    submit_button_label = _("Send answer")
    submit_button_active_label = _("Sending…")
    success_message = _("The answer has been sent to %(object)s.")
    can_delete = False

    def get_queryset(self):
        return InhouseRequest.objects.select_related("organisation", "training", "topic")

    def save_instance(self):
        return inhouse_request_answer(
            inhouse_request=self.object,
            status=self.form.cleaned_data["decision"],
            answer=self.form.cleaned_data["answer"],
            by=self.request.user,
        )

    def get_success_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])

    def get_success_buttons(self):
        return []

    def get_context_data(self, **kwargs):
        return super().get_context_data(inhouse_request=self.object, **kwargs)


class InhouseScheduleView(DatesPreviewMixin, ServiceErrorMixin, generic.CreateView):
    page_title = _("Schedule a private session")
    permission_required = "change"  # of the in-house request
    template_name = "bookings/admin/inhouse_schedule.html"
    submit_button_label = _("Create private session")
    submit_button_active_label = _("Creating…")
    inspect_url_name = None
    schedule_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.inhouse_request = get_object_or_404(
            inhouse_requests_for_staff(request.user).select_related(
                "organisation", "training", "topic"
            ),
            pk=kwargs["pk"],
        )

    def get_page_subtitle(self):
        return str(self.inhouse_request)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("In-house requests")},
            {
                "url": reverse(self.inspect_url_name, args=[self.inhouse_request.pk]),
                "label": str(self.inhouse_request),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_add_url(self):
        return reverse(self.schedule_url_name, args=[self.inhouse_request.pk])

    def get_initial(self):
        request = self.inhouse_request
        return {
            "training": request.training,
            "state": request.state,
            "language": Language.objects.filter(code=request.language).first(),
            "online": request.delivery == Delivery.ONLINE,
            "capacity": request.expected_participants,
            "status": SessionStatus.OPEN,
            "first_date": request.period_from,
        }

    def save_instance(self):
        return inhouse_request_schedule(
            inhouse_request=self.inhouse_request,
            session=self.form.save(commit=False),
            by=self.request.user,
        )

    def get_success_url(self):
        return reverse(self.inspect_url_name, args=[self.inhouse_request.pk])

    def get_success_message(self, instance):
        return _("The private session has been created: %(session)s.") % {"session": instance}

    def get_success_buttons(self):
        return [
            messages.button(
                reverse("catalogue_session:edit", args=[self.object.pk]), _("Edit session")
            )
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(inhouse_request=self.inhouse_request, **kwargs)
