"""Invoices and credit notes (DESIGN.md rule 11): a gapless number per calendar year drawn under
a row lock, issued once for every paid booking and never changed; a cancellation or refund
after it is a credit note referring to it; payments recorded against it.

Amounts are Decimal, rounded half up to the cent as EN 16931 requires: line net amounts, the VAT
per category from the sum of the line nets, the total as net plus VAT."""

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Site

from bookings.models import (
    Booking,
    Invoice,
    InvoiceCounter,
    InvoiceKind,
    InvoiceLine,
    InvoicePayment,
    InvoiceSettings,
    PaymentMethod,
)
from bookings.notifications import notify
from bookings.services.errors import BookingError
from catalogue.models import VatTreatment

CENT = Decimal("0.01")
STANDARD_RATE = Decimal("19.00")
EXEMPT_NOTE = "Umsatzsteuerfrei nach § 4 Nr. 21 UStG"
INVOICE_ACTION = "iq.invoice"


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _number(year: int) -> str:
    """The next number of `year`, drawn under the counter's row lock (no gaps, no doubles)."""
    InvoiceCounter.objects.get_or_create(year=year)
    counter = InvoiceCounter.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"IQ-{year}-{counter.last:06d}"


def seller_settings() -> InvoiceSettings:
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return InvoiceSettings.for_site(site)


def seller_data() -> dict:
    seller = seller_settings()
    return {
        "name": seller.seller_name,
        "street": seller.street,
        "postcode": seller.postcode,
        "city": seller.city,
        "country": "DE",
        "vat_id": seller.vat_id,
        "tax_number": seller.tax_number,
        "iban": seller.iban.replace(" ", ""),
        "bic": seller.bic,
        "contact_name": seller.contact_name,
        "contact_phone": seller.contact_phone,
        "contact_email": seller.contact_email,
        "payment_days": seller.payment_days,
    }


def _buyer_data(booking: Booking) -> dict:
    organisation = booking.organisation
    return {
        "name": organisation.name,
        "street": organisation.street,
        "postcode": organisation.postcode,
        "city": organisation.city,
        "country": "DE",
        "leitweg_id": organisation.leitweg_id,
        "vat_id": organisation.vat_id,
    }


def _vat(booking: Booking) -> tuple[str, Decimal, str]:
    """(UNCL 5305 category, rate, legal note) of the booking's training."""
    if booking.session.training.facts.vat == VatTreatment.STANDARD:
        return "S", STANDARD_RATE, ""
    return "E", Decimal("0.00"), EXEMPT_NOTE


def _net_per_seat(gross: Decimal, rate: Decimal) -> Decimal:
    """Catalogue prices are what the booker pays; the net price of a seat at `rate`."""
    return money(gross / (1 + rate / 100))


def invoice_issue(
    booking: Booking, *, paid_reference: str | None = None, on: date | None = None
) -> Invoice:
    """The booking's invoice (issued once; again: the same one). Card payments pass their
    payment reference and the invoice is settled at once. `on`: the issue date, for imports of
    invoices issued before (default today). Call inside the booking's lock."""
    existing = booking.invoices.filter(kind=InvoiceKind.INVOICE).first()
    if existing is not None:
        return existing
    session = booking.session
    category, rate, note = _vat(booking)
    net_seat = _net_per_seat(booking.price_per_seat, rate)
    seller = seller_data()
    today = on or timezone.localdate()
    with translation.override(booking.language):
        title = session.training.localized.title
        dates = ", ".join(
            date_format(timezone.localtime(o.start), "SHORT_DATE_FORMAT")
            for o in session.active_occurrences
        )
        description = _("Participation: %(training)s (%(dates)s), booking %(reference)s") % {
            "training": title,
            "dates": dates,
            "reference": booking.reference,
        }
    invoice = _create(
        kind=InvoiceKind.INVOICE,
        booking=booking,
        corrects=None,
        lines=[(description, Decimal(booking.seats), net_seat)],
        category=category,
        rate=rate,
        note=note,
        seller=seller,
        issue_date=today,
        due_date=today + timedelta(days=seller["payment_days"]),
    )
    if paid_reference:
        InvoicePayment.objects.create(
            invoice=invoice, date=today, amount=invoice.gross_total, reference=paid_reference
        )
    return invoice


def credit_note_issue(
    invoice: Invoice, *, seats: int, percent: int, reason: str, by=None
) -> Invoice | None:
    """A credit note for `percent` of `seats` seats of the invoice; None when that is nothing.
    Never more than what is left of the invoice after earlier credit notes."""
    if invoice.kind != InvoiceKind.INVOICE:
        raise BookingError(_("Only an invoice can be credited."))
    line = invoice.lines.first()
    credited = credited_total(invoice)
    left = invoice.gross_total - credited
    if left <= 0:
        raise BookingError(
            _("Invoice %(number)s has already been credited in full.") % {"number": invoice.number}
        )
    unit = money(line.unit_price * percent / 100)
    quantity = Decimal(seats)
    if unit * quantity <= 0:
        return None
    seller = invoice.seller
    today = timezone.localdate()
    with translation.override(invoice.language):
        description = _("Credit for %(reason)s (invoice %(number)s, %(percent)s %%)") % {
            "reason": reason,
            "number": invoice.number,
            "percent": percent,
        }
    note = _create(
        kind=InvoiceKind.CREDIT_NOTE,
        booking=invoice.booking,
        corrects=invoice,
        lines=[(description, quantity, unit)],
        category=invoice.vat_category,
        rate=invoice.vat_rate,
        note=invoice.vat_note,
        seller=seller,
        issue_date=today,
        due_date=today,
        cap=left,
    )
    log(instance=invoice.booking, action=INVOICE_ACTION, user=by, data={"number": note.number})
    return note


