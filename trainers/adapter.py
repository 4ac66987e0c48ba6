"""allauth's adapter: where a user goes after logging in (trainers who do not book for an
organisation to their portal; everyone else to settings.LOGIN_REDIRECT_URL), and the
platform's name on its emails."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse
from django.utils.translation import gettext as _

from bookings.models import Membership
from trainers.models import Trainer


class AccountAdapter(DefaultAccountAdapter):
    def format_email_subject(self, subject):
        """The platform's name before the subject, not the host it runs on."""
        return f"{_('IQ trainings')}: {subject}"

    def get_login_redirect_url(self, request):
        user = request.user
        if (
            Trainer.objects.filter(user=user).exists()
            and not Membership.objects.filter(user=user).exists()
        ):
            return reverse("trainers:home")
        return super().get_login_redirect_url(request)
