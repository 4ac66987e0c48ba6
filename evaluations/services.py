"""Inviting the participants of a training held, and taking in their answers.

A link's token is random; only its SHA-256 is stored, so the links exist only in the emails
(bookings.outbox). An answer is stored without anything that leads back to the link or the
person: the invitation only records the day it was used."""

import hashlib
import hmac
import secrets
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, Count, Exists, Max, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from bookings import outbox
from bookings.models import (
    Attendance,
    AttendanceStatus,
    BookingStatus,
    Membership,
    Notification,
    Participant,
    Role,
)
from catalogue.models import Session
from evaluations.models import (
    RATING_SCALE,
    Answer,
    Invitation,
    InvitationKind,
    ItemKind,
    Questionnaire,
)
from evaluations.selectors import questionnaire_for_session

VALID_FOR = timedelta(weeks=6)
REMIND_AFTER = timedelta(days=7)
INVITATION_KIND = "evaluation_invitation"
REMINDER_KIND = "evaluation_reminder"
TEXT_MAX_LENGTH = 2000


class EvaluationError(ValueError):
    """The link or the answer cannot be taken; the message says why, in the user's language."""


class LinkInvalid(EvaluationError):
    pass


class LinkUsed(EvaluationError):
    pass


class LinkExpired(EvaluationError):
    pass


class RoomLinkClosed(EvaluationError):
    """The room link hands out nothing (not held yet, expired, or every link taken)."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def evaluation_url(token: str, language: str) -> str:
    with translation.override(language):
        return urljoin(settings.WAGTAILADMIN_BASE_URL, reverse("evaluation", args=[token]))


def _new_links(session: Session, kind: str, count: int, expires_at) -> list[str]:
    tokens = [secrets.token_urlsafe(24) for _ in range(count)]
    Invitation.objects.bulk_create(
        Invitation(session=session, token_hash=token_hash(token), kind=kind, expires_at=expires_at)
        for token in tokens
    )
    return tokens


def _bookers(booking) -> list[str]:
    """Who receives the links for colleagues without an email: the member who booked, or for
    bookings staff made on the organisation's behalf, its admins."""
    booker = booking.created_by
    if booker is not None and booker.email:
        return [booker.email]
    admins = Membership.objects.filter(organisation_id=booking.organisation_id, role=Role.ADMIN)
    return list(admins.exclude(user__email="").values_list("user__email", flat=True))


def invitations_for_held_session(*, session: Session) -> int:
    """Invite everyone present at the session (on a date that took place, in a confirmed
    booking, not cancelled): a personal link by email to each participant with an email; the
    booker gets one link for each colleague without one, to pass on. A session marked held
    again (after a reopening) invites nobody twice. Returns how many links were made."""
    if Invitation.objects.filter(session=session).exists():
        return 0
    present = Attendance.objects.filter(
        participant=OuterRef("pk"), occurrence__is_cancelled=False, status=AttendanceStatus.PRESENT
    )
    participants = (
        Participant.objects.filter(
            Exists(present),
            booking__session=session,
            booking__status=BookingStatus.CONFIRMED,
            cancelled_at__isnull=True,
        )
        .select_related("booking__created_by")
        .order_by("pk")
    )
    expires_at = timezone.now() + VALID_FOR
    emails, made = [], 0
    without_email = defaultdict(list)
    for participant in participants:
        if participant.email:
            (token,) = _new_links(session, InvitationKind.PERSONAL, 1, expires_at)
            emails.append(
                _email(participant.email, participant.booking.language, session, [token], False)
            )
            made += 1
        else:
            without_email[participant.booking].append(participant)
    for booking, colleagues in without_email.items():
        tokens = _new_links(session, InvitationKind.HANDED_OUT, len(colleagues), expires_at)
        made += len(tokens)
        emails += [
            _email(address, booking.language, session, tokens, True)
            for address in _bookers(booking)
        ]
    outbox.after_commit(lambda: emails, about=f"evaluation invitations of session {session.pk}")
    return made


