"""Scheduled runs of a training and the dates they meet on."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from recurrence.fields import RecurrenceField

from catalogue.models.taxonomy import StateNetwork


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    OPEN = "open", _("open for booking")
    CANCELLED = "cancelled", _("cancelled")
    HELD = "held", _("held")


@dataclass(frozen=True)
class OnlineAccess:
    url: str
    notes: str


class Session(models.Model):
    """One scheduled run of a training. Its dates are local Berlin wall-clock times plus a
    recurrence rule; `catalogue.services.session_schedule_expand` turns them into Occurrences."""

    training = models.ForeignKey(
        "catalogue.TrainingPage",
        verbose_name=_("training"),
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    # The training's Wagtail translation_key, shared by all its language versions: listing and
    # feed queries match sessions to pages in any language without a join. Set by the service.
    training_key = models.UUIDField(editable=False, db_index=True)
    state = models.CharField(_("state network"), max_length=2, choices=StateNetwork.choices)
    venue = models.ForeignKey(
        "catalogue.Venue",
        verbose_name=_("venue"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sessions",
    )
    online = models.BooleanField(
        _("online"),
        default=False,
        help_text=_("Takes place online; with a venue as well, hybrid."),
    )
    # Online access: only confirmed participants and the assigned trainers ever see these
    # (their booking page, emails, calendars, portal); a date may have its own (Occurrence).
    meeting_url = models.URLField(
        _("meeting link"),
        max_length=500,
        blank=True,
        help_text=_("Shown only to confirmed participants and the assigned trainers."),
    )
    access_notes = models.TextField(
        _("access notes"),
        max_length=1000,
        blank=True,
        help_text=_("Dial-in number, meeting ID, access code."),
    )
    capacity = models.PositiveSmallIntegerField(_("capacity"), validators=[MinValueValidator(1)])
    language = models.ForeignKey(
        "catalogue.Language", verbose_name=_("language"), on_delete=models.PROTECT
    )
    status = models.CharField(
        _("status"), max_length=16, choices=SessionStatus.choices, default=SessionStatus.PLANNED
    )
    booking_deadline = models.DateField(
        _("booking deadline"),
        null=True,
        blank=True,
        help_text=_("Last day on which seats can be booked. Empty: until the first date."),
    )
    is_private = models.BooleanField(
        _("in-house (private)"),
        default=False,
        help_text=_("Not listed publicly; bookable only by the requesting organisation."),
    )
    first_date = models.DateField(_("first date"))
    start_time = models.TimeField(_("start time"), help_text=_("Local time, Europe/Berlin."))
    end_time = models.TimeField(_("end time"), help_text=_("Local time, Europe/Berlin."))
    recurrences = RecurrenceField(
        verbose_name=_("further dates"),
        blank=True,
        include_dtstart=False,
        help_text=_("Repeat rule, extra dates and excluded dates, in addition to the first date."),
    )
    # Written only by bookings services (confirmed plus unexpired held seats).
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0, editable=False)
    # Derived from the occurrences by the schedule expansion, for fast listing queries.
    starts_at = models.DateTimeField(_("starts"), null=True, editable=False, db_index=True)
    ends_at = models.DateTimeField(_("ends"), null=True, editable=False)
    # Raised whenever what a calendar shows changes (RFC 5545 SEQUENCE).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [
            models.Index(fields=["status", "is_private", "starts_at"]),
            # The listing's aggregate of announced public sessions, read from the index alone.
            models.Index(
                fields=["starts_at"],
                include=["training_key", "training", "state", "capacity", "seats_taken"],
                condition=models.Q(
                    is_private=False,
                    status__in=[SessionStatus.PLANNED, SessionStatus.OPEN],
                ),
                name="session_listed_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(online=True) | models.Q(venue__isnull=False),
                name="session_has_venue_or_is_online",
            ),
        ]

    def __str__(self) -> str:
        when = timezone.localtime(self.starts_at).date() if self.starts_at else self.first_date
        return f"{self.training.title} – {date_format(when, 'SHORT_DATE_FORMAT')} ({self.get_state_display()})"

    @cached_property
    def active_occurrences(self) -> list["Occurrence"]:
        """Occurrences that take place (uses prefetched occurrences when there are any)."""
        return [occurrence for occurrence in self.occurrences.all() if not occurrence.is_cancelled]

    @property
    def before_booking_deadline(self) -> bool:
        """Before the deadline (to the end of that day) and before the first date."""
        if self.booking_deadline and self.booking_deadline < timezone.localdate():
            return False
        return self.starts_at is not None and self.starts_at > timezone.now()

    @property
    def has_ended(self) -> bool:
        """The last date that takes place is over (uses prefetched occurrences)."""
        dates = self.active_occurrences
        return bool(dates) and max(occurrence.end for occurrence in dates) <= timezone.now()

    @property
    def can_be_marked_held(self) -> bool:
        """Open to being closed as held: over, and neither held nor cancelled already."""
        return self.status not in (SessionStatus.HELD, SessionStatus.CANCELLED) and self.has_ended

    @property
    def booking_open(self) -> bool:
        return self.status == SessionStatus.OPEN and self.before_booking_deadline

    @property
    def free_places(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    @property
    def place(self) -> str:
        if self.venue_id:
            if self.online:
                return _("%(venue)s and online") % {"venue": self.venue}
            return str(self.venue)
        return str(_("Online"))

    def access_for(self, occurrence: "Occurrence") -> "OnlineAccess | None":
        """The meeting link and notes of one date (its own, else the session's), or None for a
        session that is not online or has neither yet. Only for confirmed participants and the
        assigned trainers."""
        if not self.online:
            return None
        access = OnlineAccess(
            url=occurrence.meeting_url or self.meeting_url,
            notes=occurrence.access_notes or self.access_notes,
        )
        return access if access.url or access.notes else None

    def clean(self):
        super().clean()
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The end time must be after the start time.")
        if not self.online and not self.venue_id:
            errors["venue"] = _("Choose a venue, or mark the session as online.")
        if not self.online and (self.meeting_url or self.access_notes):
            errors["online"] = _("A meeting link or access notes need an online session.")
        if self.booking_deadline and self.first_date and self.booking_deadline > self.first_date:
            errors["booking_deadline"] = _("The booking deadline cannot be after the first date.")
        if errors:
            raise ValidationError(errors)


class Occurrence(models.Model):
    """One meeting of a session, as aware datetimes. Rows come from the schedule expansion."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    # This date's own online access, where it differs from the session's.
    meeting_url = models.URLField(_("meeting link"), max_length=500, blank=True)
    access_notes = models.TextField(_("access notes"), max_length=1000, blank=True)

    class Meta:
        ordering = ["start"]
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        indexes = [models.Index(fields=["start"])]
        constraints = [
            models.UniqueConstraint(fields=["session", "start"], name="occurrence_unique_start"),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="occurrence_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        start = timezone.localtime(self.start)
        end = timezone.localtime(self.end)
        return f"{date_format(start, 'SHORT_DATE_FORMAT')} {start:%H:%M}–{end:%H:%M}"

    @property
    def local_date(self):
        return timezone.localtime(self.start).date()

    @property
    def has_begun(self) -> bool:
        return self.start <= timezone.now()

    @property
    def day_has_come(self) -> bool:
        """Its (Berlin) day has come: people may turn up from the morning on."""
        return timezone.localtime(self.start).date() <= timezone.localdate()

    @property
    def attendance_can_be_recorded(self) -> bool:
        """The date takes place and has begun, in a session that is not cancelled."""
        return (
            not self.is_cancelled
            and self.has_begun
            and self.session.status != SessionStatus.CANCELLED
        )
