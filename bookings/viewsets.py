"""Bookings in the Wagtail admin. Bookings change state only through bookings.services, so the
booking views are read-only here: listing, filters, export and the inspect view."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from bookings.models import Booking, Organisation
from catalogue.models import Session


class BookingFilterSet(WagtailFilterSet):
    session = django_filters.ModelChoiceFilter(
        label=_("Session"),
        queryset=Session.objects.select_related("training").order_by("-starts_at"),
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"), queryset=Organisation.objects.all()
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Booked between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Booking
        fields = ["session", "organisation", "status", "payment_status", "created_at"]


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds, edits or deletes bookings in the admin: they change only through the
    booking services, which lock the session and keep the seat count right."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class BookingIndexView(generic.IndexView):
    queryset = Booking.objects.select_related("organisation", "session__training")


class BookingHistoryView(history.HistoryView):
    """Who changed a booking's state, when, from what to what; for anyone who may view it."""

    any_permission_required = ["view"]


class BookingViewSet(ModelViewSet):
    model = Booking
    index_view_class = BookingIndexView
    history_view_class = BookingHistoryView
    icon = "tick-inverse"
    menu_label = _("Bookings")
    form_fields = []
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "reference",
        Column("organisation", label=_("Organisation")),
        Column("session", label=_("Session")),
        "seats",
        "status",
        "payment_status",
        "created_at",
    ]
    list_export = [
        "reference",
        "organisation",
        "session",
        "seats",
        "get_status_display",
        "price_per_seat",
        "amount",
        "get_payment_method_display",
        "get_payment_status_display",
        "created_at",
    ]
    export_headings = {
        "get_status_display": _("Status"),
        "amount": _("Amount (EUR)"),
        "get_payment_method_display": _("Payment method"),
        "get_payment_status_display": _("Payment"),
    }
    export_filename = "bookings"
    filterset_class = BookingFilterSet
    search_fields = ["reference", "organisation__name", "participants__name"]
    search_backend_name = None
    inspect_view_fields = [
        "reference",
        "session",
        "organisation",
        "status",
        "seats",
        "price_per_seat",
        "payment_method",
        "payment_status",
        "hold_expires_at",
        "created_by",
        "created_at",
    ]

    permission_policy = ReadOnlyPermissionPolicy(Booking)


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    form_fields = ["name", "type", "state", "street", "postcode", "city", "leitweg_id", "vat_id"]
    list_display = ["name", "type", "state", "city"]
    list_filter = ["type", "state"]
    list_export = [
        "name",
        "type",
        "sector",
        "state",
        "street",
        "postcode",
        "city",
        "leitweg_id",
        "vat_id",
    ]
    search_fields = ["name", "city"]
    search_backend_name = None
    inspect_view_enabled = True


class BookingsGroup(ViewSetGroup):
    menu_label = _("Bookings")
    menu_icon = "tick-inverse"
    menu_order = 215
    items = (BookingViewSet("bookings_booking"), OrganisationViewSet("bookings_organisation"))
