"""Admin views that work on what the user's state networks hold (DESIGN.md rule 10).

A viewset says what a user may see (`scope(user)`, a queryset); every view it makes, its
listing, search, filters and export as much as its edit, inspect, history, usage, delete and
copy pages, then works on that alone: an object outside it is a 404, as if it did not exist.
"""

from django.http import Http404
from wagtail.admin.viewsets.model import ModelViewSet

from catalogue.admin_display import InspectView


class ScopedViewMixin:
    scope = None  # (user) -> the queryset of what the user may see

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if queryset.model is not self.model:  # e.g. the history view's log entries
            return queryset
        return queryset.filter(pk__in=self.scope(self.request.user).values("pk"))

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not self.scope(self.request.user).filter(pk=instance.pk).exists():
            raise Http404
        return instance


_scoped_classes: dict[type, type] = {}


def scoped(view_class: type) -> type:
    """`view_class` working on the scope it is given."""
    if view_class not in _scoped_classes:
        _scoped_classes[view_class] = type(
            f"Scoped{view_class.__name__}", (ScopedViewMixin, view_class), {}
        )
    return _scoped_classes[view_class]


class ScopedModelViewSet(ModelViewSet):
    inspect_view_class = InspectView
    inspect_field_labels: dict = {}  # see InspectView.field_labels

    def scope(self, user):
        raise NotImplementedError

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(field_labels=self.inspect_field_labels, **kwargs)

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(scoped(view_class), scope=self.scope, **kwargs)
