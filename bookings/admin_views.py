"""Programme staff's booking work in the Wagtail admin: a session's participants and waiting
list, capacity, cancelling a booking or a whole session, booking on behalf of an organisation.
Every change goes through bookings.services; the views only parse input and show the result."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from bookings import selectors
from bookings.admin_forms import (
    DEFAULT_PARTICIPANT_ROWS,
    BookOnBehalfForm,
    CapacityForm,
    PaymentForm,
    ReasonForm,
    participant_formset_class,
)
from bookings.forms import MAX_PARTICIPANT_FORMS
from bookings.models import Booking, BookingStatus, InvoiceKind, InvoicePayment
from bookings.services.bookings import (
    ParticipantData,
    booking_cancel,
    booking_create,
    bookings_reclassify,
    bookings_to_reclassify,
    session_cancel,
    session_capacity_set,
)
from bookings.services.errors import BookingError
from bookings.services.invoices import amount_due, payment_record
from catalogue.models.sessions import SessionStatus

URL_NAMESPACE = "bookings_staff"
booking_permissions = ModelPermissionPolicy(Booking)


def participants_url(session_id: int) -> str:
    return reverse(f"{URL_NAMESPACE}:participants", args=[session_id])


def session_menu_items(session_id: int) -> list[MenuItem]:
    """Links to the session's booking pages, for listings and headers elsewhere in the admin."""
    return [
        MenuItem(
            _("Participants and waiting list"),
            participants_url(session_id),
            icon_name="group",
            priority=15,
        )
    ]


def booking_menu_items(booking: Booking, user) -> list[MenuItem]:
    items = session_menu_items(booking.session_id)
    if booking.status not in (BookingStatus.CANCELLED, BookingStatus.EXPIRED) and (
        booking_permissions.user_has_permission(user, "change")
    ):
        items.append(
            MenuItem(
                _("Cancel booking"),
                reverse(f"{URL_NAMESPACE}:booking_cancel", args=[booking.pk]),
                icon_name="cross",
                priority=25,
            )
        )
    return items


def book_on_behalf_button(user, session_id: int | None = None) -> list[HeaderButton]:
    if not booking_permissions.user_has_permission(user, "add"):
        return []
    url = reverse(f"{URL_NAMESPACE}:book")
    if session_id:
        url += f"?session={session_id}"
    return [HeaderButton(_("Book on behalf"), url=url, icon_name="plus")]


def may_see_session_pages(user) -> bool:
    return booking_permissions.user_has_any_permission(user, ["view", "change"])


class StaffViewMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    permission_policy = booking_permissions
    header_icon = "tick-inverse"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("bookings_booking:index"), "label": _("Bookings")},
            *self.get_extra_breadcrumbs(),
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_extra_breadcrumbs(self):
        return []


class SessionMixin(StaffViewMixin):
    """Views about one session (`session_id` in the URL)."""

    @cached_property
    def session(self):
        """Looked up once the permission is checked: among the user's state networks'."""
        session = selectors.session_for_staff(self.request.user, self.kwargs["session_id"])
        if session is None:
            raise Http404
        return session

    def get_page_subtitle(self):
        return str(self.session)

    def get_extra_breadcrumbs(self):
        return [
            {
                "url": participants_url(self.session.pk),
                "label": _("Participants and waiting list"),
            }
        ]

    def get_success_url(self):
        return participants_url(self.session.pk)


class SessionParticipantsView(SessionMixin, ReportView):
    """Session facts, the participants holding seats and the waiting list in order."""

    any_permission_required = ["view", "change"]
    page_title = gettext_lazy("Participants and waiting list")
    header_icon = "group"
    template_name = "bookings/admin/session_participants.html"
    results_template_name = "bookings/admin/session_participants_results.html"
    paginate_by = None
    list_export = [
        "name",
        "get_function_display",
        "email",
        "booking.organisation.name",
        "booking.reference",
        "booking.get_status_display",
    ]
    export_headings = {
        "get_function_display": gettext_lazy("Function"),
        "booking.organisation.name": gettext_lazy("Organisation"),
        "booking.reference": gettext_lazy("Booking reference"),
        "booking.get_status_display": gettext_lazy("Status"),
    }

    def get_extra_breadcrumbs(self):
        return []

    def get_base_queryset(self):
        return selectors.session_participants(self.session)

    def get_filename(self):
        return f"participants-{self.session.pk}"

    @cached_property
    def can_change(self):
        return self.user_has_permission("change")

    @cached_property
    def header_buttons(self):
        if not self.session.booking_open:
            return []
        return book_on_behalf_button(self.request.user, self.session.pk)

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.can_change and self.session.status != SessionStatus.CANCELLED:
            buttons += [
                Button(
                    _("Change capacity"),
                    url=reverse(f"{URL_NAMESPACE}:capacity", args=[self.session.pk]),
                    icon_name="edit",
                    priority=10,
                ),
                Button(
                    _("Cancel session"),
                    url=reverse(f"{URL_NAMESPACE}:session_cancel", args=[self.session.pk]),
                    icon_name="cross",
                    priority=20,
                ),
            ]
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            session=self.session,
            waitlist=selectors.session_waitlist(self.session),
            can_change=self.can_change,
        )
        return context


