"""Personal data: removed after the retention period without changing any figure, handed to a
member who asks for it, and deleted with their account.

Anonymising blanks the names and email addresses of the participants of sessions that ended
before the cut-off (and the addresses the emails about those bookings went to, and the names in
the audit labels of their attendance), and the addresses and data of every other email of the
outbox recorded before the cut-off. It never deletes a row: sector (the organisation's type),
function, topic, state network and attendance stay, so every figure of bookings.statistics is the
same before and after.
"""

import logging
from collections.abc import Callable
from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, ProtectedError, Q, RestrictedError
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from bookings import selectors
from bookings.models import (
    Attendance,
    Booking,
    InhouseRequest,
    Invitation,
    Membership,
    Notification,
    Organisation,
    Participant,
    Role,
)
from bookings.services.errors import BookingError

RETENTION_MONTHS = 24
logger = logging.getLogger(__name__)

# Other apps add what they hold about a user (e.g. a trainer profile) to the export:
# register_personal_data("trainer", function(user) -> JSON-able data or None).
_sections: dict[str, Callable] = {}


def register_personal_data(name: str, function: Callable) -> None:
    _sections[name] = function


def retention_cutoff(*, older_than_months: int, now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - relativedelta(months=older_than_months)


@transaction.atomic
def personal_data_anonymise(
    *, older_than_months: int = RETENTION_MONTHS, now: datetime | None = None
) -> int:
    """Blank the names and emails of participants of sessions that ended before the cut-off.
    Safe to run again; returns how many participants were anonymised this time."""
    if older_than_months < 0:
        raise BookingError(_("The retention period cannot be negative."))
    cutoff = retention_cutoff(older_than_months=older_than_months, now=now)
    expired = Participant.objects.filter(booking__session__ends_at__lt=cutoff)
    attendance_ids = (
        Attendance.objects.filter(participant__in=expired)
        .annotate(text_id=Cast("pk", CharField()))
        .values("text_id")
    )
    participant_ids = expired.annotate(text_id=Cast("pk", CharField())).values("text_id")
    ModelLogEntry.objects.filter(
        Q(
            content_type=ContentType.objects.get_for_model(Attendance),
            object_id__in=attendance_ids,
        )
        | Q(
            content_type=ContentType.objects.get_for_model(Participant),
            object_id__in=participant_ids,
        )
    ).exclude(label="").update(label="")
    Notification.objects.filter(booking__session__ends_at__lt=cutoff).exclude(recipient="").update(
        recipient=""
    )
    # Emails about no booking (invitations, trainers' and staff's emails) go by their age; their
    # data may name people (an inviter, say).
    Notification.objects.filter(booking__isnull=True, created_at__lt=cutoff).exclude(
        recipient="", data={}
    ).update(recipient="", data={})
    count = expired.exclude(name="", email="").update(name="", email="")
    logger.info("Anonymised %s participants of sessions that ended before %s", count, cutoff)
    return count


def personal_data_for_user(user) -> dict:
    """Everything the platform holds about `user`, as JSON-able data."""
    emails = selectors.verified_emails(user)
    addresses = [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in user.emailaddress_set.all()
    ]
    membership = Membership.objects.select_related("organisation").filter(user=user).first()
    data = {
        "exported_at": timezone.now(),
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "email_addresses": addresses,
        "membership": {
            "organisation": membership.organisation.name,
            "role": membership.role,
            "since": membership.created_at,
        }
        if membership
        else None,
        "bookings_made": [
            {
                "reference": booking.reference,
                "training": booking.session.training.title,
                "starts_at": booking.session.starts_at,
                "status": booking.status,
                "seats": booking.seats,
                "booked_at": booking.created_at,
            }
            for booking in Booking.objects.filter(created_by=user)
            .select_related("session__training")
            .order_by("created_at")
        ],
        "participations": [
            {
                "booking": participant.booking.reference,
                "training": participant.booking.session.training.title,
                "name": participant.name,
                "email": participant.email,
                "function": participant.function,
                "cancelled_at": participant.cancelled_at,
                "attendance": [
                    {"date": attendance.occurrence.start, "status": attendance.status}
                    for attendance in participant.attendances.all()
                ],
            }
            for participant in Participant.objects.filter(_any_email("email", emails))
            .select_related("booking__session__training")
            .prefetch_related("attendances__occurrence")
        ],
        "inhouse_requests": [
            {
                "organisation": request.organisation.name,
                "training": request.training.title if request.training else None,
                "period_from": request.period_from,
                "period_to": request.period_to,
                "message": request.message,
                "status": request.status,
                "created_at": request.created_at,
            }
            for request in InhouseRequest.objects.filter(requested_by=user).select_related(
                "organisation", "training"
            )
        ],
        "invitations_received": [
            {
                "organisation": invitation.organisation.name,
                "email": invitation.email,
                "created_at": invitation.created_at,
                "accepted_at": invitation.accepted_at,
            }
            for invitation in Invitation.objects.filter(_any_email("email", emails)).select_related(
                "organisation"
            )
        ],
        "emails_sent_to_you": [
            {
                "kind": notification.kind,
                "recipient": notification.recipient,
                "created_at": notification.created_at,
                "sent_at": notification.sent_at,
            }
            for notification in Notification.objects.filter(_any_email("recipient", emails))
        ],
    }
    for name, function in _sections.items():
        data[name] = function(user)
    return data


def _any_email(field: str, emails: set[str]) -> Q:
    """Matches `field` against any of the addresses (ignoring case); nothing when there are
    none."""
    condition = Q(pk__in=[])
    for email in emails:
        condition |= Q(**{f"{field}__iexact": email})
    return condition


@transaction.atomic
def account_delete(*, user) -> None:
    """Delete the user's account. Their organisation, its bookings and participants stay (the
    bookings lose their "booked by"); the addresses our emails went to are blanked."""
    if user.is_superuser:
        raise BookingError(
            _("Administrator accounts can only be deleted by another administrator.")
        )
    _refuse_if_last_admin(user)
    Notification.objects.filter(_any_email("recipient", selectors.verified_emails(user))).update(
        recipient=""
    )
    try:
        user.delete()
    except (ProtectedError, RestrictedError):
        raise BookingError(
            _(
                "Your account is linked to records that must be kept (for example trainer "
                "assignments). Please contact the programme team."
            )
        ) from None


def _refuse_if_last_admin(user) -> None:
    """An organisation keeps an administrator: its last one cannot leave by deleting the
    account. The organisation row is locked so that two admins cannot both leave at once."""
    membership = Membership.objects.filter(user=user, role=Role.ADMIN).first()
    if membership is None:
        return
    organisation = Organisation.objects.select_for_update().get(pk=membership.organisation_id)
    if not organisation.memberships.filter(role=Role.ADMIN).exclude(pk=membership.pk).exists():
        raise BookingError(
            _(
                "You are the last administrator of %(organisation)s. On the organisation page, "
                "make another member an administrator first (invite a colleague if there is "
                "nobody else); then you can delete your account."
            )
            % {"organisation": organisation.name}
        )
