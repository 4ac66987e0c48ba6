"""Who is told what about bookings. Services call `notify(kind, booking)` (about a booking),
`notify_status(...)` (a change of its state) or `notify_address(...)` (to one address, e.g.
invitations and in-house answers) inside their transaction; bookings.outbox records the emails
after commit (one per recipient, under a unique key: the same event is never mailed twice) and
sends them by a task. bookings.emails writes them. Kinds and their data:

- about a booking (the booker, and for PARTICIPANT_KINDS each participant with an email):
  confirmed, waitlisted, offer (waiting list → held for payment), moved_up (waiting list →
  confirmed), paid (held or expired → confirmed), expired, cancelled, session_cancelled
  (these from `notify_status`), participants_cancelled (participants: ids, calendar: bool),
  reminder (date), payment_failed, late_payment_refunded, refunded (amount: Decimal, EUR).
  Pass something that tells repeats apart (e.g. a refund id) when the same kind can happen
  twice to one booking: the key is made from kind, booking, data and recipient.
- to one address: invitation (organisation, inviter, accept_url), inhouse_answer (status:
  an InhouseRequestStatus value, answer, title).
- to the staff of a state network (`notify_staff`): staff_inhouse_request (request),
  staff_booking (a booking on an organisation's behalf), staff_cancellation (participants).
"""

import uuid
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from bookings import outbox
from bookings.models import (
    Booking,
    BookingStatus,
    Membership,
    Participant,
    PaymentMethod,
    Role,
)
from bookings.unsubscribe import opted_out
from catalogue.changes import Recipient
from catalogue.models import Occurrence, Session
from catalogue.models.sessions import SessionStatus
from catalogue.schedule import BERLIN
from catalogue.selectors.staff import staff_of_state

# Kinds that also go to every participant concerned who gave an email, with their own calendar
# (cancellations only when the place had been confirmed: data["calendar"]).
PARTICIPANT_KINDS = frozenset(
    {
        "confirmed",
        "moved_up",
        "paid",
        "cancelled",
        "participants_cancelled",
        "session_cancelled",
        "session_changed",
        "date_cancelled",
        "reminder",
        "online_reminder",
    }
)
# Reminders may be switched off (for an organisation, or by a recipient's unsubscribe link);
# notices of changes and cancellations may not.
REMINDER_KINDS = frozenset({"reminder", "online_reminder"})
REMINDER_DAYS = 3


def notify(kind: str, booking: Booking, **data) -> None:
    """Tell everyone concerned that `kind` happened to `booking` (after commit)."""
    booking_id = booking.pk
    outbox.after_commit(
        lambda: _booking_emails(kind, booking_id, data), about=f"{kind} of booking {booking_id}"
    )


def notify_address(kind: str, *, recipient: str, language: str, key: str, **data) -> None:
    """Send one email of `kind` to `recipient` once per `key` (after commit)."""
    email = outbox.Email(kind=kind, recipient=recipient, language=language, key=key, data=data)
    outbox.after_commit(lambda: [email], about=kind)


def notify_staff(kind: str, *, state: str, by=None, booking: Booking | None = None, **data):
    """Tell the staff of the state network `state` (the federal office when it has none) that
    `kind` happened (after commit); not `by`, who did it."""
    booking_id = booking.pk if booking else None
    exclude = by.pk if by is not None and by.is_authenticated else None
    event = uuid.uuid4().hex

    def emails():
        about = Booking.objects.get(pk=booking_id) if booking_id else None
        return [
            outbox.Email(
                kind=kind,
                recipient=address,
                language=language,
                key=f"{kind}:{event}:{outbox.digest(data, address)}",
                data=data,
                booking=about,
            )
            for address, language in staff_addresses(state, exclude=exclude)
        ]

    outbox.after_commit(emails, about=f"{kind} for the staff of {state}")


def staff_addresses(state: str, *, exclude: int | None = None) -> list[tuple[str, str]]:
    """(email, language) of the staff who work for `state` (catalogue.selectors.staff)."""
    users = list(staff_of_state(state).exclude(pk=exclude).values_list("pk", "email"))
    languages = dict(
        UserProfile.objects.filter(user_id__in=[pk for pk, _email in users]).values_list(
            "user_id", "preferred_language"
        )
    )
    codes = {code for code, _name in settings.LANGUAGES}
    return [
        (email, languages[pk] if languages.get(pk) in codes else settings.LANGUAGE_CODE)
        for pk, email in users
    ]


