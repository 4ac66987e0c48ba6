"""Member pages: organisation, booking a session, my bookings. Thin: parse, call, render."""

from functools import wraps

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bookings import selectors
from bookings.certificates import certificate_ids_for_booking
from bookings.einvoice import invoice_xml
from bookings.forms import (
    BookingOptionsForm,
    OrganisationForm,
    ParticipantImportForm,
    SeatsForm,
    participant_formset,
)
from bookings.invoice_pdf import zugferd_pdf
from bookings.member_forms import rename_formset
from bookings.models import BookingStatus
from bookings.participant_import import parse_participants
from bookings.services.bookings import (
    ParticipantData,
    booking_cancel,
    booking_create,
    offer_accept,
    participants_renamable,
)
from bookings.services.errors import BookingBusy, BookingError
from bookings.services.members import organisation_create
from bookings.services.payments import cancellation_terms, checkout_start
from bookings.services.pricing import card_payments_enabled, price_per_seat
from catalogue.ics import build_calendar, calendar_response, session_events
from catalogue.material_views import session_material_download
from catalogue.models import VatTreatment
from catalogue.selectors.materials import materials_for_session


def member_required(view):
    """Logged in and member of an organisation (else: create one first)."""
    return _member_view(view, onboard=True)


def member_object_required(view):
    """A page about one object of the member's organisation: a user without an organisation
    has none, so the answer is 404 (as for another organisation's objects)."""
    return _member_view(view, onboard=False)


def _member_view(view, *, onboard: bool):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        request.membership = selectors.membership_for_user(request.user)
        if request.membership is None:
            if not onboard:
                raise Http404
            return _create_organisation_first(request)
        return view(request, *args, **kwargs)

    return wrapped


def too_many_emails(request, action: str, organisation) -> bool:
    """Whether a member form that sends email (invitations, bookings, in-house requests) has
    been used too often by this user or organisation; the limits are
    settings.ACCOUNT_RATE_LIMITS["iq_…"], counted on the cache shared by all processes."""
    return not ratelimit.consume(request, action=action, key=f"organisation:{organisation.pk}")


TOO_MANY = 429


def too_many_message() -> str:
    return _("You have done this too often in a short time. Please try again later.")


def _create_organisation_first(request):
    target = reverse("bookings:organisation_create")
    return redirect(f"{target}?next={request.get_full_path()}")


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create_view(request):
    if selectors.membership_for_user(request.user):
        return redirect("bookings:home")
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation_create(user=request.user, **form.cleaned_data)
        except BookingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your organisation has been created."))
            next_url = request.GET.get("next", "")
            if url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
                return redirect(next_url)
            return redirect("bookings:home")
    status = 400 if form.errors else 200
    return render(request, "bookings/organisation_form.html", {"form": form}, status=status)


@member_required
def my_bookings(request):
    upcoming, past = selectors.upcoming_and_past_bookings(request.user)
    return render(
        request,
        "bookings/my_bookings.html",
        {"upcoming": upcoming, "past": past, "organisation": request.membership.organisation},
    )


@login_required
@require_http_methods(["GET", "POST"])
def book_session(request, session_id):
    membership = selectors.membership_for_user(request.user)
    organisation = membership.organisation if membership else None
    # A private session is 404 to everyone but its organisation's members; a user without an
    # organisation creates one before booking a public session.
    session = selectors.session_for_booking(session_id, organisation)
    if session is None:
        raise Http404
    if membership is None:
        return _create_organisation_first(request)
    formset_class = participant_formset(session.capacity)
    # What the page shows is read only when it is shown: a booking made goes straight on.
    shown, status = {}, 200
    if request.method == "POST" and "import" in request.POST:
        formset, options, status = _imported_participants(request, session, shown)
    elif request.method == "POST":
        formset = formset_class(request.POST)
        options = BookingOptionsForm(request.POST)
        if too_many_emails(request, "iq_booking", organisation):
            shown["error"], status = too_many_message(), TOO_MANY
        elif formset.is_valid() and options.is_valid():
            try:
                booking = booking_create(
                    session=session,
                    organisation=organisation,
                    participants=[ParticipantData(**form.cleaned_data) for form in formset.forms],
                    by=request.user,
                    pay_by_invoice=options.cleaned_data["pay_by_invoice"],
                    language=request.LANGUAGE_CODE,
                    order_reference=options.cleaned_data["order_reference"],
                    fill_then_waitlist=options.cleaned_data["when_full"] != "waitlist",
                )
            except BookingBusy as error:
                shown["error"], status = str(error), 503
            except BookingError as error:
                shown["error"], status = str(error), 400
            else:
                if booking.awaiting_payment:
                    return redirect("bookings:booking_pay", reference=booking.reference)
                messages.success(request, _booking_message(booking))
                return redirect("bookings:booking_detail", reference=booking.reference)
        else:
            status = 400
    else:
        seats = SeatsForm(request.GET or {"seats": 1}, capacity=session.capacity)
        shown["seats_form"] = seats
        if not seats.is_valid():
            context = {**_booking_page(session, organisation), **shown}
            return render(request, "bookings/book.html", context, status=400)
        formset = formset_class(initial=[{"function": "employee"}] * seats.cleaned_data["seats"])
        options = BookingOptionsForm()
    context = {**_booking_page(session, organisation), **shown}
    seats_booked = formset.total_form_count()
    context.update(
        formset=formset,
        options=options,
        total=context["price"] * seats_booked,
        seats_booked=seats_booked,
        # Some seats free, but not enough: the booker chooses how to split.
        split_choice=0 < context["free"] < seats_booked,
        terms=booking_terms(session),
    )
    return render(request, "bookings/book.html", context, status=status)


