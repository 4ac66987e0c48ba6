"""An invoice or credit note as a PDF in the booking's language (reportlab), and as ZUGFeRD /
Factur-X: the same PDF with its EN 16931 XML embedded as a PDF/A-3 attachment (factur-x, which
writes the PDF/A-3 metadata and checks the XML against the schema), after an sRGB output intent
is added."""

from io import BytesIO

from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from facturx import generate_from_binary
from PIL import ImageCms
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from bookings.certificates import pdf_fonts
from bookings.einvoice import invoice_xml
from bookings.models import Invoice, InvoiceKind


def euros(value) -> str:
    return f"{number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)} €"


def invoice_pdf(invoice: Invoice) -> bytes:
    """The human-readable invoice (no XML inside)."""
    regular, bold = pdf_fonts()
    text = ParagraphStyle("text", fontName=regular, fontSize=9, leading=12)
    small = ParagraphStyle("small", parent=text, fontSize=7.5, leading=10, textColor=colors.grey)
    title = ParagraphStyle("title", parent=text, fontName=bold, fontSize=15, leading=19)
    seller, buyer = invoice.seller, invoice.buyer
    with translation.override(invoice.language):
        heading = _("Invoice") if invoice.kind == InvoiceKind.INVOICE else _("Credit note")
        facts = [
            [_("Number"), invoice.number],
            [_("Date"), date_format(invoice.issue_date, "SHORT_DATE_FORMAT")],
            [_("Booking"), invoice.booking.reference],
        ]
        if invoice.kind == InvoiceKind.INVOICE:
            facts.append([_("Due"), date_format(invoice.due_date, "SHORT_DATE_FORMAT")])
        else:
            facts.append([_("Corrects invoice"), invoice.corrects.number])
        if buyer.get("leitweg_id"):
            facts.append([_("Leitweg-ID"), buyer["leitweg_id"]])
        if invoice.order_reference:
            facts.append([_("Your reference"), invoice.order_reference])
        lines = [[_("Pos."), _("Description"), _("Quantity"), _("Unit price"), _("Amount")]]
        lines += [
            [
                str(line.position),
                Paragraph(line.description, text),
                number_format(line.quantity, decimal_pos=0),
                euros(line.unit_price),
                euros(line.net_amount),
            ]
            for line in invoice.lines.all()
        ]
        totals = [
            [_("Net amount"), euros(invoice.net_total)],
            [
                _("VAT %(rate)s %%") % {"rate": number_format(invoice.vat_rate, decimal_pos=0)},
                euros(invoice.tax_total),
            ],
            [_("Total"), euros(invoice.gross_total)],
        ]
        story = [
            Paragraph(
                f"{seller['name']} · {seller['street']} · {seller['postcode']} {seller['city']}",
                small,
            ),
            Spacer(1, 4 * mm),
            Paragraph(
                "<br/>".join(
                    [buyer["name"], buyer["street"], f"{buyer['postcode']} {buyer['city']}"]
                ),
                text,
            ),
            Spacer(1, 10 * mm),
            Paragraph(f"{heading} {invoice.number}", title),
            Spacer(1, 3 * mm),
            _table(facts, regular, bold, header=False),
            Spacer(1, 6 * mm),
            _table(lines, regular, bold, widths=[12 * mm, 90 * mm, 20 * mm, 28 * mm, 28 * mm]),
            Spacer(1, 3 * mm),
            _table(totals, regular, bold, header=False, widths=[150 * mm, 28 * mm], total=True),
            Spacer(1, 6 * mm),
        ]
        if invoice.vat_note:
            story.append(Paragraph(invoice.vat_note, text))
        if invoice.kind == InvoiceKind.INVOICE:
            story.append(
                Paragraph(
                    _(
                        "Please transfer %(amount)s by %(due)s to IBAN %(iban)s%(bic)s, quoting "
                        "%(number)s."
                    )
                    % {
                        "amount": euros(invoice.gross_total),
                        "due": date_format(invoice.due_date, "SHORT_DATE_FORMAT"),
                        "iban": seller["iban"],
                        "bic": f" (BIC {seller['bic']})" if seller.get("bic") else "",
                        "number": invoice.number,
                    },
                    text,
                )
            )
        else:
            story.append(
                Paragraph(
                    _("This credit note reduces invoice %(number)s by %(amount)s.")
                    % {"number": invoice.corrects.number, "amount": euros(invoice.gross_total)},
                    text,
                )
            )
        story += [
            Spacer(1, 10 * mm),
            Paragraph(
                " · ".join(
                    value
                    for value in (
                        seller["name"],
                        _("VAT ID %(id)s") % {"id": seller["vat_id"]} if seller["vat_id"] else "",
                        _("Tax number %(id)s") % {"id": seller["tax_number"]}
                        if seller["tax_number"]
                        else "",
                        f"{seller['contact_name']}, {seller['contact_phone']}, "
                        f"{seller['contact_email']}",
                    )
                    if value
                ),
                small,
            ),
        ]
        output = BytesIO()
        SimpleDocTemplate(
            output,
            pagesize=A4,
            leftMargin=18 * mm,
            rightMargin=15 * mm,
            topMargin=15 * mm,
            bottomMargin=15 * mm,
            title=f"{heading} {invoice.number}",
            author=seller["name"],
            lang=invoice.language,
            invariant=1,
        ).build(story)
    return output.getvalue()


def zugferd_pdf(invoice: Invoice) -> bytes:
    """The PDF with the Factur-X EN 16931 XML embedded (PDF/A-3, attachment factur-x.xml)."""
    xml = invoice_xml(invoice, xrechnung=False)
    return generate_from_binary(
        _with_srgb_output_intent(invoice_pdf(invoice)),
        xml,
        flavor="factur-x",
        level="en16931",
        check_xsd=True,
        lang=invoice.language,
        pdf_metadata={
            "author": invoice.seller["name"],
            "keywords": "Factur-X, ZUGFeRD",
            "title": invoice.number,
            "subject": invoice.number,
        },
    )


def _with_srgb_output_intent(pdf: bytes) -> bytes:
    """PDF/A needs an output intent: the sRGB profile (made by Pillow's littleCMS)."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    writer = PdfWriter(clone_from=PdfReader(BytesIO(pdf)))
    stream = StreamObject()
    stream.set_data(profile)
    stream.update({NameObject("/N"): NumberObject(3)})
    intent = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/OutputIntent"),
            NameObject("/S"): NameObject("/GTS_PDFA1"),
            NameObject("/OutputConditionIdentifier"): TextStringObject("sRGB"),
            NameObject("/Info"): TextStringObject("sRGB IEC61966-2.1"),
            NameObject("/DestOutputProfile"): writer._add_object(stream),
        }
    )
    writer._root_object[NameObject("/OutputIntents")] = ArrayObject([writer._add_object(intent)])
    output = BytesIO()
    writer.write(output)
    return output.getvalue()


def _table(rows, regular, bold, *, header=True, widths=None, total=False) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    style = [("FONT", (0, 0), (-1, -1), regular, 9), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if header or total:
        style.append(("ALIGN", (-1, 0), (-1, -1), "RIGHT"))
    if header:
        style += [
            ("FONT", (0, 0), (-1, 0), bold, 9),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
            ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
        ]
    if total:
        style += [
            ("FONT", (0, -1), (-1, -1), bold, 9),
            ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.black),
            ("ALIGN", (0, 0), (0, -1), "RIGHT"),
        ]
    table.setStyle(style)
    return table
