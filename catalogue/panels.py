"""Admin panels: a training's sessions on its edit page; who is told of a session's change; the
dates a session's schedule gives, before saving."""

from wagtail.admin.panels import Panel

from catalogue.admin_display import date_span
from catalogue.selectors.sessions import sessions_for_training_admin
from catalogue.selectors.staff import sessions_for_staff

PREVIEW_DATES = "preview_dates"  # the name of the "Preview dates" button


class SessionsPanel(Panel):
    """Read-only: sessions are managed in their own admin listing, not in page revisions."""

    @property
    def clean_name(self):
        return super().clean_name or "sessions"

    class BoundPanel(Panel.BoundPanel):
        template_name = "catalogue/panels/sessions_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            training, user = self.instance, self.request.user
            context["training"] = training
            context["sessions"] = (
                sessions_for_training_admin(training=training, user=user)[:50]
                if training.pk
                else []
            )
            context["can_add"] = user.has_perm("catalogue.add_session")
            context["editable"] = (
                set(
                    sessions_for_staff(user)
                    .filter(pk__in=[session.pk for session in context["sessions"]])
                    .values_list("pk", flat=True)
                )
                if user.has_perm("catalogue.change_session")
                else set()
            )
            return context


class ChangeNoticePanel(Panel):
    """Before a change people are told of is saved: what changed, who is told, and the choice
    to tell them or not (the form's `notice`; SessionEditView fills `form.notice_preview`)."""

    @property
    def clean_name(self):
        return super().clean_name or "change_notice"

    def get_form_options(self):
        return {"fields": ["notice", "notice_checked"]}  # the form's own fields, shown here

    class BoundPanel(Panel.BoundPanel):
        template_name = "catalogue/panels/change_notice_panel.html"

        def is_shown(self):
            return getattr(self.form, "notice_preview", None) is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["preview"] = self.form.notice_preview
            context["form"] = self.form
            return context


class DatesPreviewPanel(Panel):
    """The "Preview dates" button and, once pressed, the dates the schedule gives in Berlin time
    (the form's `previewed_dates`, filled by catalogue.admin_views.DatesPreviewMixin)."""

    @property
    def clean_name(self):
        return super().clean_name or "dates_preview"

    class BoundPanel(Panel.BoundPanel):
        template_name = "catalogue/panels/dates_preview_panel.html"

        class Media:
            css = {"all": ["css/admin-dates-preview.css"]}

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            asked = hasattr(self.form, "previewed_dates")
            slots = self.form.previewed_dates if asked else None
            context.update(
                anchor=self.panel.clean_name,
                button_name=PREVIEW_DATES,
                action=f"{self.request.get_full_path()}#{self.panel.clean_name}",
                asked=asked,
                dates=[date_span(slot.start, slot.end) for slot in slots or []],
                schedule_wrong=asked and slots is None,
            )
            return context