def _booking_page(session, organisation) -> dict:
    """What the booking page shows of the session besides the forms."""
    return {
        "session": session,
        "training": _training_in_language(session),
        "organisation": organisation,
        "price": price_per_seat(session=session, organisation=organisation),
        "card_payments": card_payments_enabled(),
        "occurrences": session.active_occurrences,
        "free": session.free_places,
        "waitlist_place": selectors.next_waitlist_place(session),
        "already_booked": list(selectors.organisation_bookings_of_session(organisation, session)),
        "import_form": ParticipantImportForm(),
    }


def _imported_participants(request, session, shown):
    """The participants' forms filled from a pasted or uploaded list, to check and book; the
    list's errors, row by row, otherwise (in `shown`)."""
    form = ParticipantImportForm(request.POST, request.FILES)
    formset_class = participant_formset(session.capacity)
    shown["import_form"] = form
    if form.is_valid():
        result = parse_participants(
            text=form.cleaned_data["text"],
            upload=form.cleaned_data["upload"],
            limit=session.capacity,
        )
        if not result.errors:
            messages.info(
                request,
                ngettext(
                    "%(count)s participant taken from the list: check the details and book.",
                    "%(count)s participants taken from the list: check the details and book.",
                    len(result.rows),
                )
                % {"count": len(result.rows)},
            )
            return formset_class(initial=result.rows), BookingOptionsForm(), 200
        shown["import_errors"] = result.errors
    formset = formset_class(initial=[{"function": "employee"}])
    shown["seats_form"] = SeatsForm({"seats": 1}, capacity=session.capacity)
    return formset, BookingOptionsForm(), 400


@member_object_required
@require_http_methods(["GET", "POST"])
def booking_detail(request, reference):
    booking = selectors.booking_for_user(request.user, reference)
    if booking is None:
        raise Http404
    if request.method == "POST" and "accept_offer" in request.POST:
        try:
            offer_accept(booking=booking, by=request.user)
        except BookingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your booking is confirmed; the invoice is on this page."))
        return redirect("bookings:booking_detail", reference=booking.reference)
    if request.method == "POST":
        return redirect("bookings:booking_detail", reference=booking.reference)
    context = booking_detail_context(booking)
    context.update(_payment_return(booking, request.GET.get("payment")))
    return render(request, "bookings/booking_detail.html", context)


@member_object_required
@require_http_methods(["GET", "POST"])
def booking_cancel_view(request, reference):
    """Cancelling in two steps: the chosen participants (or `all`) and what that means for
    the price, then the confirmation. Nothing chosen is never the whole booking."""
    booking = selectors.booking_for_user(request.user, reference)
    if booking is None:
        raise Http404
    back = redirect("bookings:booking_detail", reference=booking.reference)
    if not selectors.cancellable_by_booker(booking):
        messages.error(request, _("This booking can no longer be cancelled here."))
        return back
    data = request.POST if request.method == "POST" else request.GET
    active = list(booking.participants.filter(cancelled_at__isnull=True))
    whole = data.get("all") == "1"
    try:
        ids = {int(value) for value in data.getlist("participant")}
    except ValueError:
        ids = set()
    chosen = active if whole else [p for p in active if p.pk in ids]
    if not chosen or (not whole and len(chosen) != len(ids)):
        messages.error(request, _("Choose whom to cancel: tick the participants first."))
        return back
    whole = whole or len(chosen) == len(active)
    if request.method == "POST":
        try:
            booking_cancel(
                booking=booking,
                by=request.user,
                participant_ids=None if whole else [p.pk for p in chosen],
            )
        except BookingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The cancellation has been saved."))
        return back
    return render(
        request,
        "bookings/booking_cancel.html",
        {
            "booking": booking,
            "training": _training_in_language(booking.session),
            "chosen": chosen,
            "whole": whole,
            "terms": cancellation_terms(booking, seats=len(chosen)),
        },
    )


