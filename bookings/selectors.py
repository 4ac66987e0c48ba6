"""Every read of bookings, scoped to the user who asks."""

from dataclasses import dataclass
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from bookings.models import (
    SEAT_STATUSES,
    Attendance,
    Booking,
    BookingStatus,
    InhouseRequest,
    InhouseRequestStatus,
    Invitation,
    Invoice,
    InvoiceKind,
    InvoicePayment,
    Membership,
    Organisation,
    Participant,
    PaymentMethod,
    PaymentStatus,
)
from catalogue.models import Occurrence, Session, TrainingPage
from catalogue.models.sessions import SessionStatus
from catalogue.selectors.sessions import is_public_training
from catalogue.selectors.staff import sessions_for_staff, staff_scope


def verified_emails(user) -> set[str]:
    """The addresses the user has proven to own, in lower case. Only these decide what a user
    sees or may do: an address added but never confirmed grants nothing."""
    if not user.is_authenticated:
        return set()
    return {
        email.lower()
        for email in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    }


def user_with_verified_email(email: str):
    """The account that has proven to own `email`, or None."""
    return (
        get_user_model()
        .objects.filter(emailaddress__email__iexact=email, emailaddress__verified=True)
        .first()
    )


def membership_for_user(user) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.select_related("organisation").filter(user=user).first()


def bookings_for_user(user) -> QuerySet[Booking]:
    """The bookings of the user's organisation (none for users without one)."""
    if not user.is_authenticated:
        return Booking.objects.none()
    return (
        with_waitlist_place(Booking.objects.filter(organisation__memberships__user=user))
        .select_related("session__training", "session__venue", "organisation")
        .prefetch_related(
            Prefetch("participants", queryset=Participant.objects.order_by("pk")),
            "session__occurrences",
        )
    )