def _create(
    *, kind, booking, corrects, lines, category, rate, note, seller, issue_date, due_date, cap=None
) -> Invoice:
    rows = [(text, quantity, unit, money(quantity * unit)) for text, quantity, unit in lines]
    net = sum((row[3] for row in rows), Decimal("0.00"))
    tax = money(net * rate / 100)
    gross = net + tax
    if cap is not None and gross > cap:  # the last credit note takes what is left, exactly
        net = money(cap / (1 + rate / 100))
        tax = cap - net
        gross = cap
        text, _quantity, _unit, _amount = rows[0]
        rows = [(text, Decimal(1), net, net)]
    with transaction.atomic():
        invoice = Invoice.objects.create(
            number=_number(issue_date.year),
            kind=kind,
            booking=booking,
            corrects=corrects,
            issue_date=issue_date,
            due_date=due_date,
            language=booking.language,
            seller=seller,
            buyer=_buyer_data(booking),
            order_reference=booking.order_reference,
            vat_category=category,
            vat_rate=rate,
            vat_note=note,
            net_total=net,
            tax_total=tax,
            gross_total=gross,
        )
        InvoiceLine.objects.bulk_create(
            InvoiceLine(
                invoice=invoice,
                position=position,
                description=text,
                quantity=quantity,
                unit_price=unit,
                net_amount=amount,
            )
            for position, (text, quantity, unit, amount) in enumerate(rows, start=1)
        )
    log(instance=booking, action=INVOICE_ACTION, data={"number": invoice.number})
    return invoice


def credited_total(invoice: Invoice) -> Decimal:
    return invoice.credit_notes.aggregate(total=Sum("gross_total"))["total"] or Decimal("0.00")


def amount_due(invoice: Invoice) -> Decimal:
    """What is still to be paid: the invoice less its credit notes and the payments."""
    paid = invoice.payments.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")
    return invoice.gross_total - credited_total(invoice) - paid


def payment_record(
    *, invoice: Invoice, amount: Decimal, on: date, reference: str = "", by=None
) -> InvoicePayment:
    """Record money received for an invoice (partial payments too), never more than is due."""
    if invoice.kind != InvoiceKind.INVOICE:
        raise BookingError(_("Payments are recorded against invoices, not credit notes."))
    amount = money(Decimal(amount))
    with transaction.atomic():
        locked = Invoice.objects.select_for_update().get(pk=invoice.pk)
        due = amount_due(locked)
        if amount <= 0:
            raise BookingError(_("Enter the amount received, more than 0.00 EUR."))
        if amount > due:
            raise BookingError(
                _("Only %(due)s EUR is still due on invoice %(number)s.")
                % {"due": due, "number": locked.number}
            )
        payment = InvoicePayment.objects.create(
            invoice=locked, date=on, amount=amount, reference=reference.strip(), recorded_by=by
        )
    log(instance=invoice.booking, action=INVOICE_ACTION, user=by, data={"paid": str(amount)})
    return payment


def refund_record(booking: Booking, *, amount: Decimal, reference: str) -> None:
    """Money paid back on a booking's invoice (a card refund): a negative payment, and a credit
    note for any part of it no credit note covers yet (a refund made in Stripe's dashboard)."""
    invoice = invoice_for_booking(booking)
    if invoice is None or amount <= 0:
        return
    InvoicePayment.objects.create(
        invoice=invoice, date=timezone.localdate(), amount=-amount, reference=reference
    )
    refunded = -(invoice.payments.filter(amount__lt=0).aggregate(total=Sum("amount"))["total"] or 0)
    uncovered = min(refunded, invoice.gross_total) - credited_total(invoice)
    if uncovered > 0:
        with translation.override(invoice.language):
            description = _("Refund of %(amount)s EUR (invoice %(number)s)") % {
                "amount": uncovered,
                "number": invoice.number,
            }
        today = timezone.localdate()
        _create(
            kind=InvoiceKind.CREDIT_NOTE,
            booking=booking,
            corrects=invoice,
            lines=[(description, Decimal(1), uncovered)],
            category=invoice.vat_category,
            rate=invoice.vat_rate,
            note=invoice.vat_note,
            seller=invoice.seller,
            issue_date=today,
            due_date=today,
            cap=uncovered,
        )


def invoice_for_booking(booking: Booking) -> Invoice | None:
    return booking.invoices.filter(kind=InvoiceKind.INVOICE).first()


def invoices_on_confirmation(booking: Booking) -> None:
    """A booking paid by invoice gets its invoice when it is confirmed."""
    if booking.payment_method == PaymentMethod.INVOICE and booking.price_per_seat > 0:
        invoice_issue(booking)


def invoice_reminders_send(*, today: date | None = None) -> int:
    """Remind the bookers of unpaid invoices `reminder_days` after the due date, and again after
    each further `reminder_days`; paid or credited invoices get none. Safe to run twice a day
    (each reminder is one outbox row). Returns how many reminders were due."""
    today = today or timezone.localdate()
    days = seller_settings().reminder_days
    count = 0
    unpaid = Invoice.objects.filter(
        kind=InvoiceKind.INVOICE, due_date__lte=today - timedelta(days=days)
    ).select_related("booking")
    for invoice in unpaid:
        due = amount_due(invoice)
        if due <= 0:
            continue
        reminder = (today - invoice.due_date).days // days
        notify(
            "invoice_reminder",
            invoice.booking,
            invoice=invoice.number,
            reminder=reminder,
            due=str(due),
        )
        count += 1
    return count
