"""Where allauth sends a user after logging in: trainers who do not book for an organisation go
to their portal; everyone else to the default (settings.LOGIN_REDIRECT_URL)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from bookings.models import Membership
from trainers.models import Trainer


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        user = request.user
        if (
            Trainer.objects.filter(user=user).exists()
            and not Membership.objects.filter(user=user).exists()
        ):
            return reverse("trainers:home")
        return super().get_login_redirect_url(request)
