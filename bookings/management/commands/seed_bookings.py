"""Demo data for bookings (called by seed_demo; safe to run again)."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand

from bookings.models import Membership, Organisation, OrganisationType, Role
from catalogue.models import StateNetwork

DEMO_PASSWORD = "iq-demo-2026"


class Command(BaseCommand):
    help = "Create the demo booker: a verified member of a job centre."

    def handle(self, *args, **options):
        user, created = User.objects.get_or_create(
            username="booker", defaults={"email": "booker@example.org", "first_name": "Anna"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        organisation, _ = Organisation.objects.get_or_create(
            name="Jobcenter Leipzig",
            defaults={
                "type": OrganisationType.JOB_CENTRE,
                "state": StateNetwork.SN,
                "street": "Georg-Schumann-Straße 150",
                "postcode": "04159",
                "city": "Leipzig",
            },
        )
        Membership.objects.get_or_create(
            user=user, defaults={"organisation": organisation, "role": Role.ADMIN}
        )
