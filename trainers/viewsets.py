"""Trainers in the Wagtail admin: the register (invite and edit), certifications, and a
read-only listing of assignments (they change only through trainers.services)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

from catalogue.admin_display import yes_no_column
from catalogue.scoped_admin import ScopedModelViewSet
from trainers import selectors, services
from trainers.admin_views import session_url
from trainers.forms import TrainerAdminForm, TrainerInviteForm
from trainers.models import Assignment, Certification, Trainer


class TrainerInviteView(generic.CreateView):
    """ "Add" invites: the account is created and the trainer sets a password by email."""

    page_subtitle = _("Invite a trainer")
    submit_button_label = _("Invite")

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except services.TrainerError as error:
            form.add_error(None, str(error))
            self.produced_error_message = str(error)
            return self.form_invalid(form)

    def save_instance(self):
        data = self.form.cleaned_data
        return services.trainer_invite(
            email=data["email"], name=data["name"], language=data["language"], by=self.request.user
        )

    def get_success_message(self, instance):
        return _(
            "%(name)s has been registered; an email with a link to set a password is on its way."
        ) % {"name": instance.name}


class TrainerViewSet(ScopedModelViewSet):
    """The trainers who work in the user's state networks (the register is shared)."""

    model = Trainer
    icon = "user"
    menu_label = _("Trainers")
    add_view_class = TrainerInviteView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "name",
        Column("email", label=_("Email"), accessor="user.email"),
        Column("states", label=_("State networks"), accessor="get_states_display"),
        yes_no_column(Trainer, "online"),
        yes_no_column(Trainer, "is_active"),
    ]
    list_filter = ["is_active", "online", "languages"]
    list_export = ["name", "email", "get_states_display", "online", "is_active"]
    export_headings = {"get_states_display": _("State networks"), "email": _("Email")}
    search_fields = ["name", "user__email"]
    search_backend_name = None
    inspect_view_fields = [
        "name",
        "email",
        "bio",
        "bio_en",
        "languages",
        "states",
        "online",
        "language",
        "show_on_training_pages",
        "is_active",
        "created_at",
    ]
    inspect_field_labels = {"email": _("Email"), "created_at": _("Created")}
    panels = [
        FieldPanel("name"),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("bio"), FieldPanel("bio_en")]),
        MultiFieldPanel(
            [FieldPanel("languages"), FieldPanel("states"), FieldPanel("online")],
            heading=_("Where and how"),
        ),
        FieldRowPanel([FieldPanel("language"), FieldPanel("show_on_training_pages")]),
        FieldPanel("is_active"),
    ]

    def get_queryset(self, request):
        return Trainer.objects.select_related("user")

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=TrainerAdminForm).bind_to_model(self.model)

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(panel=None, form_class=TrainerInviteForm, **kwargs)

    def scope(self, user):
        return selectors.trainers_for_staff(user)


class StaffTrainersOnly:
    """The certification's trainer is chosen among those of the user's state networks."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["trainer"].queryset = selectors.trainers_for_staff(self.request.user)
        return form


class CertificationCreateView(StaffTrainersOnly, generic.CreateView):
    def save_instance(self):
        return services.certification_save(
            certification=self.form.save(commit=False), by=self.request.user
        )


class CertificationEditView(StaffTrainersOnly, generic.EditView):
    def save_instance(self):
        self.has_content_changes = self.form.has_changed()
        return services.certification_save(
            certification=self.form.save(commit=False), by=self.request.user
        )


class CertificationViewSet(ScopedModelViewSet):
    model = Certification
    icon = "success"
    menu_label = _("Certifications")
    add_view_class = CertificationCreateView
    edit_view_class = CertificationEditView
    copy_view_enabled = False
    form_fields = ["trainer", "topic", "issued_by", "issued_on", "valid_until", "document"]
    list_display = ["trainer", "topic", "issued_by", "issued_on", "valid_until"]
    list_filter = ["topic", "valid_until"]
    list_export = ["trainer", "topic", "issued_by", "issued_on", "valid_until"]
    search_fields = ["trainer__name", "issued_by"]
    search_backend_name = None
    ordering = ["valid_until"]

    def get_queryset(self, request):
        return Certification.objects.select_related("trainer", "topic")

    def scope(self, user):
        return selectors.certifications_for_staff(user)


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Assignments change only through the services (the session's "Trainers" page)."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class AssignmentIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        return super().get_list_more_buttons(instance) + [
            MenuItem(_("Session trainers"), session_url(instance.session_id), icon_name="user")
        ]


class AssignmentHistoryView(history.HistoryView):
    any_permission_required = ["view"]


def staff_trainers(request):
    return selectors.trainers_for_staff(request.user).order_by("name")


class AssignmentFilterSet(WagtailFilterSet):
    trainer = django_filters.ModelChoiceFilter(label=_("Trainer"), queryset=staff_trainers)

    class Meta:
        model = Assignment
        fields = ["status", "role", "trainer"]


class AssignmentViewSet(ScopedModelViewSet):
    model = Assignment
    icon = "date"
    menu_label = _("Assignments")
    index_view_class = AssignmentIndexView
    history_view_class = AssignmentHistoryView
    form_fields = []
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["trainer", "session", "role", "status", "created_at", "responded_at"]
    filterset_class = AssignmentFilterSet
    list_export = ["trainer", "session", "get_role_display", "get_status_display", "created_at"]
    export_headings = {"get_role_display": _("Role"), "get_status_display": _("Status")}
    search_fields = ["trainer__name", "session__training__title"]
    search_backend_name = None
    inspect_view_fields = [
        "trainer",
        "session",
        "role",
        "status",
        "assigned_by",
        "created_at",
        "responded_at",
        "decline_reason",
    ]
    permission_policy = ReadOnlyPermissionPolicy(Assignment)

    def get_queryset(self, request):
        return Assignment.objects.select_related("trainer", "session__training")

    def scope(self, user):
        return selectors.assignments_for_staff(user)


class TrainersGroup(ViewSetGroup):
    menu_label = _("Trainers")
    menu_icon = "user"
    menu_order = 216
    items = (
        TrainerViewSet("trainers_trainer"),
        CertificationViewSet("trainers_certification"),
        AssignmentViewSet("trainers_assignment"),
    )
