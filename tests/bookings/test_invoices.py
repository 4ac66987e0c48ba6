"""Invoices and e-invoices: gapless yearly numbers, issued once and never changed, XRechnung for
public bodies with a Leitweg-ID and Factur-X EN 16931 for everyone else (validated against the
official schema and checked for the XRechnung rules BR-DE-*), credit notes for cancellations,
payments, and Leitweg-IDs with their check digits."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from facturx import xml_check_xsd
from lxml import etree
from pypdf import PdfReader

from bookings.einvoice import XRECHNUNG, invoice_xml
from bookings.factories import MembershipFactory, OrganisationFactory, UserFactory, participants
from bookings.models import (
    Booking,
    BookingStatus,
    Invoice,
    InvoiceKind,
    OrganisationType,
    validate_leitweg_id,
)
from bookings.services.bookings import booking_cancel, booking_create, offer_accept
from bookings.services.errors import BookingError
from bookings.services.invoices import (
    amount_due,
    credit_note_issue,
    invoice_for_booking,
    invoice_reminders_send,
    payment_record,
)
from bookings.services.members import organisation_details_update
from catalogue.factories import make_session, make_training
from catalogue.models import Session, VatTreatment
from catalogue.services import staff_grant

pytestmark = pytest.mark.django_db

LEITWEG = "04011000-1234512345-06"
NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
}


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def paid_session(site_tree):
    training = make_training(
        site_tree.index,
        title="Interkulturelle Kompetenz im Jobcenter",
        price_administration=Decimal("120.00"),
        price_companies=Decimal("250.00"),
        refund_before_deadline=100,
    )
    return make_session(training, capacity=10, first_date=timezone.localdate() + timedelta(days=30))


@pytest.fixture
def jobcentre_member(db):
    organisation = OrganisationFactory(name="Jobcenter Berlin-Mitte", leitweg_id=LEITWEG)
    return MembershipFactory(organisation=organisation)


@pytest.fixture
def company_member(db):
    organisation = OrganisationFactory(
        name="Muster GmbH", type=OrganisationType.SME, vat_id="DE123456789"
    )
    return MembershipFactory(organisation=organisation)


def book(session, member, seats=2, **extra):
    return booking_create(
        session=session,
        organisation=member.organisation,
        participants=participants(seats),
        by=member.user,
        pay_by_invoice=True,
        **extra,
    )


def text(root, path: str) -> str | None:
    found = root.xpath(path, namespaces=NS)
    return found[0].text if found else None


def test_every_booking_by_invoice_gets_one_gapless_number(paid_session, jobcentre_member):
    first = invoice_for_booking(book(paid_session, jobcentre_member))
    second = invoice_for_booking(book(paid_session, jobcentre_member, seats=1))
    year = timezone.localdate().year

    assert (first.number, second.number) == (f"IQ-{year}-000001", f"IQ-{year}-000002")
    assert (first.net_total, first.tax_total, first.gross_total) == (
        Decimal("240.00"),
        Decimal("0.00"),
        Decimal("240.00"),
    )
    assert first.vat_note == "Umsatzsteuerfrei nach § 4 Nr. 21 UStG"
    assert first.buyer["leitweg_id"] == LEITWEG and first.seller["iban"]
    assert first.due_date == first.issue_date + timedelta(days=30)


def test_an_issued_invoice_never_changes(paid_session, jobcentre_member):
    invoice = invoice_for_booking(book(paid_session, jobcentre_member))
    invoice.gross_total = Decimal("1.00")
    with pytest.raises(ValidationError):
        invoice.save()
    with pytest.raises(ValidationError):
        invoice.delete()
    assert Invoice.objects.get(pk=invoice.pk).gross_total == Decimal("240.00")


def test_xrechnung_for_a_public_body_passes_the_schema_and_the_german_rules(
    paid_session, jobcentre_member
):
    invoice = invoice_for_booking(book(paid_session, jobcentre_member, order_reference="KST 4711"))
    xml = invoice_xml(invoice)
    root = etree.fromstring(xml)

    assert xml_check_xsd(xml, flavor="factur-x", level="en16931")  # the official schema
    guideline = "//rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter"
    assert text(root, guideline + "/ram:ID") == XRECHNUNG  # BR-DE-21
    assert text(root, "//ram:BuyerReference") == LEITWEG  # BT-10, BR-DE-15
    assert text(root, "//rsm:ExchangedDocument/ram:TypeCode") == "380"  # BR-DE-17
    seller = "//ram:SellerTradeParty"
    assert text(root, seller + "/ram:PostalTradeAddress/ram:CityName")  # BR-DE-3
    assert text(root, seller + "/ram:PostalTradeAddress/ram:PostcodeCode")  # BR-DE-4
    assert text(root, seller + "/ram:DefinedTradeContact/ram:PersonName")  # BR-DE-5
    assert text(root, seller + "//ram:TelephoneUniversalCommunication/ram:CompleteNumber")  # -6
    assert text(root, seller + "//ram:EmailURIUniversalCommunication/ram:URIID")  # BR-DE-7
    buyer = "//ram:BuyerTradeParty/ram:PostalTradeAddress"
    assert text(root, buyer + "/ram:CityName") == "Berlin"  # BR-DE-8
    assert text(root, buyer + "/ram:PostcodeCode") == "10115"  # BR-DE-9
    assert text(root, "//ram:BuyerTradeParty/ram:URIUniversalCommunication/ram:URIID") == LEITWEG
    means = "//ram:SpecifiedTradeSettlementPaymentMeans"
    assert text(root, means + "/ram:TypeCode") == "58"  # BR-DE-1, BR-DE-23
    assert text(root, means + "/ram:PayeePartyCreditorFinancialAccount/ram:IBANID")  # BR-DE-19
    tax = "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax"
    assert text(root, tax + "/ram:RateApplicablePercent") == "0.00"  # BR-DE-14
    assert text(root, tax + "/ram:CategoryCode") == "E"
    assert text(root, tax + "/ram:ExemptionReason") == "Umsatzsteuerfrei nach § 4 Nr. 21 UStG"
    assert text(root, "//ram:SpecifiedTaxRegistration/ram:ID")  # BR-DE-16: seller VAT id
    assert text(root, "//ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID") == "KST 4711"
    assert text(root, "//ram:DuePayableAmount") == "240.00"


def test_factur_x_for_a_company_with_the_standard_rate(paid_session, company_member):
    training = paid_session.training
    training.vat = VatTreatment.STANDARD
    training.save_revision().publish()
    invoice = invoice_for_booking(book(paid_session, company_member, seats=1))

    # 250.00 paid: 210.08 net, 19 % VAT 39.92 (rounded half up, EN 16931).
    assert (invoice.net_total, invoice.tax_total, invoice.gross_total) == (
        Decimal("210.08"),
        Decimal("39.92"),
        Decimal("250.00"),
    )
    xml = invoice_xml(invoice)
    root = etree.fromstring(xml)
    assert xml_check_xsd(xml, flavor="factur-x", level="en16931")
    guideline = "//ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"
    assert text(root, guideline) == "urn:cen.eu:en16931:2017"
    assert text(root, "//ram:BuyerTradeParty//ram:SpecifiedTaxRegistration/ram:ID") == (
        "DE123456789"
    )
    assert text(root, "//ram:ApplicableTradeTax/ram:CategoryCode") == "S"


def test_a_cancellation_after_the_invoice_is_a_credit_note_that_refers_to_it(
    paid_session, jobcentre_member, english
):
    booking = book(paid_session, jobcentre_member)
    invoice = invoice_for_booking(booking)
    first = booking.participants.first()

    booking_cancel(booking=booking, by=jobcentre_member.user, participant_ids=[first.pk])

    note = invoice.credit_notes.get()
    assert (note.kind, note.gross_total) == (InvoiceKind.CREDIT_NOTE, Decimal("120.00"))
    assert Invoice.objects.get(pk=invoice.pk).gross_total == Decimal("240.00")  # unchanged
    xml = invoice_xml(note)
    root = etree.fromstring(xml)
    assert xml_check_xsd(xml, flavor="factur-x", level="en16931")
    assert text(root, "//rsm:ExchangedDocument/ram:TypeCode") == "381"
    assert text(root, "//ram:InvoiceReferencedDocument/ram:IssuerAssignedID") == invoice.number
    assert amount_due(invoice) == Decimal("120.00")

    booking_cancel(booking=booking, by=jobcentre_member.user)  # the rest
    assert amount_due(invoice) == Decimal("0.00")
    with pytest.raises(BookingError, match="already been credited in full"):
        credit_note_issue(invoice, seats=1, percent=100, reason="again")
    assert invoice.credit_notes.count() == 2


def test_payments_are_recorded_partly_and_never_beyond_what_is_due(
    paid_session, jobcentre_member, english
):
    invoice = invoice_for_booking(book(paid_session, jobcentre_member))

    payment_record(invoice=invoice, amount=Decimal("100.00"), on=date(2026, 12, 1), reference="1")
    assert amount_due(invoice) == Decimal("140.00")
    for amount, message in ((Decimal("140.01"), "Only 140.00 EUR"), (Decimal("0"), "more than")):
        with pytest.raises(BookingError, match=message):
            payment_record(invoice=invoice, amount=amount, on=date(2026, 12, 2))
    payment_record(invoice=invoice, amount=Decimal("140.00"), on=date(2026, 12, 3))
    assert amount_due(invoice) == Decimal("0.00")
    assert invoice.payments.count() == 2


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("04011000-1234512345-07", "check digits"),
        ("04011000-1234512345", "looks like"),
        ("keine-leitweg-id", "looks like"),
    ],
)
def test_a_malformed_leitweg_id_is_refused_with_a_message(value, message, english):
    with pytest.raises(ValidationError, match=message):
        validate_leitweg_id(value)


def test_a_valid_leitweg_id_passes():
    validate_leitweg_id(LEITWEG)


def test_members_download_their_invoices_as_zugferd_pdf_and_xrechnung(
    client, paid_session, jobcentre_member, company_member
):
    booking = book(paid_session, jobcentre_member)
    invoice = invoice_for_booking(booking)
    client.force_login(jobcentre_member.user)

    page = client.get(f"/account/bookings/{booking.reference}/").content.decode()
    assert invoice.number in page
    assert invoice.number in client.get("/account/invoices/").content.decode()
    pdf = client.get(f"/account/invoices/{invoice.number}/pdf/")
    xml = client.get(f"/account/invoices/{invoice.number}/xml/")

    assert pdf["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf.content))
    embedded = reader.attachments["factur-x.xml"][0]
    assert xml_check_xsd(embedded, flavor="factur-x", level="en16931")
    assert b"pdfaid:part" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert "/OutputIntents" in reader.trailer["/Root"]
    words = " ".join(page.extract_text() for page in reader.pages)
    assert invoice.number in words and "240,00" in words and "§ 4 Nr. 21 UStG" in words
    assert etree.fromstring(xml.content).xpath("//ram:BuyerReference", namespaces=NS)[0].text == (
        LEITWEG
    )

    client.force_login(company_member.user)  # another organisation
    for url in (
        f"/account/invoices/{invoice.number}/pdf/",
        f"/account/invoices/{invoice.number}/xml/",
    ):
        assert client.get(url).status_code == 404
    client.force_login(jobcentre_member.user)
    assert client.get(f"/account/invoices/{invoice.number}/html/").status_code == 404


def test_the_confirmation_states_amount_invoice_number_and_payment_terms(
    paid_session, jobcentre_member, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(paid_session, jobcentre_member)
    invoice = invoice_for_booking(booking)

    (message,) = [m for m in mailoutbox if jobcentre_member.user.email in m.to]
    assert f"Rechnung {invoice.number}: 240.00 EUR" in message.body or (
        f"Rechnung {invoice.number}: 240,00 EUR" in message.body
    )
    assert "Umsatzsteuerfrei nach § 4 Nr. 21 UStG" in message.body
    assert invoice.due_date.strftime("%Y") in message.body and "Überweisung" in message.body
    assert f"/account/invoices/{invoice.number}/pdf/" in message.body


@pytest.mark.parametrize("output_format", ["xrechnung", "zugferd", "pdf", "csv"])
def test_export_invoices_writes_one_file_per_document(
    paid_session, jobcentre_member, company_member, tmp_path, output_format, english
):
    book(paid_session, jobcentre_member)
    company_booking = book(paid_session, company_member, seats=1)
    booking_cancel(booking=company_booking, by=company_member.user)  # a credit note
    numbers = sorted(Invoice.objects.values_list("number", flat=True))
    today = timezone.localdate().isoformat()

    call_command(
        "export_invoices",
        f"--from={today}",
        f"--to={today}",
        f"--format={output_format}",
        f"--output={tmp_path}",
        stdout=io.StringIO(),
    )

    suffix = {"xrechnung": ".xml", "csv": ".csv"}.get(output_format, ".pdf")
    written = sorted(path.stem for path in tmp_path.iterdir() if path.name != "journal.csv")
    assert written == numbers and len(numbers) == 3
    assert all(path.suffix == suffix for path in tmp_path.iterdir())
    if output_format == "xrechnung":  # every document, Leitweg-ID or not
        for path in tmp_path.iterdir():
            root = etree.fromstring(path.read_bytes())
            assert text(root, "//ram:GuidelineSpecifiedDocumentContextParameter/ram:ID") == (
                XRECHNUNG
            )
            assert xml_check_xsd(path.read_bytes(), flavor="factur-x", level="en16931")
    if output_format == "csv":
        journal = list(csv.reader((tmp_path / "journal.csv").open(encoding="utf-8")))
        assert [row[0] for row in journal[1:]] == numbers
        assert {row[1] for row in journal[1:]} == {"380", "381"}


@pytest.mark.parametrize(
    "arguments",
    [
        ["--from=2026-13-01", "--to=2026-12-31", "--format=pdf"],
        ["--from=2026-12-31", "--to=2026-01-01", "--format=pdf"],
        ["--from=2026-01-01", "--to=2026-12-31", "--format=docx"],
    ],
)
def test_export_invoices_refuses_bad_arguments(db, tmp_path, arguments):
    with pytest.raises(CommandError) as error:
        call_command("export_invoices", *arguments, f"--output={tmp_path}")
    assert error.value.returncode == 2


@pytest.fixture
def berlin_staff_client(db):
    user = UserFactory(username="koordination-be")
    staff_grant(user=user, states=["BE"])
    client = Client()
    client.force_login(user)
    return client


def test_staff_record_payments_and_see_overdue_invoices(
    paid_session, jobcentre_member, berlin_staff_client, english
):
    invoice = invoice_for_booking(book(paid_session, jobcentre_member))
    url = reverse("bookings_staff:invoice_payment", args=[invoice.pk])

    too_much = berlin_staff_client.post(url, {"amount": "240.01", "date": "2026-12-01"})
    assert too_much.status_code == 200
    assert "offen" in too_much.content.decode()  # "Only 240.00 EUR is still due …", in German
    assert not invoice.payments.exists()
    not_a_number = berlin_staff_client.post(url, {"amount": "zwei", "date": "2026-12-01"})
    assert not_a_number.status_code == 200 and not invoice.payments.exists()
    response = berlin_staff_client.post(
        url, {"amount": "100.00", "date": "2026-12-01", "reference": "Kontoauszug 12"}
    )
    assert response.status_code == 302
    assert amount_due(invoice) == Decimal("140.00")

    index = reverse("bookings_invoice:index")
    listing = berlin_staff_client.get(index).content.decode()
    assert invoice.number in listing and "teilweise bezahlt" in listing
    assert (
        invoice.number not in berlin_staff_client.get(index, {"overdue": "true"}).content.decode()
    )

    Invoice.objects.filter(pk=invoice.pk).update(due_date=date(2026, 1, 31))  # a year later
    overdue = berlin_staff_client.get(index, {"overdue": "true"}).content.decode()
    assert invoice.number in overdue and "überfällig" in overdue
    dashboard = berlin_staff_client.get("/admin/").content.decode()
    assert invoice.number in dashboard
    response = berlin_staff_client.get(index, {"export": "csv"})
    export = b"".join(response.streaming_content).decode()
    assert invoice.number in export and "Jobcenter Berlin-Mitte" in export


def test_reminders_go_out_after_the_period_and_stop_once_paid(
    paid_session, jobcentre_member, django_capture_on_commit_callbacks, mailoutbox
):
    invoice = invoice_for_booking(book(paid_session, jobcentre_member))
    mailoutbox.clear()
    reminded = invoice.due_date + timedelta(days=14)

    with django_capture_on_commit_callbacks(execute=True):
        assert invoice_reminders_send(today=reminded - timedelta(days=1)) == 0
        assert invoice_reminders_send(today=reminded) == 1
        assert invoice_reminders_send(today=reminded) == 1  # again the same day: one email
    reminders = [m for m in mailoutbox if invoice.number in m.subject]
    assert len(reminders) == 1 and jobcentre_member.user.email in reminders[0].to
    assert "240.00" in reminders[0].body or "240,00" in reminders[0].body

    payment_record(invoice=invoice, amount=Decimal("240.00"), on=reminded)
    with django_capture_on_commit_callbacks(execute=True):
        assert invoice_reminders_send(today=reminded + timedelta(days=14)) == 0


def test_a_paid_booking_moving_up_is_an_offer_invoiced_only_when_accepted(
    client,
    paid_session,
    jobcentre_member,
    company_member,
    mailoutbox,
    django_capture_on_commit_callbacks,
    english,
):
    Session.objects.filter(pk=paid_session.pk).update(capacity=2)
    paid_session.refresh_from_db()
    first = book(paid_session, company_member, seats=2)
    waiting = book(paid_session, jobcentre_member, seats=2)
    assert waiting.status == BookingStatus.WAITLISTED and not waiting.invoices.exists()

    with django_capture_on_commit_callbacks(execute=True):
        booking_cancel(booking=first, by=company_member.user)
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.HELD and waiting.offer_open
    assert not waiting.invoices.exists()  # nothing invoiced unasked
    offer = next(
        m for m in mailoutbox if jobcentre_member.user.email in m.to and "offer" in m.subject
    )
    assert "Nothing is invoiced unless you accept" in offer.body

    client.force_login(jobcentre_member.user)
    page = client.get(f"/account/bookings/{waiting.reference}/").content.decode()
    assert 'name="accept_offer"' in page
    client.post(f"/account/bookings/{waiting.reference}/", {"accept_offer": "1"})
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.CONFIRMED
    assert invoice_for_booking(waiting).gross_total == Decimal("240.00")


def test_a_lapsed_offer_cannot_be_accepted(paid_session, jobcentre_member, company_member, english):
    Session.objects.filter(pk=paid_session.pk).update(capacity=2)
    paid_session.refresh_from_db()
    first = book(paid_session, company_member, seats=2)
    waiting = book(paid_session, jobcentre_member, seats=2)
    booking_cancel(booking=first, by=company_member.user)
    Booking.objects.filter(pk=waiting.pk).update(hold_expires_at=timezone.now() - timedelta(1))

    with pytest.raises(BookingError, match="lapsed"):
        offer_accept(booking=waiting, by=jobcentre_member.user)
    assert not waiting.invoices.exists()


def test_the_staff_filter_invoices_by_status(
    paid_session, jobcentre_member, berlin_staff_client, english
):
    invoices = [invoice_for_booking(book(paid_session, jobcentre_member)) for _ in range(5)]
    opened, partly, paid, overdue, credited = invoices
    payment_record(invoice=partly, amount=Decimal("100.00"), on=date(2026, 12, 1))
    payment_record(invoice=paid, amount=Decimal("240.00"), on=date(2026, 12, 1))
    Invoice.objects.filter(pk=overdue.pk).update(due_date=date(2026, 1, 31))
    booking_cancel(booking=credited.booking, by=jobcentre_member.user)
    index = reverse("bookings_invoice:index")

    for status, expected in [
        ("open", opened),
        ("partly_paid", partly),
        ("paid", paid),
        ("overdue", overdue),
        ("credited", credited),
    ]:
        page = berlin_staff_client.get(index, {"status": status}).content.decode()
        found = [invoice.number for invoice in invoices if invoice.number in page]
        assert found == [expected.number], status


def test_an_issued_invoice_keeps_the_buyer_it_was_issued_to(paid_session, jobcentre_member):
    invoice = invoice_for_booking(book(paid_session, jobcentre_member))

    organisation_details_update(
        organisation=jobcentre_member.organisation,
        by=jobcentre_member.user,
        name="Jobcenter Berlin Mitte",
        street="Neue Straße 5",
    )

    invoice.refresh_from_db()
    assert invoice.buyer_name == "Jobcenter Berlin-Mitte"
    jobcentre_member.organisation.refresh_from_db()
    later = invoice_for_booking(book(paid_session, jobcentre_member, seats=1))
    assert later.buyer_name == "Jobcenter Berlin Mitte"
