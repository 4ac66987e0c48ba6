"""Who books: organisations, their members, bookings of seats and the participants in them."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum.de import leitweg
from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as ValidationError_
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from catalogue.models import StateNetwork


class Sector(models.TextChoices):
    ADMINISTRATION = "administration", _("administration")
    COMPANIES = "companies", _("companies")


class OrganisationType(models.TextChoices):
    JOB_CENTRE = "job_centre", _("job centre")
    EMPLOYMENT_AGENCY = "employment_agency", _("employment agency")
    MUNICIPAL_ADMINISTRATION = "municipal_administration", _("municipal administration")
    OTHER_PUBLIC_BODY = "other_public_body", _("other public body")
    SME = "sme", _("small or medium-sized enterprise")
    LARGE_COMPANY = "large_company", _("large company")
    CHAMBER_OR_ASSOCIATION = "chamber_or_association", _("chamber or association")
    NON_PROFIT = "non_profit", _("non-profit organisation")


ADMINISTRATION_TYPES = frozenset(
    {
        OrganisationType.JOB_CENTRE,
        OrganisationType.EMPLOYMENT_AGENCY,
        OrganisationType.MUNICIPAL_ADMINISTRATION,
        OrganisationType.OTHER_PUBLIC_BODY,
    }
)


def validate_leitweg_id(value: str) -> None:
    """Format and check digits (ISO 7064 MOD 97-10) as the Leitweg-ID specification defines."""
    try:
        leitweg.validate(value)
    except InvalidChecksum:
        raise ValidationError(
            _("The check digits of this Leitweg-ID do not match; please check it.")
        ) from None
    except ValidationError_:
        raise ValidationError(_("A Leitweg-ID looks like 04011000-1234512345-06.")) from None


def sector_of(organisation_type: str) -> str:
    if organisation_type in ADMINISTRATION_TYPES:
        return Sector.ADMINISTRATION
    return Sector.COMPANIES


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    type = models.CharField(_("type"), max_length=32, choices=OrganisationType.choices)
    state = models.CharField(_("state"), max_length=2, choices=StateNetwork.choices)
    street = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(
        _("postcode"),
        max_length=5,
        validators=[RegexValidator(r"^\d{5}$", _("A German postcode has five digits."))],
    )
    city = models.CharField(_("city"), max_length=100)
    leitweg_id = models.CharField(
        _("Leitweg-ID"),
        max_length=46,
        blank=True,
        validators=[validate_leitweg_id],
        help_text=_("For electronic invoices to public bodies (XRechnung)."),
    )
    vat_id = models.CharField(
        _("VAT ID"),
        max_length=14,
        blank=True,
        validators=[RegexValidator(r"^DE\d{9}$", _("A German VAT ID looks like DE123456789."))],
    )
    send_reminders = models.BooleanField(
        _("send reminders"),
        default=True,
        help_text=_(
            "Reminders before the sessions to the bookers and participants. Changes and "
            "cancellations are always sent."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def sector(self) -> str:
        return sector_of(self.type)

    @property
    def is_public_body(self) -> bool:
        return self.sector == Sector.ADMINISTRATION


class Role(models.TextChoices):
    ADMIN = "admin", _("admin")
    BOOKER = "booker", _("booker")


class Membership(models.Model):
    """A user's place in an organisation (one organisation per user)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.BOOKER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


class BookingStatus(models.TextChoices):
    HELD = "held", _("held, awaiting payment")
    CONFIRMED = "confirmed", _("confirmed")
    WAITLISTED = "waitlisted", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")
    EXPIRED = "expired", _("expired")


# Statuses whose seats count against capacity (held only until the hold expires).
SEAT_STATUSES = (BookingStatus.CONFIRMED, BookingStatus.HELD)


class PaymentMethod(models.TextChoices):
    NONE = "none", _("free of charge")
    CARD = "card", _("card")
    INVOICE = "invoice", _("invoice")


class PaymentStatus(models.TextChoices):
    NOT_REQUIRED = "not_required", _("not required")
    PENDING = "pending", _("pending")
    PAID = "paid", _("paid")
    REFUNDED = "refunded", _("refunded")


