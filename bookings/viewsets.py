"""Bookings in the Wagtail admin. Bookings change state only through bookings.services, so the
booking views are read-only here: listing, filters, export and the inspect view."""

import django_filters
from django.db.models import F, Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy

from bookings.admin_views import book_on_behalf_button, booking_menu_items
from bookings.inhouse_admin import (
    InhouseAnswerForm,
    InhouseAnswerView,
    InhouseRequestInspectView,
    InhouseScheduleView,
    answer_permission_policy,
    schedule_panel,
)
from bookings.models import Booking, InhouseRequest, Invoice, InvoiceKind, Organisation
from bookings.selectors import (
    bookings_for_staff,
    inhouse_requests_for_staff,
    invoices_for_staff,
    organisations_for_staff,
    with_amounts,
)
from bookings.services.bookings import bookings_to_reclassify
from catalogue.admin_display import InspectView
from catalogue.models import Session, StateNetwork
from catalogue.scoped_admin import ScopedModelViewSet
from catalogue.selectors.staff import next_first, sessions_for_staff


def staff_sessions(request):
    """The filters offer what the user's state networks hold, nothing else."""
    return next_first(sessions_for_staff(request.user).select_related("training"))


def staff_organisations(request):
    return organisations_for_staff(request.user).order_by("name")


class BookingFilterSet(WagtailFilterSet):
    session = django_filters.ModelChoiceFilter(label=_("Session"), queryset=staff_sessions)
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"), queryset=staff_organisations
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

    @cached_property
    def header_buttons(self):
        return super().header_buttons + book_on_behalf_button(self.request.user)

    def get_list_more_buttons(self, instance):
        return super().get_list_more_buttons(instance) + booking_menu_items(
            instance, self.request.user
        )


class BookingInspectView(InspectView):
    @cached_property
    def header_more_buttons(self):
        return super().header_more_buttons + [
            Button.from_menu_item(item)
            for item in booking_menu_items(self.object, self.request.user)
        ]


class BookingHistoryView(history.HistoryView):
    """Who changed a booking's state, when, from what to what; for anyone who may view it."""

    any_permission_required = ["view"]


class BookingViewSet(ScopedModelViewSet):
    """Bookings of the sessions of the user's state networks."""

    model = Booking
    index_view_class = BookingIndexView
    inspect_view_class = BookingInspectView
    history_view_class = BookingHistoryView
    icon = "tick-inverse"
    menu_label = _("Bookings")
    form_fields = []
    inspect_view_enabled = True
    copy_view_enabled = False
    # Bookings are written under the session lock at high rates; indexing each one for Wagtail's
    # "usage" listings would add a task per booking. Staff find a session's bookings on its
    # participants page instead.
    add_to_reference_index = False
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
        "refunded_amount",
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
        "refunded_amount",
        "stripe_payment_intent",
        "hold_expires_at",
        "created_by",
        "created_at",
    ]

    permission_policy = ReadOnlyPermissionPolicy(Booking)

    def scope(self, user):
        return bookings_for_staff(user)


class OrganisationEditView(generic.EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if bookings_to_reclassify(self.object, self.request.user).exists():
            buttons.append(
                Button(
                    _("Re-classify past bookings"),
                    reverse("bookings_staff:reclassify", args=[self.object.pk]),
                    icon_name="resubmit",
                    priority=50,
                )
            )
        return buttons


class OrganisationViewSet(ScopedModelViewSet):
    """Organisations of the user's state networks and those that booked there."""

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
    inspect_field_labels = {"created_at": _("Created")}
    edit_view_class = OrganisationEditView

    def scope(self, user):
        return organisations_for_staff(user)


class InhouseRequestFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"), queryset=staff_organisations
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Received between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = InhouseRequest
        fields = ["status", "organisation", "created_at"]


class InhouseRequestIndexView(generic.IndexView):
    queryset = InhouseRequest.objects.select_related("organisation", "training", "topic")


class InhouseRequestViewSet(ScopedModelViewSet):
    """Requests come from members and change only through the services: staff answer them
    and schedule private sessions in the views added here (change permission needed)."""

    model = InhouseRequest
    icon = "mail"
    menu_label = _("In-house requests")
    form_fields = []
    index_view_class = InhouseRequestIndexView
    inspect_view_class = InhouseRequestInspectView
    history_view_class = BookingHistoryView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        Column("organisation", label=_("Organisation")),
        Column("training", label=_("Training")),
        Column("topic", label=_("Topic")),
        "period_from",
        "expected_participants",
        "status",
        "created_at",
    ]
    list_export = [
        "pk",
        "organisation",
        "training",
        "topic",
        "period_from",
        "period_to",
        "expected_participants",
        "get_delivery_display",
        "place",
        "get_status_display",
        "created_at",
        "answered_at",
    ]
    export_headings = {
        "pk": _("ID"),
        "get_delivery_display": _("Place"),
        "get_status_display": _("Status"),
    }
    export_filename = "inhouse-requests"
    filterset_class = InhouseRequestFilterSet
    search_fields = ["organisation__name", "training__title", "topic__name", "message"]
    search_backend_name = None
    inspect_view_fields = [
        "organisation",
        "requested_by",
        "training",
        "topic",
        "period_from",
        "period_to",
        "expected_participants",
        "delivery",
        "place",
        "message",
        "status",
        "answer",
        "answered_by",
        "answered_at",
        "session",
        "created_at",
    ]
    inspect_field_labels = {"answered_by": _("Answered by")}

    permission_policy = ReadOnlyPermissionPolicy(InhouseRequest)

    def scope(self, user):
        return inhouse_requests_for_staff(user)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            answer_url_name=self.get_url_name("answer"),
            schedule_url_name=self.get_url_name("schedule"),
            **kwargs,
        )

    @property
    def answer_view(self):
        return self.construct_view(
            InhouseAnswerView,
            permission_policy=answer_permission_policy,
            form_class=InhouseAnswerForm,
            panel=None,
            edit_url_name=self.get_url_name("answer"),
            delete_url_name=None,
            usage_url_name=None,
        )

    @property
    def schedule_view(self):
        return self.construct_view(
            InhouseScheduleView,
            model=Session,
            permission_policy=answer_permission_policy,
            panel=schedule_panel(),
            schedule_url_name=self.get_url_name("schedule"),
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("answer/<int:pk>/", self.answer_view, name="answer"),
            path("schedule/<int:pk>/", self.schedule_view, name="schedule"),
        ]


class InvoiceFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State network"), field_name="booking__session__state", choices=StateNetwork.choices
    )
    issue_date = django_filters.DateFromToRangeFilter(
        label=_("Issued between"), widget=DateRangePickerWidget
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        method="filter_status",
        choices=[
            ("open", _("open")),
            ("partly_paid", _("partly paid")),
            ("paid", _("paid")),
            ("overdue", _("overdue")),
            ("credited", _("credited")),
        ],
    )
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")

    class Meta:
        model = Invoice
        fields = ["kind", "status", "state", "issue_date", "overdue"]

    def filter_status(self, queryset, name, value):
        """The same states as Invoice.state_label, from the annotated sums."""
        invoice = Q(kind=InvoiceKind.INVOICE)
        due = Q(gross_total__gt=F("paid") + F("credited"))
        late = Q(due_date__lt=timezone.localdate())
        conditions = {
            "open": invoice & due & ~late & Q(paid=0),
            "partly_paid": invoice & due & ~late & Q(paid__gt=0),
            "paid": invoice & ~due & Q(credited__lt=F("gross_total")),
            "overdue": invoice & due & late,
            "credited": invoice & ~due & Q(credited__gte=F("gross_total")),
        }
        return queryset.filter(conditions[value]) if value in conditions else queryset

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = self.filter_status(queryset, name, "overdue")
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


class InvoiceIndexView(generic.IndexView):
    def get_base_queryset(self):
        return with_amounts(super().get_base_queryset())


class InvoiceInspectView(InspectView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.object.kind == InvoiceKind.INVOICE and self.request.user.has_perm(
            "bookings.add_invoicepayment"
        ):
            buttons.append(
                Button(
                    _("Record a payment"),
                    reverse("bookings_staff:invoice_payment", args=[self.object.pk]),
                    icon_name="plus",
                    priority=10,
                )
            )
        return buttons


class InvoiceViewSet(ScopedModelViewSet):
    """Invoices and credit notes of the bookings of the user's state networks; they never
    change (corrections are credit notes), so the admin only lists, inspects and exports."""

    model = Invoice
    icon = "doc-full"
    menu_label = _("Invoices")
    form_fields = []
    inspect_view_enabled = True
    inspect_view_class = InvoiceInspectView
    index_view_class = InvoiceIndexView
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = [
        "number",
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("buyer_name", label=_("Buyer")),
        Column("booking", label=_("Booking")),
        "issue_date",
        "due_date",
        "gross_total",
        Column("state_label", label=_("Status")),
    ]
    list_export = [
        "number",
        "kind",
        "buyer_name",
        "booking",
        "issue_date",
        "due_date",
        "net_total",
        "tax_total",
        "gross_total",
        "paid",
        "credited",
        "state_label",
    ]
    export_headings = {
        "buyer_name": _("Buyer"),
        "paid": _("Paid (EUR)"),
        "credited": _("Credited (EUR)"),
        "state_label": _("Status"),
    }
    export_filename = "invoices"
    filterset_class = InvoiceFilterSet
    search_fields = ["number", "booking__reference", "booking__organisation__name"]
    search_backend_name = None
    inspect_view_fields = [
        "number",
        "kind",
        "booking",
        "corrects",
        "issue_date",
        "due_date",
        "net_total",
        "tax_total",
        "gross_total",
        "vat_note",
        "order_reference",
    ]
    inspect_field_labels = {"vat_note": _("VAT note"), "order_reference": _("Order reference")}
    permission_policy = ReadOnlyPermissionPolicy(Invoice)

    def scope(self, user):
        return invoices_for_staff(user)


class BookingsGroup(ViewSetGroup):
    menu_label = _("Bookings")
    menu_icon = "tick-inverse"
    menu_order = 215
    items = (
        BookingViewSet("bookings_booking"),
        OrganisationViewSet("bookings_organisation"),
        InhouseRequestViewSet("bookings_inhouserequest"),
        InvoiceViewSet("bookings_invoice"),
    )