def notify_status(booking: Booking, *, previous: str, new: str, **data) -> None:
    """Email about a booking's status change, when the change is one people are told about."""
    kind = _status_kind(booking, previous, new)
    if kind is None:
        return
    if kind in ("cancelled", "session_cancelled"):
        data["calendar"] = previous == BookingStatus.CONFIRMED  # they had a calendar entry
    notify(kind, booking, previous=previous, **data)


def reminders_send(*, today: date | None = None) -> int:
    """Remind the confirmed bookings of sessions whose first date is in REMINDER_DAYS days
    (Berlin dates). Safe to run more than once a day. Returns the number of bookings."""
    day = (today or timezone.localdate(timezone=BERLIN)) + timedelta(days=REMINDER_DAYS)
    start = datetime.combine(day, time.min, tzinfo=BERLIN)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=BERLIN)
    active = Occurrence.objects.filter(session=OuterRef("pk"), is_cancelled=False)
    sessions = (
        Session.objects.exclude(status=SessionStatus.CANCELLED)
        .filter(Exists(active.filter(start__gte=start, start__lt=end)))
        .exclude(Exists(active.filter(start__lt=start)))
    )
    bookings = Booking.objects.filter(session__in=sessions, status=BookingStatus.CONFIRMED)
    count = 0
    for booking in bookings.only("pk"):
        notify("reminder", booking, date=day.isoformat())
        count += 1
    return count


def online_reminders_send(*, today: date | None = None) -> int:
    """Remind the confirmed bookings of every online date tomorrow (Berlin dates), with the
    meeting link. Safe to run more than once a day. Returns the number of emails' bookings."""
    day = (today or timezone.localdate(timezone=BERLIN)) + timedelta(days=1)
    start = datetime.combine(day, time.min, tzinfo=BERLIN)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=BERLIN)
    dates = Occurrence.objects.filter(
        start__gte=start, start__lt=end, is_cancelled=False, session__online=True
    ).exclude(session__status=SessionStatus.CANCELLED)
    count = 0
    for occurrence in dates.only("pk", "session_id"):
        for booking in Booking.objects.filter(
            session_id=occurrence.session_id, status=BookingStatus.CONFIRMED
        ).only("pk"):
            notify("online_reminder", booking, occurrence=occurrence.pk)
            count += 1
    return count


class BookedPeople:
    """The bookers and participants of a session, told of its changes (catalogue.changes):
    confirmed bookings with the updated calendar (and the online access), the waiting list
    only of what concerns it, as text. A cancelled session's bookings are told by
    bookings.services.bookings.session_cancel, with what it means for their money."""

    def recipients(self, session, change) -> list[Recipient]:
        people = []
        for booking, kinds in self._bookings(session, change):
            confirmed = booking.status == BookingStatus.CONFIRMED
            waiting = "" if confirmed else f" ({booking.get_status_display()})"
            booking = _booking_with_recipients_known(booking.pk)
            bookers = {user.email.lower(): user.get_full_name() for user in _bookers(booking)}
            for address, participant_id in _recipients(kinds[0], booking, {"calendar": confirmed}):
                if participant_id:
                    name = booking.participants.get(pk=participant_id).name
                    role = _("participant")
                else:
                    name = bookers.get(address.lower()) or address
                    role = _("booker of %(reference)s") % {"reference": booking.reference}
                people.append(Recipient(name=name, email=address, role=f"{role}{waiting}"))
        return people

    def notify(self, change) -> None:
        session = Session.objects.get(pk=change.session_id)
        for booking, kinds in self._bookings(session, change):
            confirmed = booking.status == BookingStatus.CONFIRMED
            for kind in kinds:
                notify(kind, booking, **change.as_data(), calendar=confirmed)

    @staticmethod
    def _bookings(session, change):
        """(booking, kinds of email it gets) for each booking the change concerns."""
        if session.status == SessionStatus.CANCELLED:
            return []
        told = []
        bookings = Booking.objects.filter(
            session_id=session.pk,
            status__in=(BookingStatus.CONFIRMED, BookingStatus.HELD, BookingStatus.WAITLISTED),
        ).order_by("created_at")
        for booking in bookings:
            confirmed = booking.status == BookingStatus.CONFIRMED
            kinds = []
            if change.what and (confirmed or change.what & {"schedule", "place", "status"}):
                kinds.append("session_changed")
            if change.cancelled_dates:
                kinds.append("date_cancelled")
            if kinds:
                told.append((booking, kinds))
        return told