class Booking(models.Model):
    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    session = models.ForeignKey(
        "catalogue.Session",
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="bookings",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="bookings",
    )
    # The organisation's type when it booked, written by the booking service: the figures count
    # the sector booked under (DESIGN.md rule 13); staff re-classify explicitly.
    organisation_type = models.CharField(
        _("organisation type when booked"),
        max_length=32,
        choices=OrganisationType.choices,
        editable=False,
    )
    status = models.CharField(_("status"), max_length=16, choices=BookingStatus.choices)
    seats = models.PositiveSmallIntegerField(_("seats"), validators=[MinValueValidator(1)])
    price_per_seat = models.DecimalField(
        _("price per seat (EUR)"), max_digits=8, decimal_places=2, default=Decimal("0.00")
    )
    payment_method = models.CharField(
        _("payment method"),
        max_length=16,
        choices=PaymentMethod.choices,
        default=PaymentMethod.NONE,
    )
    payment_status = models.CharField(
        _("payment"),
        max_length=16,
        choices=PaymentStatus.choices,
        default=PaymentStatus.NOT_REQUIRED,
    )
    hold_expires_at = models.DateTimeField(_("hold expires"), null=True, blank=True)
    stripe_checkout_id = models.CharField(
        _("Stripe Checkout Session"), max_length=255, blank=True, db_index=True
    )
    stripe_payment_intent = models.CharField(
        _("Stripe PaymentIntent"), max_length=255, blank=True, db_index=True
    )
    refunded_amount = models.DecimalField(
        _("refunded (EUR)"), max_digits=10, decimal_places=2, default=Decimal("0.00")
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="de",
        help_text=_("Language of the emails about this booking."),
    )
    order_reference = models.CharField(
        _("order or cost-centre reference"),
        max_length=100,
        blank=True,
        help_text=_("Printed on the invoice, for the buyer's accounts department."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        indexes = [models.Index(fields=["session", "status"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def sector(self) -> str:
        """The sector the booking was made under."""
        return sector_of(self.organisation_type)

    @property
    def amount(self) -> Decimal:
        return self.price_per_seat * self.seats

    @property
    def offer_open(self) -> bool:
        """Moved up from the waiting list, to be paid by invoice: held until accepted."""
        return (
            self.status == BookingStatus.HELD
            and self.payment_method == PaymentMethod.INVOICE
            and self.hold_expires_at is not None
            and self.hold_expires_at > timezone.now()
        )

    @property
    def awaiting_payment(self) -> bool:
        """Held for card payment, and the hold has not run out."""
        return (
            self.status == BookingStatus.HELD
            and self.payment_method == PaymentMethod.CARD
            and self.hold_expires_at is not None
            and self.hold_expires_at > timezone.now()
        )


class Function(models.TextChoices):
    EMPLOYEE = "employee", _("employee")
    MANAGER = "manager", _("manager")


class Participant(models.Model):
    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), blank=True)
    function = models.CharField(_("function"), max_length=16, choices=Function.choices)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # Recorded at the session (bookings.services.attendance): came without being booked, or
    # in place of a booked person, who is then cancelled.
    added_on_the_day = models.BooleanField(_("added on the day"), default=False, editable=False)
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("in place of"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.name


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("present")
    ABSENT = "absent", _("absent")
    EXCUSED = "excused", _("excused")


class Attendance(models.Model):
    """Whether a participant attended one occurrence of the session."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="attendances"
    )
    occurrence = models.ForeignKey(
        "catalogue.Occurrence", on_delete=models.CASCADE, related_name="attendances"
    )
    status = models.CharField(_("attendance"), max_length=16, choices=AttendanceStatus.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        # Statistics come from attendance (DESIGN.md rule 7); this opens the report in the admin.
        permissions = [("view_statistics", _("Can view the programme statistics"))]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "occurrence"], name="attendance_once_per_occurrence"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.get_status_display()}"


class Invitation(models.Model):
    """An organisation admin invites a colleague by email; the link lets them join."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.BOOKER)
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return self.email


class Delivery(models.TextChoices):
    IN_PERSON = "in_person", _("at our premises")
    ONLINE = "online", _("online")


class InhouseRequestStatus(models.TextChoices):
    OPEN = "open", _("open")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    SCHEDULED = "scheduled", _("scheduled")


class InhouseRequest(models.Model):
    """An organisation asks for a training for its own staff."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="inhouse_requests",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    training = models.ForeignKey(
        "catalogue.TrainingPage",
        verbose_name=_("training"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topic = models.ForeignKey(
        "catalogue.Topic",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(
        _("state network"),
        max_length=2,
        choices=StateNetwork.choices,
        help_text=_("The state network asked to run it; its staff answer the request."),
    )
    period_from = models.DateField(_("preferred from"))
    period_to = models.DateField(_("preferred until"))
    expected_participants = models.PositiveSmallIntegerField(
        _("expected participants"), validators=[MinValueValidator(1)]
    )
    delivery = models.CharField(_("place"), max_length=16, choices=Delivery.choices)
    place = models.CharField(_("address"), max_length=300, blank=True)
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=InhouseRequestStatus.choices,
        default=InhouseRequestStatus.OPEN,
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    session = models.OneToOneField(
        "catalogue.Session",
        verbose_name=_("private session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inhouse_request",
    )
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="de")
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("in-house request")
        verbose_name_plural = _("in-house requests")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_to__gte=models.F("period_from")),
                name="inhouse_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.created_at:%d.%m.%Y})"

    def clean(self):
        super().clean()
        errors = {}
        if not self.training_id and not self.topic_id:
            errors["training"] = _("Choose a training or a topic.")
        if self.period_from and self.period_to and self.period_to < self.period_from:
            errors["period_to"] = _("The end of the period cannot be before its start.")
        if self.delivery == Delivery.IN_PERSON and not self.place.strip():
            errors["place"] = _("Enter the address where the training should take place.")
        if errors:
            raise ValidationError(errors)


class StripeEvent(models.Model):
    """Each Stripe event id is applied once; a repeat delivery changes nothing."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.event_id


class NotificationStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


class Notification(models.Model):
    """One email to one recipient. The unique key makes sending idempotent (reminders run
    twice send once); a failed send is kept with its error and retried."""

    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=40)
    recipient = models.EmailField(_("recipient"))
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="de")
    booking = models.ForeignKey(
        Booking, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    data = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=NotificationStatus.choices,
        default=NotificationStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("email")
        verbose_name_plural = _("emails")

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient}"


class ReminderOptOut(models.Model):
    """An address that unsubscribed from reminders, kept only as a keyed digest
    (bookings.reminders.address_digest), so it holds no personal data to anonymise."""

    address_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reminder opt-out")
        verbose_name_plural = _("reminder opt-outs")

    def __str__(self) -> str:
        return self.address_digest[:12]


class Certificate(models.Model):
    """A certificate of attendance once issued; its verification code never changes. It holds
    no personal data, so it stays genuine after the participant is anonymised."""

    participant = models.OneToOneField(
        Participant, on_delete=models.CASCADE, related_name="certificate"
    )
    code = models.CharField(_("verification code"), max_length=16, unique=True, editable=False)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)

    class Meta:
        verbose_name = _("certificate of attendance")
        verbose_name_plural = _("certificates of attendance")

    def __str__(self) -> str:
        return self.code


class ReportingPeriod(models.Model):
    """A reporting period (Berichtszeitraum) the federal office has closed: its report as it was
    then, stored whole (DESIGN.md rule 13); every download of it is one of `files`."""

    label = models.CharField(_("name"), max_length=100, help_text=_("For example “Q1 2030”."))
    date_from = models.DateField(_("from"))
    date_to = models.DateField(_("to"))
    report = models.JSONField(_("report"), editable=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    closed_at = models.DateTimeField(_("as of"), auto_now_add=True)

    class Meta:
        ordering = ["-date_from", "-date_to"]
        verbose_name = _("closed reporting period")
        verbose_name_plural = _("closed reporting periods")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(date_to__gte=models.F("date_from")),
                name="reporting_period_not_reversed",
            ),
            models.UniqueConstraint(fields=["date_from", "date_to"], name="reporting_period_once"),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.date_from:%d.%m.%Y}–{self.date_to:%d.%m.%Y})"


