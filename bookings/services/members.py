"""An organisation and its members: creating it, inviting colleagues (by a link sent to their
address, accepted with a confirmed address), their roles and their removal. Member changes lock
the organisation row, one at a time; an organisation always keeps an administrator."""

import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from bookings.models import Invitation, Membership, Organisation, Role
from bookings.notifications import notify_address
from bookings.services.errors import BookingError

INVITATION_VALIDITY = timedelta(days=14)
MEMBER_ACTION = "iq.organisation.members"


@transaction.atomic
def organisation_create(*, user, **fields) -> Organisation:
    """Create an organisation with `user` as its first admin."""
    if Membership.objects.filter(user=user).exists():
        raise BookingError(_("You already belong to an organisation."))
    organisation = Organisation(**fields)
    organisation.full_clean()
    organisation.save()
    Membership.objects.create(user=user, organisation=organisation, role=Role.ADMIN)
    log(instance=organisation, action="wagtail.create", user=user)
    return organisation


def invitation_create(
    *, organisation: Organisation, email: str, role: str, by, language: str = "de"
) -> Invitation:
    """Invite a colleague by email (admins only). Inviting an address again resends the
    invitation with a new link; the old link stops working."""
    email = email.strip()
    try:
        validate_email(email)
    except ValidationError:
        raise BookingError(_("Enter a valid email address.")) from None
    if role not in Role.values:
        raise BookingError(_("Choose administrator or booker as the role."))
    with transaction.atomic():
        _lock_organisation_as_admin(organisation, by)
        if _member_with_email(organisation, email):
            raise BookingError(
                _("%(email)s is already a member of your organisation.") % {"email": email}
            )
        invitation = organisation.invitations.filter(
            email__iexact=email, accepted_at__isnull=True
        ).first() or Invitation(organisation=organisation, email=email)
        resent = invitation.pk is not None
        invitation.role = role
        invitation.token = secrets.token_urlsafe(32)
        invitation.invited_by = by
        invitation.created_at = timezone.now()
        invitation.save()
        _log_members(organisation, by, "resent" if resent else "invited", email=email, role=role)
        with translation.override(language):
            path = reverse("bookings:invitation_accept", args=[invitation.token])
        notify_address(
            "invitation",
            recipient=email,
            language=language,
            key=f"invitation:{invitation.token}",
            organisation=organisation.name,
            inviter=by.get_full_name() or by.email,
            accept_url=settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
        )
    return invitation


def invitation_revoke(*, invitation: Invitation, by) -> None:
    """Withdraw an invitation that has not been accepted (admins only)."""
    with transaction.atomic():
        _lock_organisation_as_admin(invitation.organisation, by)
        deleted, _details = Invitation.objects.filter(
            pk=invitation.pk, accepted_at__isnull=True
        ).delete()
        if not deleted:
            raise BookingError(_("This invitation has already been accepted or withdrawn."))
        _log_members(invitation.organisation, by, "revoked", email=invitation.email)


def invitation_check(*, invitation: Invitation, user) -> None:
    """Refuse with the reason why `user` cannot accept `invitation` (nothing if they can)."""
    if invitation.accepted_at is not None:
        raise BookingError(_("This invitation has already been used."))
    if invitation.created_at < timezone.now() - INVITATION_VALIDITY:
        raise BookingError(
            _("This invitation has expired. Please ask your organisation to send a new one.")
        )
    if not EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists():
        raise BookingError(
            _(
                "This invitation was sent to a different email address. Please log in with the "
                "address the invitation was sent to."
            )
        )
    if Membership.objects.filter(user=user).exists():
        raise BookingError(
            _("You already belong to an organisation; an account can belong to only one.")
        )


