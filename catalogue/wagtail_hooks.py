from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from catalogue.viewsets import CatalogueSnippets, SessionViewSet, StateStaffViewSet

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
