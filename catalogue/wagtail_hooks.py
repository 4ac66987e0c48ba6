from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from catalogue.viewsets import (
    CHANGE_NOTICE_ACTION,
    CatalogueSnippets,
    SessionViewSet,
    StateStaffViewSet,
)

register_snippet(CatalogueSnippets)


@hooks.register("register_admin_viewset")
def register_session_viewset():
    return SessionViewSet("catalogue_session")


@hooks.register("register_admin_viewset")
def register_state_staff_viewset():
    return StateStaffViewSet("catalogue_statestaff")


@hooks.register("insert_global_admin_js")
def recurrence_widget_translations():
    """django-recurrence's widget takes its labels from this JavaScript catalogue."""
    return format_html('<script src="{}"></script>', reverse("javascript-catalog"))


@hooks.register("register_log_actions")
def register_change_notice_action(actions):
    @actions.register_action(CHANGE_NOTICE_ACTION)
    class ChangeNotice(LogFormatter):
        label = _("Change notice")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            people = data.get("people", 0)
            if data.get("sent"):
                return ngettext(
                    "Change notice sent to %(count)s person",
                    "Change notice sent to %(count)s people",
                    people,
                ) % {"count": people}
            return ngettext(
                "Change notice skipped: %(count)s person not told",
                "Change notice skipped: %(count)s people not told",
                people,
            ) % {"count": people}