def _status_kind(booking: Booking, previous: str, new: str) -> str | None:
    if new == BookingStatus.CANCELLED:
        if booking.session.status == SessionStatus.CANCELLED:
            return "session_cancelled"
        return "cancelled"
    if (previous, new) == (BookingStatus.HELD, BookingStatus.CONFIRMED) and (
        booking.payment_method == PaymentMethod.INVOICE
    ):
        return "confirmed"  # an offer accepted, to be paid by invoice
    return {
        ("", BookingStatus.CONFIRMED): "confirmed",
        ("", BookingStatus.WAITLISTED): "waitlisted",
        (BookingStatus.WAITLISTED, BookingStatus.HELD): "offer",
        (BookingStatus.WAITLISTED, BookingStatus.CONFIRMED): "moved_up",
        (BookingStatus.HELD, BookingStatus.CONFIRMED): "paid",
        (BookingStatus.EXPIRED, BookingStatus.CONFIRMED): "paid",
        (BookingStatus.HELD, BookingStatus.EXPIRED): "expired",
    }.get((previous, new))


def _booking_emails(kind: str, booking_id: int, data: dict) -> list[outbox.Email]:
    """One email per recipient, each with its own key."""
    data = outbox.as_json(data)
    booking = _booking_with_recipients_known(booking_id)
    recipients = _recipients(kind, booking, data)
    if kind in REMINDER_KINDS:
        if not booking.organisation.send_reminders:
            return []
        unsubscribed = opted_out([address for address, _participant in recipients])
        recipients = [(a, p) for a, p in recipients if a.lower() not in unsubscribed]
    emails = []
    for address, participant_id in recipients:
        fields = {**data, "participant": participant_id} if participant_id else data
        emails.append(
            outbox.Email(
                kind=kind,
                recipient=address,
                language=booking.language,
                key=f"{kind}:{booking.pk}:{outbox.digest(fields, address)}",
                data=fields,
                booking=booking,
            )
        )
    return emails


def _booking_with_recipients_known(booking_id: int) -> Booking:
    """The booking and its booker, and in the same query whether the booker is a member and
    whether there are admins or participants with an email (when not, their queries are
    skipped)."""
    members = Membership.objects.filter(organisation=OuterRef("organisation"))
    return (
        Booking.objects.select_related("created_by", "organisation")
        .annotate(
            booker_is_member=Exists(members.filter(user=OuterRef("created_by"))),
            admins_with_email=Exists(members.filter(role=Role.ADMIN).exclude(user__email="")),
            participants_with_email=Exists(
                Participant.objects.filter(booking=OuterRef("pk")).exclude(email="")
            ),
        )
        .get(pk=booking_id)
    )


def _bookers(booking: Booking) -> list:
    """Who booked: the member who did; for bookings staff made on an organisation's behalf
    (phone and email orders), the organisation's admins."""
    booker = booking.created_by
    if booker is not None and booking.booker_is_member:
        return [booker] if booker.email else []
    if not booking.admins_with_email:
        return []
    admins = Membership.objects.filter(
        organisation_id=booking.organisation_id, role=Role.ADMIN
    ).select_related("user")
    return [membership.user for membership in admins if membership.user.email]


def _recipients(kind: str, booking: Booking, data: dict) -> list[tuple[str, int | None]]:
    """(address, participant id; None for the booker), one per address, the booker first."""
    found: dict[str, tuple[str, int | None]] = {}
    for booker in _bookers(booking):
        found.setdefault(booker.email.lower(), (booker.email, None))
    # Participants hear from us once their place is confirmed: not about a cancelled waitlist.
    if kind in PARTICIPANT_KINDS and data.get("calendar", True) and booking.participants_with_email:
        participants = booking.participants.exclude(email="")
        if "participants" in data:
            participants = participants.filter(pk__in=data["participants"])
        else:
            participants = participants.filter(cancelled_at__isnull=True)
        for participant in participants:
            found.setdefault(participant.email.lower(), (participant.email, participant.pk))
    return list(found.values())
