"""Invoices as e-invoices in UN/CEFACT CII, built with drafthorse (never by hand): XRechnung 3.0
for buyers with a Leitweg-ID (the Leitweg-ID as buyer reference, BT-10), Factur-X/ZUGFeRD
EN 16931 for everyone else. drafthorse checks the XML against the Factur-X EN 16931 schema it
ships while serializing."""

from decimal import Decimal

from drafthorse.models.accounting import ApplicableTradeTax
from drafthorse.models.document import Document
from drafthorse.models.note import IncludedNote
from drafthorse.models.party import TaxRegistration
from drafthorse.models.payment import PaymentMeans, PaymentTerms
from drafthorse.models.tradelines import LineItem

from bookings.models import Invoice, InvoiceKind

XRECHNUNG = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
EN16931 = "urn:cen.eu:en16931:2017"
SCHEMA = "FACTUR-X_EN16931"
SEPA_CREDIT_TRANSFER = "58"
EXEMPTION_CODE = "VATEX-EU-132-1I"  # exempt education services (Art. 132(1)(i) VAT directive)


def is_xrechnung(invoice: Invoice) -> bool:
    return bool(invoice.buyer.get("leitweg_id"))


def invoice_xml(invoice: Invoice, *, xrechnung: bool | None = None) -> bytes:
    """The CII XML of the invoice or credit note: XRechnung when the buyer has a Leitweg-ID
    (or `xrechnung` says so), Factur-X EN 16931 otherwise."""
    if xrechnung is None:
        xrechnung = is_xrechnung(invoice)
    seller, buyer = invoice.seller, invoice.buyer
    doc = Document()
    doc.context.guideline_parameter.id = XRECHNUNG if xrechnung else EN16931
    doc.header.id = invoice.number
    doc.header.type_code = invoice.kind
    doc.header.issue_date_time = invoice.issue_date
    if invoice.vat_note:
        note = IncludedNote()
        note.content = invoice.vat_note
        doc.header.notes.add(note)

    agreement = doc.trade.agreement
    # BT-10: the Leitweg-ID for public bodies (BR-DE-15), else the buyer's order reference.
    agreement.buyer_reference = (
        buyer.get("leitweg_id") or invoice.order_reference or invoice.booking.reference
    )
    agreement.seller.name = seller["name"]
    agreement.seller.address.line_one = seller["street"]
    agreement.seller.address.postcode = seller["postcode"]
    agreement.seller.address.city_name = seller["city"]
    agreement.seller.address.country_id = seller["country"]
    agreement.seller.contact.person_name = seller["contact_name"]
    agreement.seller.contact.telephone.number = seller["contact_phone"]
    agreement.seller.contact.email.address = seller["contact_email"]
    agreement.seller.electronic_address.uri_ID = ("EM", seller["contact_email"])
    if seller.get("vat_id"):
        agreement.seller.tax_registrations.add(TaxRegistration(id=("VA", seller["vat_id"])))
    if seller.get("tax_number"):
        agreement.seller.tax_registrations.add(TaxRegistration(id=("FC", seller["tax_number"])))
    agreement.buyer.name = buyer["name"]
    agreement.buyer.address.line_one = buyer["street"]
    agreement.buyer.address.postcode = buyer["postcode"]
    agreement.buyer.address.city_name = buyer["city"]
    agreement.buyer.address.country_id = buyer["country"]
    if buyer.get("vat_id"):
        agreement.buyer.tax_registrations.add(TaxRegistration(id=("VA", buyer["vat_id"])))
    if xrechnung:  # BT-49, mandatory in XRechnung 3.0
        agreement.buyer.electronic_address.uri_ID = ("0204", buyer["leitweg_id"])
    if invoice.order_reference:
        agreement.buyer_order.issuer_assigned_id = invoice.order_reference

    doc.trade.delivery.event.occurrence = invoice.issue_date

    settlement = doc.trade.settlement
    settlement.currency_code = "EUR"
    settlement.payment_reference = invoice.number
    if invoice.kind == InvoiceKind.INVOICE:
        means = PaymentMeans()
        means.type_code = SEPA_CREDIT_TRANSFER  # BR-DE-1, BR-DE-23: credit transfer with IBAN
        means.payee_account.iban = seller["iban"]
        if seller.get("bic"):
            means.payee_institution.bic = seller["bic"]
        settlement.payment_means.add(means)
        terms = PaymentTerms()
        terms.description = f"Zahlbar bis {invoice.due_date:%d.%m.%Y} ohne Abzug."
        terms.due = invoice.due_date
        settlement.terms.add(terms)
    else:  # a credit note refers to the invoice it corrects (BT-25, BT-26)
        settlement.invoice_referenced_document.issuer_assigned_id = invoice.corrects.number
        settlement.invoice_referenced_document.issue_date_time = invoice.corrects.issue_date

    for line in invoice.lines.all():
        item = LineItem()
        item.document.line_id = str(line.position)
        item.product.name = line.description
        item.agreement.net.amount = line.unit_price
        item.delivery.billed_quantity = (line.quantity, "C62")  # C62: one (a seat)
        item.settlement.trade_tax.type_code = "VAT"
        item.settlement.trade_tax.category_code = invoice.vat_category
        item.settlement.trade_tax.rate_applicable_percent = invoice.vat_rate
        item.settlement.monetary_summation.total_amount = line.net_amount
        doc.trade.items.add(item)

    tax = ApplicableTradeTax()
    tax.calculated_amount = invoice.tax_total
    tax.basis_amount = invoice.net_total
    tax.type_code = "VAT"
    tax.category_code = invoice.vat_category
    tax.rate_applicable_percent = invoice.vat_rate  # BR-DE-14
    if invoice.vat_category == "E":
        tax.exemption_reason = invoice.vat_note
        tax.exemption_reason_code = EXEMPTION_CODE
    settlement.trade_tax.add(tax)

    totals = settlement.monetary_summation
    totals.line_total = invoice.net_total
    totals.charge_total = Decimal("0.00")
    totals.allowance_total = Decimal("0.00")
    totals.tax_basis_total = invoice.net_total
    totals.tax_total = (invoice.tax_total, "EUR")
    totals.grand_total = invoice.gross_total
    totals.due_amount = invoice.gross_total
    return doc.serialize(schema=SCHEMA)
