"""Unsubscribing from reminders, one click per email (RFC 8058). An address that unsubscribed is
kept only as a keyed digest; the link carries that digest, signed, never the address."""

import hashlib
import hmac
from collections.abc import Iterable
from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.urls import reverse

from bookings.models import ReminderOptOut

SALT = "bookings.unsubscribe"


def address_digest(address: str) -> str:
    key = (settings.SECRET_KEY + SALT).encode()
    return hmac.new(key, address.strip().lower().encode(), hashlib.sha256).hexdigest()


def unsubscribe_url(address: str) -> str:
    token = signing.Signer(salt=SALT).sign(address_digest(address))
    return urljoin(settings.WAGTAILADMIN_BASE_URL, reverse("unsubscribe", args=[token]))


def digest_from_token(token: str) -> str | None:
    try:
        return signing.Signer(salt=SALT).unsign(token)
    except signing.BadSignature:
        return None


def opted_out(addresses: Iterable[str]) -> set[str]:
    """The addresses (lower case) among `addresses` that unsubscribed from reminders."""
    by_digest = {address_digest(address): address.lower() for address in addresses}
    found = ReminderOptOut.objects.filter(address_digest__in=by_digest).values_list(
        "address_digest", flat=True
    )
    return {by_digest[digest] for digest in found}


def unsubscribe(digest: str) -> None:
    ReminderOptOut.objects.get_or_create(address_digest=digest)


def resubscribe(digest: str) -> None:
    ReminderOptOut.objects.filter(address_digest=digest).delete()
