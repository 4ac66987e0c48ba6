"""Who books: organisations, their members, bookings of seats and the participants in them."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

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
        validators=[
            RegexValidator(
                r"^[0-9]{2,12}(-[A-Za-z0-9]{1,30})?-[0-9]{2}$",
                _("A Leitweg-ID looks like 04011000-1234512345-06."),
            )
        ],
        help_text=_("For electronic invoices to public bodies (XRechnung)."),
    )
    vat_id = models.CharField(
        _("VAT ID"),
        max_length=14,
        blank=True,
        validators=[RegexValidator(r"^DE\d{9}$", _("A German VAT ID looks like DE123456789."))],
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
        if self.type in ADMINISTRATION_TYPES:
            return Sector.ADMINISTRATION
        return Sector.COMPANIES

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
    def amount(self) -> Decimal:
        return self.price_per_seat * self.seats


class Function(models.TextChoices):
    EMPLOYEE = "employee", _("employee")
    MANAGER = "manager", _("manager")


class Participant(models.Model):
    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), blank=True)
    function = models.CharField(_("function"), max_length=16, choices=Function.choices)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.name
