from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from catalogue import translation_admin
from catalogue.models import Material
from catalogue.selectors.translations import TRANSLATION_CURRENT_ACTION
from catalogue.services import MATERIALS_COLLECTION
from catalogue.viewsets import (
    CHANGE_NOTICE_ACTION,
    CatalogueSnippets,
    MaterialViewSet,
    SessionViewSet,
    StateStaffViewSet,
)

register_snippet(CatalogueSnippets)
hooks.register("before_edit_page", translation_admin.warn_of_a_changed_source)


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path(
            "catalogue/translations/<int:page_id>/current/",
            translation_admin.translation_current_view,
            name="catalogue_translation_current",
        )
    ]


@hooks.register("register_log_actions")
def register_translation_current_action(actions):
    actions.register_action(TRANSLATION_CURRENT_ACTION)(translation_admin.TranslationCurrent)


@hooks.register("register_admin_viewset")
def register_session_viewset():
    return SessionViewSet("catalogue_session")


@hooks.register("register_admin_viewset")
def register_material_viewset():
    return MaterialViewSet("catalogue_material")


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


@hooks.register("before_serve_document")
def materials_stay_private(document, request):
    """Material files are handed out by the booking page, the participants' personal links and
    the trainers' portal, which check who asks; never by the document's own URL."""
    in_collection = document.collection.name == MATERIALS_COLLECTION
    if in_collection or Material.objects.filter(document=document).exists():
        raise Http404