def booking_terms(session) -> dict:
    """What the booking form says of VAT, cancelling and refunds."""
    training = session.training.facts
    return {
        "vat_exempt": training.vat == VatTreatment.EXEMPT,
        "deadline": session.booking_deadline or session.starts_at,
        "before": training.refund_before_deadline,
        "after": training.refund_after_deadline,
    }


def booking_detail_context(booking) -> dict:
    session = booking.session
    confirmed = booking.status == BookingStatus.CONFIRMED
    return {
        "booking": booking,
        "cancellable": selectors.cancellable_by_booker(booking),
        "confirmed": confirmed,
        # Online access and materials only for a confirmed booking.
        "online_dates": [
            (occurrence, session.access_for(occurrence))
            for occurrence in session.active_occurrences
            if occurrence.end > timezone.now()
        ]
        if confirmed and session.online
        else [],
        "materials": materials_for_session(session) if confirmed else [],
        "invoices": booking.invoices.order_by("number"),
        "training": _training_in_language(booking.session),
        "rename_formset": rename_formset(booking) if participants_renamable(booking) else None,
        "certificate_ids": certificate_ids_for_booking(booking),
    }


@member_object_required
def booking_calendar(request, reference):
    booking = selectors.booking_for_user(request.user, reference)
    if booking is None:
        raise Http404
    training = _training_in_language(booking.session)
    if booking.session.is_private:  # in-house: no public session page
        url = request.build_absolute_uri(
            reverse("bookings:booking_detail", args=[booking.reference])
        )
    else:
        url = request.build_absolute_uri(
            training.url + training.reverse_subpage("session", args=[booking.session.pk])
        )
    confirmed = booking.status == BookingStatus.CONFIRMED
    body = build_calendar(
        session_events(booking.session, title=training.title, url=url, with_access=confirmed),
        name=training.title,
    )
    return calendar_response(body, filename=f"{booking.reference}.ics", inline=False)


@member_object_required
def booking_material(request, reference, material_id):
    """A material's file, for the members of a confirmed booking of its session."""
    booking = selectors.booking_for_user(request.user, reference)
    if booking is None or booking.status != BookingStatus.CONFIRMED:
        raise Http404
    return session_material_download(booking.session, material_id)


def _training_in_language(session):
    return session.training.localized


def _booking_message(booking) -> str:
    if booking.status == "waitlisted":
        return _("The session is full: your booking %(reference)s is on the waiting list.") % {
            "reference": booking.reference
        }
    return _("Booking %(reference)s is confirmed.") % {"reference": booking.reference}


@member_object_required
def booking_pay(request, reference):
    """Send the booker to Stripe Checkout for a held booking. This is the payment link of
    waiting-list offers too: it works as long as the hold, making a new Checkout Session when
    the last one has run out."""
    booking = selectors.booking_for_user(request.user, reference)
    if booking is None:
        raise Http404
    page = request.build_absolute_uri(reverse("bookings:booking_detail", args=[reference]))
    try:
        url = checkout_start(
            booking=booking,
            title=_training_in_language(booking.session).title,
            email=request.user.email,
            locale=get_language(),
            success_url=f"{page}?payment=done",
            cancel_url=f"{page}?payment=cancelled",
        )
    except BookingError as error:
        messages.error(request, str(error))
        return redirect("bookings:booking_detail", reference=reference)
    return HttpResponseRedirect(url, status=303)


def _payment_return(booking, outcome: str | None) -> dict:
    """What the booking page says when the booker comes back from Stripe Checkout."""
    if outcome == "done":
        if booking.payment_status == "paid":
            notice = _("Thank you: your payment has been received and the booking is confirmed.")
        else:
            notice = _(
                "Thank you. Your payment is being confirmed; this takes a moment. Reload the "
                "page to see the booking confirmed."
            )
        return {"payment_notice": notice, "payment_returned": True}
    if outcome == "cancelled" and booking.awaiting_payment:
        return {
            "payment_notice": _(
                "The payment was cancelled. You can pay below while your seats are held."
            )
        }
    return {}


@member_object_required
def invoices(request):
    return render(
        request,
        "bookings/invoices.html",
        {"invoices": selectors.invoices_for_user(request.user).order_by("-issue_date", "-number")},
    )


@member_object_required
def invoice_download(request, number, document):
    """The invoice or credit note as a PDF (ZUGFeRD: with its XML inside) or as its XML
    (XRechnung for a buyer with a Leitweg-ID, else Factur-X); another organisation's: 404."""
    invoice = selectors.invoice_for_user(request.user, number)
    if invoice is None or document not in ("pdf", "xml"):
        raise Http404
    if document == "pdf":
        response = HttpResponse(zugferd_pdf(invoice), content_type="application/pdf")
        filename = f"{invoice.number}.pdf"
    else:
        response = HttpResponse(invoice_xml(invoice), content_type="application/xml")
        filename = f"{invoice.number}.xml"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