class CapacityView(SessionMixin, FormView):
    permission_required = "change"
    page_title = gettext_lazy("Change capacity")
    template_name = "bookings/admin/form.html"
    form_class = CapacityForm

    def get_initial(self):
        return {"capacity": self.session.capacity}

    def form_valid(self, form):
        try:
            session = session_capacity_set(
                session=self.session, capacity=form.cleaned_data["capacity"], by=self.request.user
            )
        except BookingError as error:
            form.add_error("capacity", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The capacity is now %(capacity)s; %(free)s places are free.")
            % {"capacity": session.capacity, "free": session.free_places},
        )
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            submit_button_label=_("Save capacity"),
            intro=_(
                "%(taken)s seats are taken. Raising the capacity moves the waiting list up; "
                "it cannot be lower than the seats taken."
            )
            % {"taken": self.session.seats_taken},
        )
        return context


class SessionCancelView(SessionMixin, TemplateView):
    permission_required = "change"
    page_title = gettext_lazy("Cancel session")
    template_name = "bookings/admin/confirm.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            message=_(
                "Cancel this session? All its bookings (%(bookings)s, including the waiting "
                "list) are cancelled and everyone booked is told."
            )
            % {
                "bookings": self.session.bookings.exclude(
                    status__in=(BookingStatus.CANCELLED, BookingStatus.EXPIRED)
                ).count()
            },
            confirm_label=_("Yes, cancel the session"),
            back_url=self.get_success_url(),
            back_label=_("No, keep it"),
        )
        return context

    def post(self, request, *args, **kwargs):
        if self.session.status == SessionStatus.CANCELLED:
            messages.error(request, _("This session has already been cancelled."))
            return redirect(self.get_success_url())
        try:
            session_cancel(session=self.session, by=request.user)
        except BookingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The session and all its bookings have been cancelled."))
        return redirect(self.get_success_url())


class BookingCancelView(StaffViewMixin, TemplateView):
    permission_required = "change"
    page_title = gettext_lazy("Cancel booking")
    template_name = "bookings/admin/confirm.html"

    @cached_property
    def booking(self):
        """Looked up once the permission is checked: among the user's state networks'."""
        booking = selectors.booking_for_staff(self.request.user, self.kwargs["booking_id"])
        if booking is None:
            raise Http404
        return booking

    def get_page_subtitle(self):
        return f"{self.booking.reference} – {self.booking.organisation}"

    def get_extra_breadcrumbs(self):
        return [
            {
                "url": participants_url(self.booking.session_id),
                "label": _("Participants and waiting list"),
            }
        ]

    def get_success_url(self):
        return participants_url(self.booking.session_id)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            booking=self.booking,
            message=_(
                "Cancel booking %(reference)s of %(organisation)s for %(session)s? Its seats go "
                "to the waiting list."
            )
            % {
                "reference": self.booking.reference,
                "organisation": self.booking.organisation,
                "session": self.booking.session,
            },
            confirm_label=_("Yes, cancel the booking"),
            back_url=self.get_success_url(),
            back_label=_("No, keep it"),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            booking_cancel(booking=self.booking, by=request.user, as_staff=True)
        except BookingError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Booking %(reference)s has been cancelled.")
                % {"reference": self.booking.reference},
            )
        return redirect(self.get_success_url())


class BookOnBehalfView(StaffViewMixin, TemplateView):
    """Phone and email orders: staff book seats for an organisation's colleagues."""

    permission_required = "add"
    page_title = gettext_lazy("Book on behalf of an organisation")
    template_name = "bookings/admin/book_on_behalf.html"

    @cached_property
    def rows(self) -> int:
        try:
            rows = int(self.request.GET.get("rows", DEFAULT_PARTICIPANT_ROWS))
        except ValueError:
            rows = DEFAULT_PARTICIPANT_ROWS
        return min(max(rows, 1), MAX_PARTICIPANT_FORMS)

    def get_forms(self):
        data = self.request.POST if self.request.method == "POST" else None
        form = BookOnBehalfForm(
            data, initial={"session": self.request.GET.get("session")}, user=self.request.user
        )
        formset = participant_formset_class(self.rows)(data, prefix="participants")
        return form, formset

    def get(self, request, *args, **kwargs):
        form, formset = self.get_forms()
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def post(self, request, *args, **kwargs):
        form, formset = self.get_forms()
        if form.is_valid() and formset.is_valid():
            participants = [
                ParticipantData(
                    name=row["name"], email=row.get("email", ""), function=row["function"]
                )
                for row in formset.cleaned_data
                if row
            ]
            try:
                booking = booking_create(
                    session=form.cleaned_data["session"],
                    organisation=form.cleaned_data["organisation"],
                    participants=participants,
                    by=request.user,
                    pay_by_invoice=form.cleaned_data["pay_by_invoice"],
                    language=form.cleaned_data["language"],
                    as_staff=True,
                )
            except BookingError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Booking %(reference)s for %(organisation)s: %(status)s.")
                    % {
                        "reference": booking.reference,
                        "organisation": booking.organisation,
                        "status": booking.get_status_display(),
                    },
                )
                return redirect(participants_url(booking.session_id))
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            media=context["form"].media + context["formset"].media,
            submit_button_label=_("Book"),
            more_rows_url=(
                f"?rows={min(self.rows + 5, MAX_PARTICIPANT_FORMS)}"
                + (
                    f"&session={self.request.GET['session']}"
                    if self.request.GET.get("session", "").isdigit()
                    else ""
                )
            ),
            can_add_rows=self.rows < MAX_PARTICIPANT_FORMS,
        )
        return context


