"""Certificates of attendance (Teilnahmebescheinigung): who gets one, its verification code,
the PDF.

The rule: the session was held, the booking is confirmed, the participant was not cancelled and
was present at no fewer than the training's `certificate_share` of the session's dates (those not
cancelled). The PDF is drawn with reportlab (pure Python) in DejaVu Sans, shipped in
bookings/fonts, so names in any European script print and nothing is needed from the system.

Trainers: bookings never imports the trainers app (DESIGN.md). The trainers app registers a
`TrainerDirectory` in its AppConfig.ready(): the names printed on a session's certificates and
the sessions a user teaches (whose certificates that user may download).
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus import Table as PdfTable

from bookings.models import (
    AttendanceStatus,
    BookingStatus,
    Certificate,
    Membership,
    Participant,
)
from catalogue.models import Occurrence, Session
from catalogue.models.sessions import SessionStatus

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # 32 letters: 5 bits each, no 0/O, 1/I
CODE_LENGTH = 16  # 80 bits: not guessable
FONTS = Path(__file__).resolve().parent / "fonts"


@dataclass(frozen=True)
class TrainerDirectory:
    """What bookings needs to know about trainers, supplied by the trainers app."""

    # The names of the trainers who ran the session (for the certificate).
    names_for_session: Callable[[Session], list[str]]
    # The same for many sessions at once (ids, or a queryset of them): session id -> names.
    names_for_sessions: Callable[[object], dict[int, list[str]]]
    # The ids of the sessions the user teaches (a queryset of ids, for a subquery).
    session_ids_for_user: Callable[[object], QuerySet]


def _no_trainers() -> TrainerDirectory:
    return TrainerDirectory(
        names_for_session=lambda session: [],
        names_for_sessions=lambda session_ids: {},
        session_ids_for_user=lambda user: Session.objects.none().values("pk"),
    )


_directory = _no_trainers()


def register_trainer_directory(directory: TrainerDirectory | None) -> None:
    """Called by the trainers app once at start-up (None: forget trainers again)."""
    global _directory
    _directory = directory or _no_trainers()


def trainer_directory() -> TrainerDirectory:
    return _directory


def participants_with_certificate() -> QuerySet[Participant]:
    """Every participant who meets the certificate rule of their training."""
    present_dates = Count(
        "attendances",
        filter=Q(
            attendances__status=AttendanceStatus.PRESENT,
            attendances__occurrence__is_cancelled=False,
            attendances__occurrence__session=F("booking__session"),
        ),
    )
    session_dates = Subquery(
        Occurrence.objects.filter(session=OuterRef("booking__session"), is_cancelled=False)
        .order_by()
        .values("session")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        Participant.objects.filter(
            booking__status=BookingStatus.CONFIRMED,
            booking__session__status=SessionStatus.HELD,
            cancelled_at__isnull=True,
        )
        .annotate(present_dates=present_dates, session_dates=session_dates)
        .filter(
            present_dates__gte=F("session_dates")
            * F("booking__session__training__certificate_share")
        )
    )


def certificate_participant_for_user(user, participant_id: int) -> Participant | None:
    """A participant whose certificate `user` may download: a member of the booking
    organisation, or a trainer of the session. Anonymised participants have none."""
    if not user.is_authenticated:
        return None
    member = Exists(
        Membership.objects.filter(user=user, organisation=OuterRef("booking__organisation"))
    )
    teaches = Q(booking__session__in=trainer_directory().session_ids_for_user(user))
    return (
        participants_with_certificate()
        .filter(member | teaches, pk=participant_id)
        .exclude(name="")
        .select_related("booking__session__training")
        .first()
    )


def certificate_ids_for_booking(booking) -> set[int]:
    """The booking's participants who can download a certificate."""
    return set(
        participants_with_certificate()
        .filter(booking=booking)
        .exclude(name="")
        .values_list("pk", flat=True)
    )


def certificate_issue(*, participant: Participant) -> Certificate:
    """The participant's certificate record; its code is made once and never changes."""
    certificate, _created = Certificate.objects.get_or_create(
        participant=participant, defaults={"code": _new_code()}
    )
    return certificate