class ClosedReportFile(models.Model):
    """One download of a closed period's report, kept byte for byte."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="files")
    format = models.CharField(max_length=8)
    language = models.CharField(max_length=8)
    filename = models.CharField(max_length=200)
    content = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["period", "format", "language"], name="closed_report_file_once"
            )
        ]

    def __str__(self) -> str:
        return self.filename


@register_setting(icon="doc-full")
class InvoiceSettings(BaseSiteSetting):
    """Who issues the invoices: the seller on every invoice and e-invoice."""

    seller_name = models.CharField(_("seller"), max_length=200, default="IQ Schulungen")
    street = models.CharField(_("street and number"), max_length=200, default="Musterstraße 1")
    postcode = models.CharField(_("postcode"), max_length=5, default="10115")
    city = models.CharField(_("city"), max_length=100, default="Berlin")
    vat_id = models.CharField(
        _("VAT ID"),
        max_length=14,
        blank=True,
        default="DE123456788",
        validators=[RegexValidator(r"^DE\d{9}$", _("A German VAT ID looks like DE123456789."))],
    )
    tax_number = models.CharField(_("tax number"), max_length=20, blank=True)
    iban = models.CharField(_("IBAN"), max_length=34, default="DE02120300000000202051")
    bic = models.CharField(_("BIC"), max_length=11, blank=True, default="BYLADEM1001")
    contact_name = models.CharField(_("contact person"), max_length=100, default="Buchhaltung")
    contact_phone = models.CharField(_("contact phone"), max_length=40, default="+49 30 1234567")
    contact_email = models.EmailField(_("contact email"), default="rechnung@example.org")
    payment_days = models.PositiveSmallIntegerField(
        _("payment term (days)"), default=30, validators=[MinValueValidator(1)]
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("reminder after (days)"),
        default=14,
        validators=[MinValueValidator(1)],
        help_text=_(
            "A reminder goes out this many days after the due date, and again after each "
            "further period, until the invoice is paid."
        ),
    )

    class Meta:
        verbose_name = _("invoice settings")

    def __str__(self) -> str:
        return self.seller_name


class InvoiceKind(models.TextChoices):
    INVOICE = "380", _("invoice")
    CREDIT_NOTE = "381", _("credit note")


class InvoiceCounter(models.Model):
    """The last number drawn in a calendar year (drawn under a row lock: no gaps)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class Invoice(models.Model):
    """An invoice or credit note as issued: every figure and party is kept as it was, and it
    never changes (a correction is a credit note, DESIGN.md rule 11)."""

    number = models.CharField(_("number"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=3, choices=InvoiceKind.choices)
    booking = models.ForeignKey(
        Booking, verbose_name=_("booking"), on_delete=models.PROTECT, related_name="invoices"
    )
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects invoice"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="credit_notes",
    )
    issue_date = models.DateField(_("issued"))
    due_date = models.DateField(_("due"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    seller = models.JSONField()
    buyer = models.JSONField()
    order_reference = models.CharField(max_length=100, blank=True)
    vat_category = models.CharField(max_length=2)  # E exempt, S standard (UNCL 5305)
    vat_rate = models.DecimalField(max_digits=5, decimal_places=2)
    vat_note = models.CharField(max_length=200, blank=True)
    net_total = models.DecimalField(_("net"), max_digits=10, decimal_places=2)
    tax_total = models.DecimalField(_("VAT"), max_digits=10, decimal_places=2)
    gross_total = models.DecimalField(_("total"), max_digits=10, decimal_places=2)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-issue_date", "-number"]
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")

    def __str__(self) -> str:
        return self.number

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("An issued invoice never changes; issue a credit note."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("An issued invoice is kept; issue a credit note."))

    @property
    def buyer_name(self) -> str:
        return self.buyer.get("name", "")

    @property
    def state_label(self) -> str:
        """Open, partly paid, paid, overdue or credited (needs the annotations of
        bookings.selectors.invoices_for_staff: `paid`, `credited`)."""
        if self.kind == InvoiceKind.CREDIT_NOTE:
            return str(_("credit note"))
        due = self.gross_total - self.credited - self.paid
        if due <= 0:
            return str(_("credited") if self.credited >= self.gross_total else _("paid"))
        if self.due_date < timezone.localdate():
            return str(_("overdue"))
        return str(_("partly paid") if self.paid else _("open"))


class InvoiceLine(models.Model):
    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField()
    description = models.CharField(max_length=300)
    quantity = models.DecimalField(max_digits=8, decimal_places=2)
    unit_price = models.DecimalField(max_digits=10, decimal_places=2)  # net
    net_amount = models.DecimalField(max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.invoice}/{self.position}"


class InvoicePayment(models.Model):
    """Money received for an invoice (or paid back, negative)."""

    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="payments")
    date = models.DateField(_("date"))
    amount = models.DecimalField(_("amount (EUR)"), max_digits=10, decimal_places=2)
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.invoice}: {self.amount}"
