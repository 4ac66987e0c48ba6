"""Who teaches: trainers, their certifications, availability and assignments to sessions."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from recurrence.fields import RecurrenceField

from catalogue.models import StateNetwork


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class Trainer(models.Model):
    """A certified trainer: a profile attached to a user account (DESIGN.md rule 5)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trainer"
    )
    name = models.CharField(_("name"), max_length=200)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short bio (German)"), max_length=1000, blank=True)
    bio_en = models.TextField(_("short bio (English)"), max_length=1000, blank=True)
    languages = models.ManyToManyField(
        "catalogue.Language",
        verbose_name=_("languages"),
        blank=True,
        related_name="+",
        help_text=_("Languages the trainer teaches in."),
    )
    # State network codes (ISO 3166-2:DE); a JSON list so the SQLite quick start works too.
    states = models.JSONField(_("state networks"), default=list, blank=True)
    online = models.BooleanField(_("teaches online"), default=False)
    language = models.CharField(
        _("email language"), max_length=8, choices=settings.LANGUAGES, default="de"
    )
    show_on_training_pages = models.BooleanField(
        _("show on training pages"),
        default=False,
        help_text=_("Name, photo and bio appear on the pages of trainings the trainer runs."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_(
            "Only active trainers can be assigned and use the trainer portal and calendar feed."
        ),
    )
    calendar_token = models.CharField(
        max_length=64, unique=True, default=new_calendar_token, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")

    def __str__(self) -> str:
        return self.name

    @property
    def email(self) -> str:
        return self.user.email

    @property
    def bio_label(self) -> str:
        if get_language() == "en" and self.bio_en:
            return self.bio_en
        return self.bio

    def get_states_display(self) -> str:
        labels = dict(StateNetwork.choices)
        return ", ".join(str(labels[code]) for code in self.states if code in labels)

    def clean(self):
        super().clean()
        unknown = [code for code in self.states or [] if code not in StateNetwork.values]
        if unknown:
            raise ValidationError({"states": _("Unknown state network: %s") % ", ".join(unknown)})


class Certification(models.Model):
    """A trainer's certification for one topic, valid for a period."""

    trainer = models.ForeignKey(
        Trainer, verbose_name=_("trainer"), on_delete=models.CASCADE, related_name="certifications"
    )
    topic = models.ForeignKey(
        "catalogue.Topic", verbose_name=_("topic"), on_delete=models.PROTECT, related_name="+"
    )
    issued_by = models.CharField(_("issued by"), max_length=200)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("certificate document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Kept private: only programme staff and the trainer can open it."),
    )
    # The valid_until date the expiry reminder was sent for (renewing sends a new one).
    reminded_for = models.DateField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["trainer__name", "topic__sort_order", "-valid_until"]
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        indexes = [models.Index(fields=["topic", "valid_until"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("issued_on")),
                name="certification_valid_after_issue",
            )
        ]

    def __str__(self) -> str:
        return f"{self.trainer} – {self.topic} ({self.valid_until:%d.%m.%Y})"

    def clean(self):
        super().clean()
        if self.issued_on and self.valid_until and self.valid_until < self.issued_on:
            raise ValidationError(
                {"valid_until": _("The end of validity cannot be before the date of issue.")}
            )

    def covers(self, day) -> bool:
        return self.issued_on <= day <= self.valid_until


class AvailabilityKind(models.TextChoices):
    WORKING = "working", _("working time")
    ABSENCE = "absence", _("absence")


class AvailabilityRule(models.Model):
    """A trainer's working pattern or absence, written as Berlin wall-clock dates and times plus
    a recurrence rule. `trainers.availability` expands it into AvailabilityWindow rows."""

    trainer = models.ForeignKey(
        Trainer, on_delete=models.CASCADE, related_name="availability_rules"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=AvailabilityKind.choices)
    first_date = models.DateField(
        _("first day"), help_text=_("With a repeat rule: the day from which the rule applies.")
    )
    last_date = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_("For an absence of several days: its last day."),
    )
    start_time = models.TimeField(
        _("from"),
        null=True,
        blank=True,
        help_text=_("Local time, Europe/Berlin. Empty for an absence: the whole day."),
    )
    end_time = models.TimeField(_("until"), null=True, blank=True)
    recurrences = RecurrenceField(
        verbose_name=_("repeat"),
        blank=True,
        include_dtstart=False,
        help_text=_("For example weekly on Monday, Tuesday and Wednesday; or every year."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    # Windows exist up to this day; a daily task extends open-ended rules.
    expanded_until = models.DateField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "first_date", "start_time"]
        verbose_name = _("availability rule")
        verbose_name_plural = _("availability rules")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.first_date:%d.%m.%Y}"

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == AvailabilityKind.WORKING and not (self.start_time and self.end_time):
            errors["start_time"] = _("Working time needs a start and an end time.")
        if bool(self.start_time) != bool(self.end_time):
            errors["end_time"] = _("Give both times, or none for the whole day.")
        elif self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The end time must be after the start time.")
        if self.last_date and self.first_date and self.last_date < self.first_date:
            errors["last_date"] = _("The last day cannot be before the first day.")
        if self.last_date and self.kind == AvailabilityKind.WORKING:
            errors["last_date"] = _(
                "A working pattern ends with its repeat rule; the last day is for absences."
            )
        if errors:
            raise ValidationError(errors)


class AvailabilityWindow(models.Model):
    """One expanded span of a rule, as aware datetimes; at most one day long."""

    rule = models.ForeignKey(AvailabilityRule, on_delete=models.CASCADE, related_name="windows")
    trainer = models.ForeignKey(Trainer, on_delete=models.CASCADE, related_name="+")
    is_absence = models.BooleanField(default=False)
    start = models.DateTimeField()
    end = models.DateTimeField()

    class Meta:
        ordering = ["start"]
        indexes = [models.Index(fields=["start"]), models.Index(fields=["trainer", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="window_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        start, end = timezone.localtime(self.start), timezone.localtime(self.end)
        return f"{start:%d.%m.%Y %H:%M}–{end:%d.%m.%Y %H:%M}"


class AssignmentRole(models.TextChoices):
    LEAD = "lead", _("lead trainer")
    CO = "co", _("co-trainer")


class AssignmentStatus(models.TextChoices):
    PENDING = "pending", _("awaiting answer")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    WITHDRAWN = "withdrawn", _("withdrawn")


# Assignments that hold the trainer's place in a session.
ACTIVE_STATUSES = (AssignmentStatus.PENDING, AssignmentStatus.ACCEPTED)


class Assignment(models.Model):
    """A trainer asked to run a session, as lead or co-trainer; the trainer accepts or
    declines. Changes only through trainers.services."""

    session = models.ForeignKey(
        "catalogue.Session",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    trainer = models.ForeignKey(
        Trainer, verbose_name=_("trainer"), on_delete=models.PROTECT, related_name="assignments"
    )
    role = models.CharField(_("role"), max_length=8, choices=AssignmentRole.choices)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.PENDING,
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), max_length=500, blank=True)
    # Raised on every change, added to the session's SEQUENCE in calendar entries.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        indexes = [models.Index(fields=["trainer", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "trainer"],
                condition=models.Q(status__in=["pending", "accepted"]),
                name="assignment_once_per_session",
            ),
            models.UniqueConstraint(
                fields=["session"],
                condition=models.Q(role="lead", status__in=["pending", "accepted"]),
                name="assignment_one_lead",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trainer} – {self.session} ({self.get_role_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES
