"""Demo data for bookings (called by seed_demo; safe to run again): the demo booker and, for
the sessions already held, bookings with attendance, so that the statistics show figures."""

import json
import random
from pathlib import Path

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
    Participant,
    Role,
)
from catalogue.models import Session
from catalogue.models.sessions import SessionStatus

# The demo booker, the organisations that attended held sessions and the participants' names.
DATA = json.loads(
    (Path(__file__).resolve().parents[2] / "demo" / "bookings.json").read_text(encoding="utf-8")
)

DEMO_PASSWORD = "iq-demo-2026"


class Command(BaseCommand):
    help = "Create the demo booker: a verified member of a job centre."

    def handle(self, *args, **options):
        booker = DATA["booker"]
        user, created = User.objects.get_or_create(
            username=booker["username"],
            defaults={"email": booker["email"], "first_name": booker["first_name"]},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        organisation = self.organisation(booker["organisation"])
        Membership.objects.get_or_create(
            user=user, defaults={"organisation": organisation, "role": Role.ADMIN}
        )
        attended = self.attendance([organisation, *self.organisations()])
        self.stdout.write(f"Demo attendance ready: {attended} held sessions with participants.")

    def organisations(self) -> list[Organisation]:
        return [self.organisation(fields) for fields in DATA["organisations"]]

    def organisation(self, fields: dict) -> Organisation:
        name, defaults = fields["name"], {k: v for k, v in fields.items() if k != "name"}
        return Organisation.objects.get_or_create(name=name, defaults=defaults)[0]

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
                        name=f"{rng.choice(DATA['first_names'])} {rng.choice(DATA['last_names'])}",
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