def _email(
    recipient: str, language: str, session: Session, tokens: list[str], for_colleagues: bool
) -> outbox.Email:
    return outbox.Email(
        kind=INVITATION_KIND,
        recipient=recipient,
        language=language,
        key=f"{INVITATION_KIND}:{session.pk}:{outbox.digest({'links': tokens}, recipient)}",
        data={
            "session": session.pk,
            "links": [evaluation_url(token, language) for token in tokens],
            "for_colleagues": for_colleagues,
        },
    )


def on_session_held(sender, *, session: Session, **kwargs) -> None:
    invitations_for_held_session(session=session)


def reminders_send(*, now=None) -> int:
    """Remind once, a week after the invitation, of the links still unused and valid. Running
    it twice sends nothing twice. Returns how many reminders were recorded."""
    now = now or timezone.now()
    reminded = Notification.objects.filter(
        kind=REMINDER_KIND,
        key=Concat(Value(f"{REMINDER_KIND}:"), Cast(OuterRef("pk"), CharField())),
    )
    due = (
        Notification.objects.filter(
            kind=INVITATION_KIND, created_at__lte=now - REMIND_AFTER, created_at__gt=now - VALID_FOR
        )
        .exclude(Exists(reminded))
        .order_by("pk")
    )
    emails = []
    for invitation in due:
        links = [url for url in invitation.data["links"] if _still_open(url, now)]
        if links:
            emails.append(
                outbox.Email(
                    kind=REMINDER_KIND,
                    recipient=invitation.recipient,
                    language=invitation.language,
                    key=f"{REMINDER_KIND}:{invitation.pk}",
                    data={**invitation.data, "links": links},
                )
            )
    outbox.after_commit(lambda: emails, about="evaluation reminders")
    return len(emails)


def _still_open(url: str, now) -> bool:
    token = url.rstrip("/").rsplit("/", 1)[-1]
    return Invitation.objects.filter(
        token_hash=token_hash(token), used_on__isnull=True, expires_at__gt=now
    ).exists()


def invitation_for_token(token: str) -> Invitation:
    """The invitation a link names while it may be answered (LinkInvalid, LinkUsed,
    LinkExpired)."""
    invitation = (
        Invitation.objects.select_related("session__training")
        .filter(token_hash=token_hash(token))
        .first()
    )
    _check_open(invitation)
    return invitation


def _check_open(invitation: Invitation | None) -> None:
    if invitation is None:
        raise LinkInvalid(_("This link is not valid. Please check that it was copied in full."))
    if invitation.used_on is not None:
        raise LinkUsed(_("This questionnaire has already been answered with this link."))
    if invitation.expires_at <= timezone.now():
        raise LinkExpired(_("This link has expired: questionnaires can be answered for six weeks."))


def answer_submit(*, token: str, values: dict) -> Answer:
    """Store one answer for the link's session and mark the link used, under the link's row
    lock: a link answers once, however often it is sent. `values` are the form's cleaned data
    by item key; empty ones are left out, and an answer needs at least one."""
    kept = {key: value for key, value in values.items() if value not in ("", None, [])}
    if not kept:
        raise EvaluationError(_("Please answer at least one question."))
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update().filter(token_hash=token_hash(token)).first()
        )
        _check_open(invitation)
        questionnaire = questionnaire_for_session(invitation.session)
        _check_values(questionnaire, kept)
        today = timezone.localdate()
        invitation.used_on = today
        invitation.save(update_fields=["used_on"])
        return Answer.objects.create(
            session_id=invitation.session_id,
            questionnaire=questionnaire,
            submitted_on=today,
            values=kept,
        )


def _check_values(questionnaire: Questionnaire, values: dict) -> None:
    """Values the questionnaire could not have asked for are refused (the form checks them
    first; this keeps the rule with the write)."""
    items = {item.key: item for item in questionnaire.items.all()}
    for key, value in values.items():
        item = items.get(key)
        if item is None or not _possible(item, value):
            raise EvaluationError(_("One of the answers is not possible; please check them."))


