"""A participant's personal link to the materials of their session: it names the participant,
signed, and works while their seat is confirmed, until some weeks after the session."""

from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from bookings.models import BookingStatus, Participant

SALT = "bookings.participant_materials"
VALID_AFTER_SESSION = timedelta(weeks=6)


def participant_materials_url(participant: Participant) -> str:
    token = signing.Signer(salt=SALT).sign(str(participant.pk))
    return urljoin(settings.WAGTAILADMIN_BASE_URL, reverse("participant_materials", args=[token]))


class LinkInvalid(Exception):
    """The link is not one we gave out, or no longer one the participant may use."""


class LinkExpired(LinkInvalid):
    pass


def participant_for_token(token: str) -> Participant:
    """The participant the link names, while it is valid (LinkInvalid, LinkExpired)."""
    try:
        participant_id = int(signing.Signer(salt=SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        raise LinkInvalid from None
    participant = (
        Participant.objects.select_related("booking__session__training")
        .filter(pk=participant_id)
        .first()
    )
    if (
        participant is None
        or participant.cancelled_at is not None
        or participant.booking.status != BookingStatus.CONFIRMED
    ):
        raise LinkInvalid
    session = participant.booking.session
    if session.ends_at and timezone.now() > session.ends_at + VALID_AFTER_SESSION:
        raise LinkExpired
    return participant