def certificate_is_genuine(code: str) -> bool:
    """Whether `code` belongs to an issued certificate whose participant still meets the rule."""
    code = normalise_code(code)
    if len(code) != CODE_LENGTH:
        return False
    return participants_with_certificate().filter(certificate__code=code).exists()


def normalise_code(code: str) -> str:
    return "".join(char for char in code.upper() if char.isalnum())


def format_code(code: str) -> str:
    return "-".join(code[start : start + 4] for start in range(0, len(code), 4))


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def certificate_pdf(*, participant: Participant, language: str, verify_url: str) -> bytes:
    """The certificate of attendance as a PDF in `language` ("de" or "en")."""
    certificate = certificate_issue(participant=participant)
    session = participant.booking.session
    attended = list(
        Occurrence.objects.filter(
            session=session,
            is_cancelled=False,
            attendances__participant=participant,
            attendances__status=AttendanceStatus.PRESENT,
        ).order_by("start")
    )
    trainers = trainer_directory().names_for_session(session)
    with translation.override(language):
        training = session.training.localized
        return _render(
            participant=participant,
            training_title=training.title,
            units=session.training.facts.units,
            dates=[_date_line(occurrence) for occurrence in attended],
            state=session.get_state_display(),
            trainers=trainers,
            code=format_code(certificate.code),
            verify_url=verify_url,
            issued=timezone.localdate(certificate.issued_at),
        )


def _date_line(occurrence: Occurrence) -> str:
    start, end = timezone.localtime(occurrence.start), timezone.localtime(occurrence.end)
    return _("%(date)s, %(start)s–%(end)s") % {
        "date": date_format(start, "DATE_FORMAT"),
        "start": f"{start:%H:%M}",
        "end": f"{end:%H:%M}",
    }


def pdf_fonts() -> tuple[str, str]:
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", FONTS / "DejaVuSans.ttf"))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", FONTS / "DejaVuSans-Bold.ttf"))
    return "DejaVuSans", "DejaVuSans-Bold"


def _render(
    *,
    participant: Participant,
    training_title: str,
    units: int,
    dates: list[str],
    state: str,
    trainers: list[str],
    code: str,
    verify_url: str,
    issued: date,
) -> bytes:
    regular, bold = pdf_fonts()
    text = ParagraphStyle("text", fontName=regular, fontSize=11, leading=15)
    heading = ParagraphStyle("heading", parent=text, fontName=bold, fontSize=22, leading=28)
    name = ParagraphStyle("name", parent=text, fontName=bold, fontSize=16, leading=22)
    small = ParagraphStyle("small", parent=text, fontSize=9, leading=12)

    def p(value, style=text):
        return Paragraph(_escape(value), style)

    facts = [
        (_("Training"), _escape(training_title)),
        (_("Dates attended"), "<br/>".join(_escape(line) for line in dates)),
        (
            _("Length of the training"),
            _escape(_("%(units)s UE (teaching units of 45 minutes)") % {"units": units}),
        ),
        (_("State network"), _escape(state)),
    ]
    if trainers:
        facts.append((_("Run by"), _escape(", ".join(trainers))))
    table = PdfTable(
        [[p(label), Paragraph(markup, text)] for label, markup in facts],
        colWidths=[50 * mm, 110 * mm],
        style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)],
    )
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=30 * mm,
        bottomMargin=25 * mm,
        title=_("Certificate of attendance"),
        author=_("IQ network"),
        lang=translation.get_language(),
    )
    document.build(
        [
            p(_("Certificate of attendance"), heading),
            Spacer(1, 10 * mm),
            p(participant.name, name),
            Spacer(1, 3 * mm),
            p(_("attended the following training of the IQ network:")),
            Spacer(1, 8 * mm),
            table,
            Spacer(1, 12 * mm),
            p(_("Issued on %(date)s.") % {"date": date_format(issued, "DATE_FORMAT")}),
            Spacer(1, 20 * mm),
            p(_("Verification code: %(code)s") % {"code": code}, small),
            p(
                _("Check whether this certificate is genuine at %(url)s") % {"url": verify_url},
                small,
            ),
        ]
    )
    return buffer.getvalue()


def _escape(value: str) -> str:
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