def _possible(item, value) -> bool:
    options = {option for option, _label in item.options}
    if item.kind == ItemKind.RATING:
        return value in RATING_SCALE
    if item.kind == ItemKind.SINGLE:
        return value in options
    if item.kind == ItemKind.MULTIPLE:
        return isinstance(value, list) and set(value) <= options
    return isinstance(value, str) and len(value) <= TEXT_MAX_LENGTH


# The room link: one short address per held session that the trainer shows in the room (as a
# QR code); each person who opens it and presses the button takes a single-use link of their
# own. It is signed, not stored, and hands out at most as many links as people were present.
ROOM_SALT = "evaluations.room"
ROOM_SIGNATURE_LENGTH = 12


def room_code(session: Session) -> str:
    signature = salted_hmac(ROOM_SALT, str(session.pk)).hexdigest()[:ROOM_SIGNATURE_LENGTH]
    return f"{session.pk}-{signature}"


def room_url(session: Session, language: str) -> str:
    with translation.override(language):
        return urljoin(
            settings.WAGTAILADMIN_BASE_URL, reverse("evaluation_room", args=[room_code(session)])
        )


@dataclass(frozen=True)
class RoomLink:
    session: Session
    present: int  # how many links it may hand out: one per participant present
    taken: int
    expires_at: object  # datetime

    @property
    def left(self) -> int:
        return max(self.present - self.taken, 0)


def room_link_for_session(session: Session) -> RoomLink | None:
    """The room link's state while it hands out links; None before the session is marked
    held (nobody has been invited yet) and once its links have expired."""
    kinds = dict(
        Invitation.objects.filter(session=session).values_list("kind").annotate(Count("pk"))
    )
    expires_at = (
        Invitation.objects.filter(session=session)
        .exclude(kind=InvitationKind.ROOM)
        .aggregate(expires=Max("expires_at"))["expires"]
    )
    if expires_at is None or expires_at <= timezone.now():
        return None
    present = kinds.get(InvitationKind.PERSONAL, 0) + kinds.get(InvitationKind.HANDED_OUT, 0)
    return RoomLink(
        session=session,
        present=present,
        taken=kinds.get(InvitationKind.ROOM, 0),
        expires_at=expires_at,
    )


def session_for_room_code(code: str) -> Session:
    """The session a room code names (LinkInvalid for a code nobody made)."""
    number, _dash, signature = code.partition("-")
    session = None
    if number.isdigit() and len(number) < 12:
        expected = salted_hmac(ROOM_SALT, number).hexdigest()[:ROOM_SIGNATURE_LENGTH]
        if hmac.compare_digest(expected, signature):
            session = Session.objects.select_related("training").filter(pk=int(number)).first()
    if session is None:
        raise LinkInvalid(_("This link is not valid. Please check that it was copied in full."))
    return session


def room_link_take(*, session: Session, kept: str | None = None) -> str:
    """A single-use link's token from the session's room link. `kept`: the token this browser
    took before; while it is unused it is given again (a reload takes no second link). Under
    the session's row lock, so the room never hands out more links than people were present."""
    with transaction.atomic():
        Session.objects.select_for_update().filter(pk=session.pk).first()
        room = room_link_for_session(session)
        if room is None:
            raise RoomLinkClosed(
                _(
                    "This room link is not open: it works from when the session is marked held "
                    "and for six weeks after."
                )
            )
        if (
            kept
            and Invitation.objects.filter(
                session=session,
                kind=InvitationKind.ROOM,
                token_hash=token_hash(kept),
                used_on__isnull=True,
                expires_at__gt=timezone.now(),
            ).exists()
        ):
            return kept
        if not room.left:
            raise RoomLinkClosed(
                _(
                    "Every link of this room has been taken: there are as many as people were "
                    "present. Please use the personal link from your email."
                )
            )
        (token,) = _new_links(session, InvitationKind.ROOM, 1, room.expires_at)
        return token