def with_waitlist_place(bookings: QuerySet[Booking]) -> QuerySet[Booking]:
    """Each booking with `waitlist_place`: 1 + the waitlisted bookings of its session made
    before it (the order the waiting list moves up in; meaningful for waitlisted ones)."""
    ahead = (
        Booking.objects.filter(session=OuterRef("session"), status=BookingStatus.WAITLISTED)
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("session")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return bookings.annotate(waitlist_place=Coalesce(Subquery(ahead), 0) + 1)


def cancellable_by_booker(booking: Booking) -> bool:
    """Bookers cancel until the booking deadline (later: the programme team); the service
    checks it again (bookings.services.bookings.booking_cancel)."""
    return (
        booking.status not in (BookingStatus.CANCELLED, BookingStatus.EXPIRED)
        and booking.session.before_booking_deadline
    )


def next_waitlist_place(session: Session) -> int:
    return session.bookings.filter(status=BookingStatus.WAITLISTED).count() + 1


def organisation_bookings_of_session(organisation: Organisation, session: Session):
    """The organisation's bookings of the session that stand (for the warning on the form)."""
    return organisation.bookings.filter(
        session=session,
        status__in=(BookingStatus.CONFIRMED, BookingStatus.HELD, BookingStatus.WAITLISTED),
    ).order_by("created_at")


def invoices_for_user(user) -> QuerySet[Invoice]:
    """The invoices and credit notes of the user's organisation."""
    if not user.is_authenticated:
        return Invoice.objects.none()
    return Invoice.objects.filter(booking__organisation__memberships__user=user).select_related(
        "booking__session__training", "corrects"
    )


def invoice_for_user(user, number: str) -> Invoice | None:
    return invoices_for_user(user).filter(number=number).first()


def booking_for_user(user, reference: str) -> Booking | None:
    return bookings_for_user(user).filter(reference=reference).first()


def upcoming_and_past_bookings(user) -> tuple[list[Booking], list[Booking]]:
    now = timezone.now()
    bookings = list(bookings_for_user(user).order_by("session__starts_at", "pk"))
    upcoming = [b for b in bookings if b.session.ends_at and b.session.ends_at >= now]
    past = [b for b in bookings if not (b.session.ends_at and b.session.ends_at >= now)]
    return upcoming, list(reversed(past))


def session_for_booking(
    session_id: int, organisation: Organisation | None = None
) -> Session | None:
    """A session that can be looked at for booking: a public one, or a private in-house
    session of `organisation` (the service decides on the rest)."""
    # The training comes by its own query when needed: cheaper than joining its page here.
    session = Session.objects.select_related("venue", "language").filter(pk=session_id).first()
    if session is None:
        return None
    if session.is_private:
        own = (
            organisation is not None
            and InhouseRequest.objects.filter(session=session, organisation=organisation).exists()
        )
        return session if own else None
    return session if is_public_training(session.training) else None


# --- organisation members and in-house requests ---------------------------------------------


def organisation_memberships(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by("role", "user__email")


def pending_invitations(organisation: Organisation) -> QuerySet[Invitation]:
    return organisation.invitations.filter(accepted_at__isnull=True).order_by("email")


def colleague_membership(user, membership_id: int) -> Membership | None:
    """A membership in the user's own organisation."""
    return (
        Membership.objects.select_related("organisation", "user")
        .filter(pk=membership_id, organisation__memberships__user=user)
        .first()
    )


def invitation_for_user(user, invitation_id: int) -> Invitation | None:
    """A pending invitation of the user's own organisation."""
    return (
        Invitation.objects.select_related("organisation")
        .filter(pk=invitation_id, accepted_at__isnull=True, organisation__memberships__user=user)
        .first()
    )


def invitation_by_token(token: str) -> Invitation | None:
    return Invitation.objects.select_related("organisation").filter(token=token).first()


def inhouse_requests_for_user(user) -> QuerySet[InhouseRequest]:
    """The in-house requests of the user's organisation (none for users without one)."""
    if not user.is_authenticated:
        return InhouseRequest.objects.none()
    return InhouseRequest.objects.filter(organisation__memberships__user=user).select_related(
        "training", "topic", "session__venue", "requested_by"
    )


def inhouse_request_for_user(user, request_id: int) -> InhouseRequest | None:
    return inhouse_requests_for_user(user).filter(pk=request_id).first()


def open_inhouse_requests(user) -> QuerySet[InhouseRequest]:
    """Requests of the user's state networks waiting for an answer, oldest first."""
    return (
        inhouse_requests_for_staff(user)
        .filter(status=InhouseRequestStatus.OPEN)
        .select_related("organisation", "training", "topic")
        .order_by("created_at", "pk")
    )


def trainings_for_requests(language_code: str) -> QuerySet[TrainingPage]:
    """The live trainings of the catalogue in one language, to choose from in a request."""
    return (
        TrainingPage.objects.live()
        .public()
        .filter(locale__language_code=language_code)
        .order_by("title")
    )


# --- programme staff: what their state networks hold (catalogue.selectors.staff) -------------
# The admin views check the model permissions; these scope every read to the staff member.


def session_for_staff(user, session_id: int) -> Session | None:
    return (
        sessions_for_staff(user).select_related("training", "venue").filter(pk=session_id).first()
    )


def bookings_for_staff(user) -> QuerySet[Booking]:
    """Bookings of the sessions of the user's state networks."""
    return staff_scope(user).filter(Booking.objects.all(), "session__state")


def invoices_for_staff(user) -> QuerySet[Invoice]:
    """Invoices and credit notes of the bookings of the user's state networks, with what was
    paid and credited."""
    return with_amounts(staff_scope(user).filter(Invoice.objects.all(), "booking__session__state"))


def with_amounts(invoices: QuerySet[Invoice]) -> QuerySet[Invoice]:
    """The invoices with `paid` and `credited` (sums, 0.00 when none)."""
    zero = Value(Decimal("0.00"))
    return invoices.select_related("booking__session__training", "corrects").annotate(
        paid=Coalesce(
            Subquery(
                InvoicePayment.objects.filter(invoice=OuterRef("pk"))
                .order_by()
                .values("invoice")
                .annotate(total=Sum("amount"))
                .values("total")
            ),
            zero,
        ),
        credited=Coalesce(
            Subquery(
                Invoice.objects.filter(corrects=OuterRef("pk"))
                .order_by()
                .values("corrects")
                .annotate(total=Sum("gross_total"))
                .values("total")
            ),
            zero,
        ),
    )


def overdue_invoices(user) -> QuerySet[Invoice]:
    """Invoices past their due date with money still due."""
    return invoices_for_staff(user).filter(
        kind=InvoiceKind.INVOICE,
        due_date__lt=timezone.localdate(),
        gross_total__gt=F("paid") + F("credited"),
    )


def booking_for_staff(user, booking_id: int) -> Booking | None:
    return (
        bookings_for_staff(user)
        .select_related("organisation", "session__training")
        .prefetch_related(active_participants_prefetch())
        .filter(pk=booking_id)
        .first()
    )


def organisations_for_staff(user) -> QuerySet[Organisation]:
    """Organisations of the user's state networks, and those that booked there."""
    scope = staff_scope(user)
    if scope.national:
        return Organisation.objects.all()
    booked = Booking.objects.filter(session__state__in=scope.states).values("organisation")
    return Organisation.objects.filter(Q(state__in=scope.states) | Q(pk__in=booked))


def inhouse_requests_for_staff(user) -> QuerySet[InhouseRequest]:
    """In-house requests for the user's state networks (the state asked for, which is the
    requesting organisation's unless it asked for another)."""
    return staff_scope(user).filter(InhouseRequest.objects.all(), "state")


def active_participants_prefetch() -> Prefetch:
    return Prefetch(
        "participants",
        queryset=Participant.objects.filter(cancelled_at__isnull=True).order_by("pk"),
        to_attr="active_participants",
    )


def session_participants(session: Session) -> QuerySet[Participant]:
    """Participants holding a seat (confirmed or held bookings), booking by booking."""
    return (
        Participant.objects.filter(
            booking__session=session,
            booking__status__in=SEAT_STATUSES,
            cancelled_at__isnull=True,
        )
        .select_related("booking__organisation")
        .order_by("booking__created_at", "booking_id", "pk")
    )


def session_waitlist(session: Session) -> list[Booking]:
    """The waiting list in the order it moves up (first come, first served)."""
    return list(
        session.bookings.filter(status=BookingStatus.WAITLISTED)
        .select_related("organisation")
        .prefetch_related(active_participants_prefetch())
        .order_by("created_at", "pk")
    )


def sessions_bookable_by_staff(user) -> QuerySet[Session]:
    """Sessions staff can book on behalf of an organisation (the service checks the rest)."""
    return (
        sessions_for_staff(user)
        .filter(status=SessionStatus.OPEN, is_private=False, starts_at__gt=timezone.now())
        .select_related("training")
        .order_by("starts_at", "pk")
    )


@dataclass(frozen=True)
class StaffDashboard:
    sessions_with_free_places: list[Session]
    open_requests_count: int
    newest_open_requests: list[InhouseRequest]
    held_count: int
    invoices_pending_count: int
    newest_pending_payments: list[Booking]
    overdue_count: int
    oldest_overdue: list[Invoice]
    to_close_count: int
    sessions_to_close: list[Session]
    unrecorded_count: int
    dates_without_attendance: list[Occurrence]


def staff_dashboard(user, *, sessions: int = 10, newest: int = 5) -> StaffDashboard:
    """What programme staff see first, of their state networks: upcoming sessions with free
    places, open in-house requests and payments still to come in; a fixed number of queries at
    any data size."""
    upcoming = list(
        sessions_for_staff(user)
        .filter(
            status=SessionStatus.OPEN,
            is_private=False,
            starts_at__gt=timezone.now(),
            capacity__gt=F("seats_taken"),
        )
        .select_related("training", "venue")
        .order_by("starts_at", "pk")[:sessions]
    )
    open_requests = open_inhouse_requests(user)
    held = Q(status=BookingStatus.HELD)
    invoice_pending = Q(
        status=BookingStatus.CONFIRMED,
        payment_method=PaymentMethod.INVOICE,
        payment_status=PaymentStatus.PENDING,
    )
    bookings = bookings_for_staff(user)
    counts = bookings.aggregate(
        held=Count("pk", filter=held), invoices=Count("pk", filter=invoice_pending)
    )
    now = timezone.now()
    to_close = (
        sessions_for_staff(user)
        .filter(status__in=(SessionStatus.PLANNED, SessionStatus.OPEN), ends_at__lte=now)
        .select_related("training")
        .order_by("ends_at", "pk")
    )
    seated = Participant.objects.filter(
        booking__session=OuterRef("session"),
        booking__status=BookingStatus.CONFIRMED,
        cancelled_at__isnull=True,
    )
    unrecorded = (
        Occurrence.objects.filter(
            session__in=sessions_for_staff(user).exclude(status=SessionStatus.CANCELLED),
            is_cancelled=False,
            end__lte=now,
        )
        .filter(Exists(seated))
        .exclude(Exists(Attendance.objects.filter(occurrence=OuterRef("pk"))))
        .select_related("session__training")
        .order_by("start", "pk")
    )
    overdue = overdue_invoices(user).order_by("due_date", "pk")
    return StaffDashboard(
        overdue_count=overdue.count(),
        oldest_overdue=list(overdue[:newest]),
        to_close_count=to_close.count(),
        sessions_to_close=list(to_close[:sessions]),
        unrecorded_count=unrecorded.count(),
        dates_without_attendance=list(unrecorded[:sessions]),
        sessions_with_free_places=upcoming,
        open_requests_count=open_requests.count(),
        newest_open_requests=list(open_requests.reverse()[:newest]),
        held_count=counts["held"],
        invoices_pending_count=counts["invoices"],
        newest_pending_payments=list(
            bookings.filter(held | invoice_pending)
            .select_related("organisation", "session__training")
            .order_by("-created_at", "-pk")[:newest]
        ),
    )
