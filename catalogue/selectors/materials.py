"""Materials of a session: its own and its training's (in any language version)."""

from django.db.models import Q, QuerySet

from catalogue.models import Material, Session


def materials_for_session(session: Session) -> QuerySet[Material]:
    return Material.objects.filter(
        Q(session=session) | Q(training__translation_key=session.training_key)
    ).select_related("document")
