"""Demo data for bookings (called by seed_demo; safe to run again): the demo booker and, for
the sessions already held, bookings with attendance, so that the statistics show figures."""

import json
import random
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from bookings.models import (
    Attendance,
    AttendanceStatus,
    Booking,
    BookingStatus,
    Function,
    Membership,
    Organisation,
    Participant,
    PaymentMethod,
    PaymentStatus,
    Role,
)
from bookings.services.bookings import ParticipantData, booking_create
from bookings.services.invoices import credit_note_issue, invoice_issue, payment_record
from catalogue.models import Material, Session
from catalogue.models.sessions import SessionStatus
from catalogue.services import material_save

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
        self.stdout.write(f"Demo invoices ready: {self.invoices()} new.")
        self.stdout.write(f"Demo online booking ready: {self.online_booking(organisation, user)}.")

    def online_booking(self, organisation: Organisation, user) -> str:
        """A confirmed booking of the next online session, with its meeting link and
        materials on the booking page (and in the participants' emails)."""
        existing = Booking.objects.filter(
            created_by=user, session__online=True, session__starts_at__gt=timezone.now()
        ).first()
        if existing is not None:
            return existing.reference
        session = (
            Session.objects.filter(
                online=True,
                venue__isnull=True,
                status=SessionStatus.OPEN,
                is_private=False,
                starts_at__gt=timezone.now() + timedelta(days=7),
            )
            .order_by("starts_at")
            .first()
        )
        if session is None:
            return "none"
        booking = booking_create(
            session=session,
            organisation=organisation,
            participants=[
                ParticipantData(name=name, function=Function.EMPLOYEE, email=email)
                for name, email in DATA["online_participants"]
            ],
            by=user,
            pay_by_invoice=True,
            language="de",
        )
        handout = DATA["materials"]
        material_save(
            material=Material(
                training=session.training, title=handout["link_title"], url=handout["url"]
            )
        )
        material_save(
            material=Material(session=session, title=handout["file_title"]),
            upload=ContentFile(handout["file_text"].encode(), name="ablauf.txt"),
        )
        return booking.reference

    def invoices(self) -> int:
        """Invoices in every state (issued, partly paid, paid, overdue, credited) for a public
        body with a Leitweg-ID and for a company, on bookings of sessions already held."""
        if Booking.objects.filter(reference__startswith="IQ-R").exists():
            return 0
        spec = DATA["invoices"]
        buyers = [self.organisation(fields) for fields in spec["buyers"]]
        # Sessions of the buyers' state network (Berlin's staff see these invoices).
        held = Session.objects.filter(status=SessionStatus.HELD).prefetch_related("occurrences")
        sessions = list(held.filter(state=buyers[0].state).order_by("-starts_at"))
        sessions += list(held.exclude(state=buyers[0].state).order_by("-starts_at"))
        price = Decimal(spec["price_per_seat"])
        today = timezone.localdate()
        count, credited = 0, []
        planned = [(buyer, state) for buyer in buyers for state in spec["states"]]
        # Numbers follow the issue dates: the overdue ones were issued first.
        planned.sort(key=lambda item: item[1] != "overdue")
        for number, (session, (buyer, state)) in enumerate(
            zip(sessions, planned, strict=False), start=1
        ):
            booking = Booking.objects.create(
                reference=f"IQ-R{number:05d}",
                session=session,
                organisation=buyer,
                organisation_type=buyer.type,
                status=BookingStatus.CONFIRMED,
                seats=2,
                price_per_seat=price,
                payment_method=PaymentMethod.INVOICE,
                payment_status=PaymentStatus.PENDING,
                order_reference=f"KST-{4700 + number}",
            )
            Participant.objects.bulk_create(
                Participant(booking=booking, name=name, function=Function.EMPLOYEE)
                for name in ("Aylin Demir", "Jonas Schulz")
            )
            issued = today - timedelta(days=60 if state == "overdue" else 10)
            invoice = invoice_issue(booking, on=issued)
            if state == "partly paid":
                payment_record(invoice=invoice, amount=price, on=today, reference="Kontoauszug 7")
            elif state == "paid":
                payment_record(invoice=invoice, amount=invoice.gross_total, on=today)
            elif state == "credited":
                credited.append(invoice)
            count += 1
        for invoice in credited:  # credit notes are today's, after every invoice
            credit_note_issue(invoice, seats=2, percent=100, reason=_("the cancelled session"))
        return count

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
                    organisation_type=organisation.type,
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
