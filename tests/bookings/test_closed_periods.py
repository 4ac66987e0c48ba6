"""Closed reporting periods: the federal office closes a period; its report is stored whole and
downloads identically, whatever changes later; changes inside it are refused, or (staff
corrections) shown as differences; report_pa3 prints the frozen figures."""

import json
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from bookings.factories import UserFactory
from bookings.models import Attendance, AttendanceStatus, ClosedReportFile, ReportingPeriod
from bookings.services.attendance import attendance_record, session_reopen
from bookings.services.bookings import session_cancel
from bookings.services.errors import BookingError
from bookings.services.periods import period_close
from catalogue.services import staff_grant
from tests.bookings.statistics_data import administration, attend, book, held_session

pytestmark = pytest.mark.django_db

Q1 = {"date_from": date(2026, 1, 1), "date_to": date(2026, 3, 31)}


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def federal(db):
    user = UserFactory(username="bund", first_name="Bea", last_name="Bund")
    staff_grant(user=user, federal=True)
    return user


@pytest.fixture
def berlin_staff(db):
    user = UserFactory(username="koordination-be")
    staff_grant(user=user, states=["BE"])
    return user


@pytest.fixture
def quarter(training):
    """A training held in January 2026 with two participants present, one absent."""
    session = held_session(training, date(2026, 1, 5), date(2026, 1, 6))
    anna, ben, cem = book(session, administration(), "employee", "employee", "manager")
    attend(anna, "present", "present")
    attend(ben, "present", "absent")
    attend(cem, "absent", "absent")
    return session, (anna, ben, cem)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def downloads(client, period) -> dict[tuple[str, str], bytes]:
    page = client.get(reverse("bookings_periods:detail", args=[period.pk]))
    assert page.status_code == 200
    return {
        (stored.format, stored.language): b"".join(
            client.get(reverse("bookings_periods:download", args=[period.pk, stored.pk]))
        )
        for stored in period.files.all()
    }


def test_the_federal_office_closes_a_period_and_its_downloads_never_change(
    quarter, federal, berlin_staff, english
):
    session, (anna, ben, cem) = quarter
    client = client_for(federal)
    response = client.post(
        reverse("bookings_periods:index"),
        {"label": "Q1 2030", **{k: v.isoformat() for k, v in Q1.items()}},
    )
    period = ReportingPeriod.objects.get()
    assert response.status_code == 302
    assert (period.closed_by, period.report["participants"]) == (federal, 2)
    before = downloads(client, period)
    formats = ("json", "csv", "xlsx", "pdf")
    assert set(before) == {(f, lang) for f in formats for lang in ("de", "en")}
    frozen = json.loads(before["json", "en"])
    assert frozen["closed"]["label"] == "Q1 2030" and frozen["closed"]["by"] == "Bea Bund"

    # A correction by staff inside the closed period: allowed, logged, shown as a difference.
    first, _second = session.occurrences.order_by("start")
    attendance_record(
        occurrence=first, statuses={cem.pk: "present"}, by=berlin_staff, as_staff=True
    )

    assert downloads(client, period) == before
    page = client.get(reverse("bookings_periods:detail", args=[period.pk])).content.decode()
    assert "Änderungen seit dem Abschluss" in page
    assert "<td>2</td><td>3</td>" in page.replace(" ", "")

    with translation.override("en"), pytest.raises(BookingError, match="already been closed"):
        period_close(label="noch einmal", by=federal, **Q1)


def test_only_the_federal_office_closes_or_reads_closed_periods(quarter, berlin_staff, english):
    client = client_for(berlin_staff)
    index = reverse("bookings_periods:index")
    for response in (
        client.get(index),
        client.post(index, {"label": "Q1", "date_from": "2026-01-01", "date_to": "2026-03-31"}),
    ):
        assert response.status_code == 302 and response["Location"] == "/admin/"  # refused
    with translation.override("en"), pytest.raises(BookingError, match="Only the federal office"):
        period_close(label="Q1 2030", by=berlin_staff, **Q1)
    assert not ReportingPeriod.objects.exists()


def test_bad_input_closes_nothing(federal, english):
    client = client_for(federal)
    index = reverse("bookings_periods:index")
    for data in (
        {"label": "", "date_from": "2026-01-01", "date_to": "2026-03-31"},
        {"label": "Q1", "date_from": "2026-03-31", "date_to": "2026-01-01"},
        {"label": "Q1", "date_from": "31.03.", "date_to": "x"},
    ):
        assert client.post(index, data).status_code == 400
    assert not ReportingPeriod.objects.exists() and not ClosedReportFile.objects.exists()


def test_inside_a_closed_period_sessions_are_neither_reopened_nor_cancelled_nor_recorded_by_trainers(
    quarter, federal, berlin_staff, training, english
):
    session, (anna, _ben, _cem) = quarter
    open_one = held_session(training, date(2026, 2, 2), status="open")
    (dora,) = book(open_one, administration(), "employee")
    period_close(label="Q1 2030", by=federal, **Q1)

    with pytest.raises(BookingError, match="is closed"):
        session_reopen(session=session, by=berlin_staff, reason="Korrektur")
    with pytest.raises(BookingError, match="is closed"):
        session_cancel(session=open_one, by=berlin_staff)
    with pytest.raises(BookingError, match="is closed"):
        attendance_record(
            occurrence=open_one.occurrences.get(), statuses={dora.pk: "present"}, by=None
        )
    assert not Attendance.objects.filter(participant=dora).exists()
    assert Attendance.objects.filter(status=AttendanceStatus.PRESENT).count() == 3


def test_report_pa3_prints_the_frozen_figures(quarter, federal, capsys):
    session, (_anna, _ben, cem) = quarter
    period_close(label="Q1 2030", by=federal, **Q1)
    Attendance.objects.filter(participant=cem).update(status="present")  # changed later

    call_command("report_pa3", "--from=2026-01-01", "--to=2026-03-31", "--closed")
    frozen = json.loads(capsys.readouterr().out)
    call_command("report_pa3", "--from=2026-01-01", "--to=2026-03-31")
    today = json.loads(capsys.readouterr().out)

    assert (frozen["participants"], today["participants"]) == (2, 3)
    assert frozen["closed"]["label"] == "Q1 2030"
    for arguments in (
        ["--from=2026-01-01", "--to=2026-06-30", "--closed"],
        ["--from=2026-01-01", "--to=2026-03-31", "--closed", "--state=BE"],
    ):
        with pytest.raises(CommandError) as error:
            call_command("report_pa3", *arguments)
        assert error.value.returncode == 2
