from wagtail import hooks
from wagtail.snippets.models import register_snippet

from catalogue.viewsets import CatalogueSnippets, SessionViewSet

register_snippet(CatalogueSnippets)


@hooks.register("register_admin_viewset")
def register_session_viewset():
    return SessionViewSet("catalogue_session")
