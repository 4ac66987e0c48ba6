"""Materials of a session: its own and its training's (in any language version)."""

from django.db.models import Q, QuerySet

from catalogue.models import Material, Session
from catalogue.selectors.staff import sessions_for_staff


def materials_for_session(session: Session) -> QuerySet[Material]:
    return Material.objects.filter(
        Q(session=session) | Q(training__translation_key=session.training_key)
    ).select_related("document")


def materials_for_staff(user) -> QuerySet[Material]:
    """The trainings' materials, and the sessions' of the user's state networks."""
    return Material.objects.filter(
        Q(training__isnull=False) | Q(session__in=sessions_for_staff(user))
    )
