"""The catalogue in the Wagtail admin: sessions and the snippets trainings are described with."""

import hashlib
import json
from dataclasses import dataclass

import django_filters
from django import forms
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from catalogue.admin_display import InspectView, date_span
from catalogue.admin_views import CHANGE_NOTICE_ACTION, DatesPreviewMixin, SessionAccessView
from catalogue.changes import Recipient, SessionChange, change_recipients
from catalogue.forms import MaterialAdminForm, SessionAdminForm
from catalogue.models import (
    Language,
    Material,
    Session,
    StateStaff,
    TargetGroup,
    Topic,
    TrainingPage,
    Venue,
)
from catalogue.panels import ChangeNoticePanel, DatesPreviewPanel
from catalogue.scoped_admin import ScopedModelViewSet
from catalogue.selectors.materials import materials_for_staff
from catalogue.selectors.staff import next_first, sessions_for_staff
from catalogue.services import (
    CALENDAR_FIELDS,
    SERVICE_STATUSES,
    CatalogueError,
    material_remove,
    material_save,
    session_change_preview,
    session_save,
    staff_grant,
    staff_revoke,
)


class SessionFilterSet(WagtailFilterSet):
    training = django_filters.ModelChoiceFilter(
        label=_("Training"),
        queryset=TrainingPage.objects.filter(locale__language_code="de").order_by("title"),
    )
    starts_at = django_filters.DateFromToRangeFilter(
        label=_("Starts between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Session
        fields = ["training", "state", "status", "is_private", "starts_at"]


# Other apps add links to a session's admin listing row and edit view with this hook: a
# function (session, user) -> list of wagtail.admin.ui.menus.MenuItem (the catalogue never
# imports them).
SESSION_BUTTONS_HOOK = "register_catalogue_session_buttons"


def session_buttons_from_hooks(session, user) -> list:
    return [item for hook in hooks.get_hooks(SESSION_BUTTONS_HOOK) for item in hook(session, user)]


# The bookings admin gives the address of a session's participants page with this hook: a
# function (session, user) -> the URL, or None for a user who may not open it.
SESSION_PARTICIPANTS_HOOK = "catalogue_session_participants_url"


def participants_url_from_hooks(session, user) -> str | None:
    return next(
        (
            url
            for hook in hooks.get_hooks(SESSION_PARTICIPANTS_HOOK)
            if (url := hook(session, user))
        ),
        None,
    )


class ParticipantsColumn(Column):
    """Seats taken of the capacity, a link to the session's participants and waiting list."""

    cell_template_name = "catalogue/admin/participants_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["session"] = instance
        context["url"] = participants_url_from_hooks(instance, parent_context["request"].user)
        return context


class SessionIndexView(generic.IndexView):
    queryset = Session.objects.select_related("training", "venue")

    def order_queryset(self, queryset):
        """Unless sorted by a column: the next session first, past ones after."""
        if self.ordering:
            return super().order_queryset(queryset)
        return next_first(queryset)

    def get_list_more_buttons(self, instance):
        return super().get_list_more_buttons(instance) + session_buttons_from_hooks(
            instance, self.request.user
        )


class SessionInspectView(InspectView):
    def get_dates_display_value(self):
        dates = self.object.occurrences.order_by("start")
        return format_html(
            "<ol>{}</ol>",
            format_html_join(
                "",
                "<li>{}{}</li>",
                (
                    (date_span(o.start, o.end), f" ({_('cancelled')})" if o.is_cancelled else "")
                    for o in dates
                ),
            ),
        )


class RefusalsOnTheForm:
    """A rule the service refuses shows on the form, with nothing saved."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except CatalogueError as error:
            form.add_error(None, str(error))
            self.produced_error_message = str(error)
            return self.form_invalid(form)


class SessionCreateView(DatesPreviewMixin, RefusalsOnTheForm, generic.CreateView):
    def get_initial(self):
        initial = super().get_initial()
        training = TrainingPage.objects.filter(pk=self.request.GET.get("training") or 0).first()
        if training:
            initial.update(training=training, capacity=training.default_capacity)
        return initial

    def save_instance(self):
        instance = session_save(session=self.form.save(commit=False), by=self.request.user)
        log(instance=instance, action="wagtail.create", content_changed=True)
        return instance


@dataclass(frozen=True)
class NoticePreview:
    change: SessionChange
    recipients: list[Recipient]
    values: tuple[str, ...]  # the session's calendar fields as they will be saved

    @property
    def fingerprint(self) -> str:
        """What staff saw: another change, other values or other people need another look."""
        seen = [sorted(self.change.what), list(self.change.cancelled_dates), list(self.values)]
        seen += sorted(f"{person.email}|{person.role}" for person in self.recipients)
        return hashlib.sha256(json.dumps(seen).encode()).hexdigest()[:32]


class SessionEditView(DatesPreviewMixin, RefusalsOnTheForm, generic.EditView):
    notice_preview: NoticePreview | None = None
    notice = False

    def form_valid(self, form):
        """A change people are told of takes two steps: the first shows who is told."""
        change = session_change_preview(session=form.instance)
        recipients = change_recipients(form.instance, change) if change else []
        if recipients:
            preview = NoticePreview(
                change=change,
                recipients=recipients,
                values=tuple(str(getattr(form.instance, f)) for f in CALENDAR_FIELDS),
            )
            if form.cleaned_data.get("notice_checked") != preview.fingerprint:
                form.notice_preview = preview
                form.data = form.data.copy()
                form.data["notice_checked"] = preview.fingerprint
                form.data.setdefault("notice", "send")
                form.add_error(None, _("Check who will be told of this change, then save again."))
                self.produced_error_message = _("Not saved yet: check who will be told.")
                return self.form_invalid(form)
            self.notice_preview = preview
            self.notice = form.cleaned_data.get("notice") != "skip"
        return super().form_valid(form)

    @cached_property
    def header_more_buttons(self):
        access = (
            [
                Button(
                    _("Online access per date"),
                    reverse("catalogue_session:access", args=[self.object.pk]),
                    icon_name="link",
                    priority=12,
                )
            ]
            if self.object.online
            else []
        )
        access.append(
            Button(
                _("Add material"),
                reverse("catalogue_material:add") + f"?session={self.object.pk}",
                icon_name="doc-full",
                priority=13,
            )
        )
        return (
            super().header_more_buttons
            + access
            + [
                Button.from_menu_item(item)
                for item in session_buttons_from_hooks(self.object, self.request.user)
            ]
        )

    def get_form(self, form_class=None):
        """Capacity and cancelling change bookings, so the bookings admin does them (through
        its services, which move the waiting list up or cancel every booking)."""
        form = super().get_form(form_class)
        capacity = form.fields["capacity"]
        capacity.disabled = True
        capacity.help_text = _(
            "Change the capacity on the session's “Participants and waiting list” page "
            "(Bookings); raising it moves the waiting list up."
        )
        if self.object.status not in SERVICE_STATUSES:  # SessionAdminForm leaves out the choice
            form.fields["status"].help_text = _(
                "To cancel the session with all its bookings, use “Cancel session” on its "
                "“Participants and waiting list” page (Bookings)."
            )
        return form

    def save_instance(self):
        instance = session_save(
            session=self.form.save(commit=False), by=self.request.user, notice=self.notice
        )
        self.has_content_changes = self.form.has_changed()
        log(instance=instance, action="wagtail.edit", content_changed=self.has_content_changes)
        if self.notice_preview is not None:
            log(
                instance=instance,
                action=CHANGE_NOTICE_ACTION,
                data={
                    "sent": self.notice,
                    "people": len(self.notice_preview.recipients),
                    "what": sorted(self.notice_preview.change.what),
                },
            )
        return instance


class SessionViewSet(ScopedModelViewSet):
    """Sessions of the state networks the user works for (all for the federal office)."""

    model = Session
    icon = "date"
    menu_label = _("Sessions")
    menu_order = 210
    add_to_admin_menu = True
    index_view_class = SessionIndexView
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    inspect_view_class = SessionInspectView
    inspect_view_enabled = True
    copy_view_enabled = True
    list_display = [
        "training",  # the title column: links to the edit view and carries the row's buttons
        "starts_at",
        "state",
        Column("place", label=_("Place")),
        "status",
        ParticipantsColumn("participants", label=_("Participants"), sort_key="seats_taken"),
    ]
    inspect_view_fields = [
        "training",
        "state",
        "place",
        "language",
        "status",
        "is_private",
        "capacity",
        "seats_taken",
        "booking_deadline",
        "first_date",
        "start_time",
        "end_time",
        "dates",
        "meeting_url",
        "access_notes",
        "created_at",
        "updated_at",
    ]
    inspect_field_labels = {
        "place": _("Place"),
        "dates": _("All dates (Berlin time)"),
        "created_at": _("Created"),
        "updated_at": _("Last changed"),
    }
    list_export = [
        "pk",
        "training",
        "starts_at",
        "ends_at",
        "state",
        "get_state_display",
        "place",
        "online",
        "language",
        "get_status_display",
        "is_private",
        "capacity",
        "seats_taken",
        "booking_deadline",
    ]
    export_headings = {
        "pk": _("ID"),
        "state": _("State code"),
        "get_state_display": _("State network"),
        "place": _("Place"),
        "get_status_display": _("Status"),
    }
    export_filename = "sessions"
    filterset_class = SessionFilterSet
    search_fields = ["training__title", "venue__city", "venue__name"]
    search_backend_name = None
    panels = [
        ChangeNoticePanel(),
        FieldPanel("training"),
        FieldRowPanel([FieldPanel("state"), FieldPanel("language")]),
        FieldRowPanel([FieldPanel("venue"), FieldPanel("online")]),
        MultiFieldPanel(
            [FieldPanel("meeting_url"), FieldPanel("access_notes")],
            heading=_("Online access"),
        ),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("booking_deadline"), FieldPanel("is_private")]),
        MultiFieldPanel(
            [
                FieldPanel("first_date"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("recurrences"),
                DatesPreviewPanel(),
            ],
            heading=_("Schedule (Berlin time)"),
        ),
    ]

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=SessionAdminForm).bind_to_model(self.model)

    def scope(self, user):
        return sessions_for_staff(user)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/access/", SessionAccessView.as_view(), name="access")
        ]


class MaterialCreateView(RefusalsOnTheForm, generic.CreateView):
    def get_initial(self):
        """From a session's page: for that session."""
        initial = super().get_initial()
        session = sessions_for_staff(self.request.user).filter(
            pk=self.request.GET.get("session")
            if self.request.GET.get("session", "").isdigit()
            else 0
        )
        if session.exists():
            initial["session"] = session.get()
        return initial

    def save_instance(self):
        material = self.form.save(commit=False)
        material.added_by = self.request.user
        instance = material_save(
            material=material, upload=self.form.cleaned_data.get("upload"), by=self.request.user
        )
        log(instance=instance, action="wagtail.create")
        return instance


class MaterialEditView(RefusalsOnTheForm, generic.EditView):
    def save_instance(self):
        instance = material_save(
            material=self.form.save(commit=False),
            upload=self.form.cleaned_data.get("upload"),
            by=self.request.user,
        )
        log(instance=instance, action="wagtail.edit", content_changed=True)
        return instance


class MaterialDeleteView(generic.DeleteView):
    def delete_action(self):
        log(instance=self.object, action="wagtail.delete")
        material_remove(material=self.object, by=self.request.user)


class MaterialViewSet(ScopedModelViewSet):
    """Material for a training (all its sessions) or for one session of the user's state
    networks; confirmed participants and the assigned trainers download it."""

    model = Material
    icon = "doc-full"
    menu_label = _("Materials")
    menu_order = 215
    add_to_admin_menu = True
    add_view_class = MaterialCreateView
    edit_view_class = MaterialEditView
    delete_view_class = MaterialDeleteView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["title", "training", "session", "created_at", "added_by"]
    search_fields = ["title"]
    search_backend_name = None
    panels = [
        FieldPanel("title"),
        FieldPanel("training", widget=forms.Select),
        FieldPanel("session"),
        FieldPanel("upload"),
        FieldPanel("url"),
    ]

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=MaterialAdminForm).bind_to_model(self.model)

    def scope(self, user):
        return materials_for_staff(user)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    list_display = ["name", "name_en", "slug"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    list_display = ["code", "name", "name_en"]


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    list_display = ["name", "city", "state"]
    list_filter = ["state"]
    search_fields = ["name", "city"]


class CatalogueSnippets(SnippetViewSetGroup):
    menu_label = _("Catalogue data")
    menu_icon = "folder-open-inverse"
    menu_order = 220
    items = (TopicViewSet, TargetGroupViewSet, LanguageViewSet, VenueViewSet)


class StateStaffCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        staff_grant(user=data["user"], states=[data["state"]])
        instance = StateStaff.objects.get(user=data["user"], state=data["state"])
        log(instance=instance, action="wagtail.create")
        return instance


class StateStaffDeleteView(generic.DeleteView):
    def delete_action(self):
        log(instance=self.object, action="wagtail.delete")
        staff_revoke(user=self.object.user, states=[self.object.state])


class StateStaffViewSet(ModelViewSet):
    """Who works for which state network; for the federal office (its group has the model's
    permissions). Adding a row also puts the user into the staff's group."""

    model = StateStaff
    icon = "group"
    menu_label = _("State network staff")
    add_to_settings_menu = True
    add_view_class = StateStaffCreateView
    delete_view_class = StateStaffDeleteView
    form_fields = ["user", "state"]
    list_display = ["person", "state", "created_at"]
    queryset = StateStaff.objects.select_related("user")
    list_filter = ["state"]
    search_fields = ["user__username", "user__email", "user__last_name"]
    search_backend_name = None
    copy_view_enabled = False
