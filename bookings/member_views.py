"""Member pages: the organisation and its members, invitations, renaming participants and
in-house requests. Thin: parse, call one service or selector, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bookings import selectors
from bookings.member_forms import (
    InhouseRequestForm,
    InvitationForm,
    OrganisationDetailsForm,
    RoleForm,
    rename_formset,
)
from bookings.models import Organisation, Role
from bookings.services import inhouse, members
from bookings.services.bookings import ParticipantData, participant_rename
from bookings.services.errors import BookingBusy, BookingError
from bookings.views import (
    TOO_MANY,
    booking_detail_context,
    member_object_required,
    member_required,
    too_many_emails,
    too_many_message,
)


@member_required
@require_http_methods(["GET", "POST"])
def organisation_detail(request):
    organisation = request.membership.organisation
    form = InvitationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if too_many_emails(request, "iq_invitation", organisation):
            form.is_valid()
            form.add_error(None, too_many_message())
            return _organisation_page(request, form, status=TOO_MANY)
        if form.is_valid():
            try:
                members.invitation_create(
                    organisation=organisation,
                    by=request.user,
                    language=get_language(),
                    **form.cleaned_data,
                )
            except BookingError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("The invitation has been sent to %(email)s.") % form.cleaned_data,
                )
                return redirect("bookings:organisation")
        status = 400
    return _organisation_page(request, form, status=status)


def _organisation_page(request, form, *, status: int):
    organisation = request.membership.organisation
    is_admin = request.membership.role == Role.ADMIN
    context = {
        "organisation": organisation,
        "membership": request.membership,
        "is_admin": is_admin,
        "members": selectors.organisation_memberships(organisation),
        "invitations": selectors.pending_invitations(organisation) if is_admin else [],
        "form": form,
        "roles": Role.choices,
    }
    return render(request, "bookings/organisation.html", context, status=status)


@member_object_required
@require_POST
def invitation_resend(request, invitation_id):
    invitation = selectors.invitation_for_user(request.user, invitation_id)
    if invitation is None:
        raise Http404
    if too_many_emails(request, "iq_invitation", invitation.organisation):
        messages.error(request, too_many_message())
        return redirect("bookings:organisation")
    try:
        members.invitation_create(
            organisation=invitation.organisation,
            email=invitation.email,
            role=invitation.role,
            by=request.user,
            language=get_language(),
        )
    except BookingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The invitation has been sent again to %(email)s.") % vars(invitation)
        )
    return redirect("bookings:organisation")


@member_object_required
@require_POST
def invitation_revoke(request, invitation_id):
    invitation = selectors.invitation_for_user(request.user, invitation_id)
    if invitation is None:
        raise Http404
    try:
        members.invitation_revoke(invitation=invitation, by=request.user)
    except BookingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The invitation to %(email)s has been withdrawn.") % vars(invitation)
        )
    return redirect("bookings:organisation")


@member_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request):
    organisation = request.membership.organisation
    if request.membership.role != Role.ADMIN:
        raise PermissionDenied
    form = OrganisationDetailsForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            members.organisation_details_update(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except BookingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The details of your organisation have been saved."))
            return redirect("bookings:organisation")
    status = 400 if form.errors else 200
    return render(
        request,
        "bookings/organisation_edit.html",
        {"form": form, "organisation": Organisation.objects.get(pk=organisation.pk)},
        status=status,
    )


@member_object_required
@require_POST
def organisation_reminders(request):
    send = request.POST.get("send_reminders") == "on"
    try:
        members.organisation_reminders_set(
            organisation=request.membership.organisation, send=send, by=request.user
        )
    except BookingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Reminders are switched on.") if send else _("Reminders are switched off."),
        )
    return redirect("bookings:organisation")


@member_object_required
@require_POST
def member_role(request, membership_id):
    membership = selectors.colleague_membership(request.user, membership_id)
    if membership is None:
        raise Http404
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["role"]))
        return redirect("bookings:organisation")
    try:
        members.member_role_set(
            membership=membership, role=form.cleaned_data["role"], by=request.user
        )
    except BookingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The role has been changed."))
    return redirect("bookings:organisation")


@member_object_required
@require_POST
def member_remove(request, membership_id):
    membership = selectors.colleague_membership(request.user, membership_id)
    if membership is None:
        raise Http404
    try:
        members.member_remove(membership=membership, by=request.user)
    except BookingError as error:
        messages.error(request, str(error))
        return redirect("bookings:organisation")
    messages.success(
        request,
        _("%(email)s no longer belongs to the organisation.") % {"email": membership.user.email},
    )
    return redirect("bookings:home" if membership.user == request.user else "bookings:organisation")


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    """Anonymous visitors log in or sign up first (and come back); a logged-in user joins if
    the invitation was sent to one of their verified email addresses."""
    invitation = selectors.invitation_by_token(token)
    if invitation is None:
        raise Http404
    context = {"invitation": invitation}
    if not request.user.is_authenticated:
        query = urlencode({"next": request.path})
        context.update(
            login_url=f"{reverse('account_login')}?{query}",
            signup_url=f"{reverse('account_signup')}?{query}",
        )
        return render(request, "bookings/invitation_accept.html", context)
    try:
        if request.method == "POST":
            members.invitation_accept(token=token, user=request.user)
        else:
            members.invitation_check(invitation=invitation, user=request.user)
    except BookingError as error:
        context["error"] = str(error)
        return render(request, "bookings/invitation_accept.html", context, status=403)
    if request.method == "POST":
        messages.success(
            request,
            _("Welcome! You now belong to %(organisation)s.")
            % {"organisation": invitation.organisation.name},
        )
        return redirect("bookings:home")
    context["can_accept"] = True
    return render(request, "bookings/invitation_accept.html", context)


@member_object_required
@require_POST
def participants_rename(request, reference):
    booking = selectors.booking_for_user(request.user, reference)
    if booking is None:
        raise Http404
    formset = rename_formset(booking, request.POST)
    error = None
    if formset.is_valid():
        try:
            changed = participant_rename(
                booking=booking,
                participants={
                    form.cleaned_data["participant"]: ParticipantData(
                        name=form.cleaned_data["name"],
                        email=form.cleaned_data["email"],
                        function=form.cleaned_data["function"],
                    )
                    for form in formset.forms
                },
                by=request.user,
            )
        except BookingBusy as busy:
            messages.error(request, str(busy))
            return redirect("bookings:booking_detail", reference=booking.reference)
        except BookingError as refusal:
            error = str(refusal)
        else:
            if changed:
                messages.success(request, _("The participants have been changed."))
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect("bookings:booking_detail", reference=booking.reference)
    context = booking_detail_context(booking)
    context.update(rename_formset=formset, rename_error=error)
    return render(request, "bookings/booking_detail.html", context, status=400)


@member_required
def inhouse_requests(request):
    return render(
        request,
        "bookings/inhouse_requests.html",
        {
            "requests": selectors.inhouse_requests_for_user(request.user),
            "organisation": request.membership.organisation,
        },
    )


@member_required
@require_http_methods(["GET", "POST"])
def inhouse_request_create(request):
    form = InhouseRequestForm(
        request.POST or None,
        language_code=get_language(),
        organisation=request.membership.organisation,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if too_many_emails(request, "iq_inhouse_request", request.membership.organisation):
            form.is_valid()
            form.add_error(None, too_many_message())
            status = TOO_MANY
        elif form.is_valid():
            try:
                inhouse_request = inhouse.inhouse_request_create(
                    organisation=request.membership.organisation,
                    by=request.user,
                    language=get_language(),
                    **form.cleaned_data,
                )
            except BookingError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, _("Thank you! Your request has been sent to the programme team.")
                )
                return redirect("bookings:inhouse_request_detail", request_id=inhouse_request.pk)
    return render(
        request,
        "bookings/inhouse_request_form.html",
        {"form": form, "organisation": request.membership.organisation},
        status=status,
    )


@member_object_required
def inhouse_request_detail(request, request_id):
    inhouse_request = selectors.inhouse_request_for_user(request.user, request_id)
    if inhouse_request is None:
        raise Http404
    return render(
        request, "bookings/inhouse_request_detail.html", {"inhouse_request": inhouse_request}
    )