class ReclassifyView(StaffViewMixin, FormView):
    """Count an organisation's past bookings under the type it has now, with a reason."""

    permission_required = "change"
    page_title = gettext_lazy("Re-classify past bookings")
    template_name = "bookings/admin/form.html"
    form_class = ReasonForm

    @cached_property
    def organisation(self):
        organisation = (
            selectors.organisations_for_staff(self.request.user)
            .filter(pk=self.kwargs["organisation_id"])
            .first()
        )
        if organisation is None:
            raise Http404
        return organisation

    def get_page_subtitle(self):
        return self.organisation.name

    def get_success_url(self):
        return reverse("bookings_organisation:edit", args=[self.organisation.pk])

    def form_valid(self, form):
        try:
            changed = bookings_reclassify(
                organisation=self.organisation,
                by=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except BookingError as error:
            form.add_error("reason", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(count)s bookings now count as “%(type)s”.")
            % {"count": changed, "type": self.organisation.get_type_display()},
        )
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            submit_button_label=_("Re-classify"),
            intro=_(
                "%(count)s bookings of %(organisation)s were made while it had another type and "
                "are counted under that one. Re-classified, they count as “%(type)s” in every "
                "report, past periods included."
            )
            % {
                "count": bookings_to_reclassify(self.organisation, self.request.user).count(),
                "organisation": self.organisation.name,
                "type": self.organisation.get_type_display(),
            },
        )
        return context


class InvoicePaymentView(StaffViewMixin, FormView):
    """Record money received for an invoice of the user's state networks."""

    permission_policy = ModelPermissionPolicy(InvoicePayment)
    permission_required = "add"
    page_title = gettext_lazy("Record a payment")
    template_name = "bookings/admin/form.html"
    form_class = PaymentForm

    @cached_property
    def invoice(self):
        invoice = (
            selectors.invoices_for_staff(self.request.user)
            .filter(pk=self.kwargs["invoice_id"], kind=InvoiceKind.INVOICE)
            .first()
        )
        if invoice is None:
            raise Http404
        return invoice

    def get_page_subtitle(self):
        return self.invoice.number

    def get_initial(self):
        return {"date": timezone.localdate(), "amount": amount_due(self.invoice)}

    def get_success_url(self):
        return reverse("bookings_invoice:inspect", args=[self.invoice.pk])

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            payment_record(
                invoice=self.invoice,
                amount=data["amount"],
                on=data["date"],
                reference=data["reference"],
                by=self.request.user,
            )
        except BookingError as error:
            form.add_error("amount", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The payment has been recorded; %(due)s EUR still due.")
            % {"due": amount_due(self.invoice)},
        )
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            submit_button_label=_("Record the payment"),
            intro=_("Invoice %(number)s for %(buyer)s: %(total)s EUR, %(due)s EUR still due.")
            % {
                "number": self.invoice.number,
                "buyer": self.invoice.buyer_name,
                "total": self.invoice.gross_total,
                "due": amount_due(self.invoice),
            },
        )
        return context


class StaffBookingViewSet(ViewSet):
    """The staff's booking pages; linked from the bookings and session listings (no menu item)."""

    def get_urlpatterns(self):
        return [
            path("book/", BookOnBehalfView.as_view(), name="book"),
            path(
                "sessions/<int:session_id>/",
                SessionParticipantsView.as_view(),
                name="participants",
            ),
            path("sessions/<int:session_id>/capacity/", CapacityView.as_view(), name="capacity"),
            path(
                "invoices/<int:invoice_id>/payment/",
                InvoicePaymentView.as_view(),
                name="invoice_payment",
            ),
            path(
                "organisations/<int:organisation_id>/reclassify/",
                ReclassifyView.as_view(),
                name="reclassify",
            ),
            path(
                "sessions/<int:session_id>/cancel/",
                SessionCancelView.as_view(),
                name="session_cancel",
            ),
            path(
                "bookings/<int:booking_id>/cancel/",
                BookingCancelView.as_view(),
                name="booking_cancel",
            ),
        ]
