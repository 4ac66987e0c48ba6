"""Demo data for bookings (called by seed_demo; safe to run again): the demo booker and, for
the sessions already held, bookings with attendance, so that the statistics show figures."""

import random

from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from django.db.models import Count

from bookings.models import (
    Attendance,
    AttendanceStatus,
    Booking,
    BookingStatus,
    Function,
    Membership,
    Organisation,
    OrganisationType,
    Participant,
    Role,
)
from catalogue.models import Session, StateNetwork
from catalogue.models.sessions import SessionStatus

# (name, type, state, street, postcode, city) of the organisations that attended held sessions.
DEMO_ORGANISATIONS = [
    ("Stadt Köln, Amt für Integration", OrganisationType.MUNICIPAL_ADMINISTRATION, "NW",
     "Willy-Brandt-Platz 2", "50679", "Köln"),
    ("Agentur für Arbeit Nürnberg", OrganisationType.EMPLOYMENT_AGENCY, "BY",
     "Richard-Wagner-Platz 5", "90443", "Nürnberg"),
    ("Jobcenter Berlin Mitte", OrganisationType.JOB_CENTRE, "BE",
     "Seydelstraße 2", "10117", "Berlin"),
    ("Müller Gebäudetechnik GmbH", OrganisationType.SME, "HE",
     "Industriestraße 12", "60388", "Frankfurt am Main"),
    ("Pflegedienst Sonnenschein gGmbH", OrganisationType.NON_PROFIT, "HH",
     "Wandsbeker Chaussee 40", "22089", "Hamburg"),
    ("Handwerkskammer Dresden", OrganisationType.CHAMBER_OR_ASSOCIATION, "SN",
     "Am Lagerplatz 8", "01099", "Dresden"),
]  # fmt: skip
FIRST_NAMES = ["Aylin", "Jonas", "Mira", "Omar", "Lena", "Deniz", "Sofia", "Lukas", "Amina", "Paul"]
LAST_NAMES = ["Demir", "Schulz", "Haddad", "Weber", "Kaya", "Nowak", "Fischer", "Yilmaz", "Becker"]

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
        attended = self.attendance([organisation, *self.organisations()])
        self.stdout.write(f"Demo attendance ready: {attended} held sessions with participants.")

    def organisations(self) -> list[Organisation]:
        return [
            Organisation.objects.get_or_create(
                name=name,
                defaults={
                    "type": type_,
                    "state": state,
                    "street": street,
                    "postcode": postcode,
                    "city": city,
                },
            )[0]
            for name, type_, state, street, postcode, city in DEMO_ORGANISATIONS
        ]

    def attendance(self, organisations: list[Organisation]) -> int:
        """Bookings, participants and attendance for held sessions that have none yet. Written
        directly: the booking service rightly refuses sessions whose deadline has passed."""
        rng = random.Random(2015)
        sessions = (
            Session.objects.filter(status=SessionStatus.HELD)
            .annotate(booked=Count("bookings"))
            .filter(booked=0)
            .prefetch_related("occurrences")
            .order_by("pk")
        )
        count = 0
        for session in sessions:
            occurrences = [o for o in session.occurrences.all() if not o.is_cancelled]
            taken = 0
            for organisation in rng.sample(organisations, k=rng.randint(1, 3)):
                seats = rng.randint(2, max(2, min(6, session.capacity - taken)))
                if taken + seats > session.capacity:
                    break
                booking = Booking.objects.create(
                    reference=f"IQ-D{Booking.objects.count() + 1:05d}",
                    session=session,
                    organisation=organisation,
                    status=BookingStatus.CONFIRMED,
                    seats=seats,
                )
                taken += seats
                participants = Participant.objects.bulk_create(
                    Participant(
                        booking=booking,
                        name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                        function=Function.MANAGER if rng.random() < 0.25 else Function.EMPLOYEE,
                    )
                    for _ in range(seats)
                )
                Attendance.objects.bulk_create(
                    Attendance(
                        participant=participant,
                        occurrence=occurrence,
                        status=rng.choices(
                            [AttendanceStatus.PRESENT, AttendanceStatus.ABSENT,
                             AttendanceStatus.EXCUSED],
                            weights=[88, 7, 5],
                        )[0],
                    )
                    for participant in participants
                    for occurrence in occurrences
                )  # fmt: skip
            Session.objects.filter(pk=session.pk).update(seats_taken=taken)
            count += 1
        return count
