"""Every read of bookings, scoped to the user who asks."""

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from bookings.models import Booking, Membership, Participant
from catalogue.models import Session
from catalogue.selectors import public_sessions


def membership_for_user(user) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.select_related("organisation").filter(user=user).first()


def bookings_for_user(user) -> QuerySet[Booking]:
    """The bookings of the user's organisation (none for users without one)."""
    if not user.is_authenticated:
        return Booking.objects.none()
    return (
        Booking.objects.filter(organisation__memberships__user=user)
        .select_related("session__training", "session__venue", "organisation")
        .prefetch_related(
            Prefetch("participants", queryset=Participant.objects.order_by("pk")),
            "session__occurrences",
        )
    )


def booking_for_user(user, reference: str) -> Booking | None:
    return bookings_for_user(user).filter(reference=reference).first()


def upcoming_and_past_bookings(user) -> tuple[list[Booking], list[Booking]]:
    now = timezone.now()
    bookings = list(bookings_for_user(user).order_by("session__starts_at", "pk"))
    upcoming = [b for b in bookings if b.session.ends_at and b.session.ends_at >= now]
    past = [b for b in bookings if not (b.session.ends_at and b.session.ends_at >= now)]
    return upcoming, list(reversed(past))


def session_for_booking(session_id: int) -> Session | None:
    """A public session that can be looked at for booking (the service decides on the rest)."""
    return (
        public_sessions()
        .select_related("training", "venue", "language")
        .filter(pk=session_id)
        .first()
    )
