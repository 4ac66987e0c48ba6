"""Test and benchmark data for bookings."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from factory.django import DjangoModelFactory

from bookings.models import Membership, Organisation, OrganisationType, Role
from bookings.services.bookings import ParticipantData


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("secret-password-1")

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        """Accounts have confirmed their address, as allauth requires before the first login;
        `UserFactory(verified=False)` makes one that never did."""
        if create and user.email and extracted is not False:
            EmailAddress.objects.get_or_create(
                user=user, email=user.email.lower(), defaults={"verified": True, "primary": True}
            )


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Jobcenter {n}")
    type = OrganisationType.JOB_CENTRE
    state = "BE"
    street = "Hauptstraße 1"
    postcode = "10115"
    city = "Berlin"


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.ADMIN


def participants(count: int, function: str = "employee") -> list[ParticipantData]:
    return [ParticipantData(name=f"Teilnehmende {n + 1}", function=function) for n in range(count)]