def invitation_accept(*, token: str, user) -> Membership:
    """Join the inviting organisation with the invited role. A link works once, for 14 days,
    and only for an account whose verified email address it was sent to."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("organisation")
            .filter(token=token)
            .first()
        )
        if invitation is None:
            raise BookingError(_("This invitation link is not valid."))
        invitation_check(invitation=invitation, user=user)
        try:
            with transaction.atomic():
                membership = Membership.objects.create(
                    user=user, organisation=invitation.organisation, role=invitation.role
                )
        except IntegrityError:
            raise BookingError(
                _("You already belong to an organisation; an account can belong to only one.")
            ) from None
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        _log_members(
            invitation.organisation, user, "joined", email=invitation.email, role=invitation.role
        )
    return membership


def member_role_set(*, membership: Membership, role: str, by) -> Membership:
    """Change a member's role (admins only); an organisation keeps at least one admin."""
    if role not in Role.values:
        raise BookingError(_("Choose administrator or booker as the role."))
    with transaction.atomic():
        organisation = _lock_organisation_as_admin(membership.organisation, by)
        membership = Membership.objects.select_related("user").get(pk=membership.pk)
        if membership.role == role:
            return membership
        if membership.role == Role.ADMIN:
            _keep_an_admin(organisation, membership)
        previous, membership.role = membership.role, role
        membership.save(update_fields=["role"])
        _log_members(
            organisation, by, "role", email=membership.user.email, role=role, previous=previous
        )
    return membership


def member_remove(*, membership: Membership, by) -> None:
    """Remove a member from the organisation (admins only); the last admin stays."""
    with transaction.atomic():
        organisation = _lock_organisation_as_admin(membership.organisation, by)
        membership = Membership.objects.select_related("user").get(pk=membership.pk)
        if membership.role == Role.ADMIN:
            _keep_an_admin(organisation, membership)
        membership.delete()
        _log_members(organisation, by, "removed", email=membership.user.email)


def organisation_reminders_set(*, organisation: Organisation, send: bool, by) -> Organisation:
    """Switch the reminders to the organisation's bookers and participants on or off; any
    member may (changes and cancellations are sent regardless)."""
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if not Membership.objects.filter(user=by, organisation=organisation).exists():
            raise BookingError(_("Only members of the organisation can change this."))
        if organisation.send_reminders != send:
            organisation.send_reminders = send
            organisation.save(update_fields=["send_reminders"])
            log(instance=organisation, action="wagtail.edit", user=by, data={"reminders": send})
    return organisation


ORGANISATION_DETAILS = ("name", "street", "postcode", "city", "leitweg_id", "vat_id")


def organisation_details_update(*, organisation: Organisation, by, **fields) -> Organisation:
    """Change the organisation's name, address and invoicing details; its administrators may.
    Its type and state network decide prices and figures, so only programme staff change them.
    Invoices already issued keep the details they were issued with."""
    unknown = set(fields) - set(ORGANISATION_DETAILS)
    if unknown:
        raise ValueError(f"not organisation details: {sorted(unknown)}")
    with transaction.atomic():
        organisation = _lock_organisation_as_admin(organisation, by, _ADMINS_EDIT_DETAILS)
        changed = {
            name: value for name, value in fields.items() if getattr(organisation, name) != value
        }
        if changed:
            for name, value in changed.items():
                setattr(organisation, name, value)
            organisation.full_clean()
            organisation.save(update_fields=list(changed))
            log(instance=organisation, action="wagtail.edit", user=by, data={"changed": changed})
    return organisation


_ADMINS_MANAGE_MEMBERS = gettext_lazy(
    "Only administrators of the organisation can manage its members."
)
_ADMINS_EDIT_DETAILS = gettext_lazy(
    "Only administrators of the organisation can change its details."
)


def _lock_organisation_as_admin(
    organisation: Organisation, by, refusal=_ADMINS_MANAGE_MEMBERS
) -> Organisation:
    """Lock the organisation row (changes happen one at a time) and check that `by`
    administers it."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if not Membership.objects.filter(user=by, organisation=organisation, role=Role.ADMIN).exists():
        raise BookingError(str(refusal))
    return organisation


def _keep_an_admin(organisation: Organisation, leaving: Membership) -> None:
    if not organisation.memberships.filter(role=Role.ADMIN).exclude(pk=leaving.pk).exists():
        raise BookingError(
            _(
                "An organisation needs at least one administrator. Make another member an "
                "administrator first."
            )
        )


def _member_with_email(organisation: Organisation, email: str) -> bool:
    """Whether a member has proven to own `email` (an unconfirmed address counts for nothing)."""
    return organisation.memberships.filter(
        user__emailaddress__email__iexact=email, user__emailaddress__verified=True
    ).exists()


def _log_members(organisation: Organisation, by, change: str, **data) -> None:
    log(instance=organisation, action=MEMBER_ACTION, user=by, data={"change": change, **data})
