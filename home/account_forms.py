"""allauth's sign-up and password-reset forms, where an unconfirmed address claims nothing.

Anyone can add any address to their account without confirming it. Such a claim must not keep
the address's owner from signing up, and a password reset for the address must not go to the
account that merely claimed it (its owner would reset, and then use, someone else's account).
An account's own sign-up address (its primary one) still counts before it is confirmed, so a
new member who never confirmed can reset their password. Settings: ACCOUNT_FORMS.
"""

from allauth.account.adapter import get_adapter
from allauth.account.forms import ResetPasswordForm, SignupForm
from allauth.account.models import EmailAddress
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def _claimed_only_unconfirmed(email: str) -> bool:
    """Some account lists the address, none has confirmed it or signed up with it."""
    addresses = EmailAddress.objects.filter(email__iexact=email)
    return (
        addresses.exists()
        and not addresses.filter(verified=True).exists()
        and not addresses.filter(primary=True).exists()
        and not get_user_model().objects.filter(email__iexact=email).exists()
    )


class AccountSignupForm(SignupForm):
    """With the name, so that the platform greets people and the emails address them."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def validate_unique_email(self, value: str) -> str:
        if _claimed_only_unconfirmed(value):
            self.account_already_exists = False
            return get_adapter().validate_unique_email(value)
        return super().validate_unique_email(value)

    def save(self, request):
        """The owner signs up: other accounts' unconfirmed claims of the address go (they could
        never be confirmed once she has), so that allauth gives her account the address."""
        email = self.cleaned_data.get("email") or ""
        if email and _claimed_only_unconfirmed(email):
            EmailAddress.objects.filter(email__iexact=email, verified=False, primary=False).delete()
        user = super().save(request)
        if user is not None:
            user.first_name = self.cleaned_data["first_name"].strip()
            user.last_name = self.cleaned_data["last_name"].strip()
            user.save(update_fields=["first_name", "last_name"])
        return user


class AccountResetPasswordForm(ResetPasswordForm):
    def clean_email(self) -> str:
        email = super().clean_email()
        owner_ids = set(
            EmailAddress.objects.filter(email__iexact=email)
            .filter(Q(verified=True) | Q(primary=True))
            .values_list("user_id", flat=True)
        )
        self.users = [
            user
            for user in self.users
            if user.pk in owner_ids or user.email.lower() == email.lower()
        ]
        return email
