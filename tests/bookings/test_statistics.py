"""The counting rules of docs/statistics.md, each on hand-built data."""

import io
import re
from datetime import date, time

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from bookings.factories import UserFactory
from bookings.models import BookingStatus
from bookings.statistics import StatisticsError, programme_figures
from bookings.statistics_pdf import figures_pdf
from catalogue.models.sessions import SessionStatus
from tests.bookings.statistics_data import (
    administration,
    attend,
    book,
    build_programme,
    held_session,
)
from tests.staff import national

P, A, E = "present", "absent", "excused"
JANUARY = {"date_from": date(2030, 1, 1), "date_to": date(2030, 1, 31)}
FEBRUARY = {"date_from": date(2030, 2, 1), "date_to": date(2030, 2, 28)}
WINTER = {"date_from": date(2030, 1, 1), "date_to": date(2030, 2, 28)}


@pytest.fixture
def jobcentre(db):
    return administration()


def totals(**period):
    figures = programme_figures(**period)
    return figures.trainings_held, figures.participants


def test_partial_attendance_counts_once(training, jobcentre):
    session = held_session(training, date(2030, 1, 7), date(2030, 1, 8), date(2030, 1, 9))
    some, every = book(session, jobcentre, "employee", "employee")
    attend(some, A, P, A)
    attend(every, P, P, P)

    assert totals(**JANUARY) == (1, 2)


def test_no_shows_do_not_count_and_with_nobody_present_neither_does_the_training(
    training, jobcentre
):
    session = held_session(training, date(2030, 1, 7), date(2030, 1, 8))
    absent, unrecorded = book(session, jobcentre, "employee", "manager")
    attend(absent, A, A)

    assert totals(**JANUARY) == (0, 0)
    assert [row.session for row in programme_figures(**JANUARY).held_without_attendance] == [
        session.pk
    ]
    assert unrecorded.attendances.count() == 0


def test_excused_absence_is_not_presence(training, jobcentre):
    session = held_session(training, date(2030, 1, 7), date(2030, 1, 8))
    excused, excused_once = book(session, jobcentre, "employee", "employee")
    attend(excused, E, E)
    attend(excused_once, E, P)

    assert totals(**JANUARY) == (1, 1)


def test_a_multi_day_session_is_one_training(training, jobcentre):
    session = held_session(
        training, date(2030, 1, 7), date(2030, 1, 14), date(2030, 1, 21), date(2030, 1, 28)
    )
    (participant,) = book(session, jobcentre, "employee")
    attend(participant, P, P, P, P)

    figures = programme_figures(**WINTER)

    assert (figures.trainings_held, figures.participants) == (1, 1)
    assert [(row.month, row.trainings_held, row.participants) for row in figures.by_month] == [
        ("2030-01", 1, 1),
        ("2030-02", 0, 0),
    ]


def test_a_session_counts_in_the_period_of_its_first_date(training, jobcentre):
    session = held_session(training, date(2030, 1, 30), date(2030, 2, 4))
    early, late = book(session, jobcentre, "employee", "employee")
    attend(early, P, A)
    attend(late, A, P)

    assert totals(**JANUARY) == (1, 2)
    assert totals(**FEBRUARY) == (0, 0)
    assert totals(**WINTER) == (1, 2)


def test_the_first_date_is_the_first_one_not_cancelled(training, jobcentre):
    session = held_session(
        training, date(2030, 1, 31), date(2030, 2, 4), cancelled=(date(2030, 1, 31),)
    )
    (participant,) = book(session, jobcentre, "employee")
    attend(participant, None, P)

    assert totals(**JANUARY) == (0, 0)
    assert totals(**FEBRUARY) == (1, 1)


def test_presence_on_a_cancelled_date_does_not_count(training, jobcentre):
    session = held_session(
        training, date(2030, 1, 7), date(2030, 1, 8), cancelled=(date(2030, 1, 8),)
    )
    (participant,) = book(session, jobcentre, "employee")
    attend(participant, A, P)

    assert totals(**JANUARY) == (0, 0)  # nobody present on a date that took place


def test_the_month_is_the_berlin_date(training, jobcentre):
    # 00:30 on 1 February in Berlin is still 31 January in UTC.
    session = held_session(training, date(2030, 2, 1), start=time(0, 30), end=time(3, 0))
    (participant,) = book(session, jobcentre, "employee")
    attend(participant, P)

    assert totals(**JANUARY) == (0, 0)
    assert totals(**FEBRUARY) == (1, 1)


def test_cancelled_bookings_participants_and_waiting_lists_never_count(training, jobcentre):
    session = held_session(training, date(2030, 1, 7))
    for status in (
        BookingStatus.CANCELLED,
        BookingStatus.WAITLISTED,
        BookingStatus.EXPIRED,
        BookingStatus.HELD,
    ):
        (participant,) = book(session, jobcentre, "employee", status=status)
        attend(participant, P)
    cancelled, counted = book(session, jobcentre, "employee", "employee")
    cancelled.cancelled_at = session.starts_at
    cancelled.save()
    attend(cancelled, P)
    attend(counted, P)

    assert totals(**JANUARY) == (1, 1)


@pytest.mark.parametrize(
    "status", [SessionStatus.CANCELLED, SessionStatus.OPEN, SessionStatus.PLANNED]
)
def test_only_held_sessions_count(training, jobcentre, status):
    session = held_session(training, date(2030, 1, 7), status=status)
    (participant,) = book(session, jobcentre, "employee")
    attend(participant, P)

    assert totals(**JANUARY) == (0, 0)


@pytest.fixture
def programme(site_tree):
    build_programme(site_tree.index)


def test_all_figures_and_their_breakdowns(programme):
    figures = programme_figures(**WINTER).as_dict()

    assert figures["trainings_held"] == 3
    assert figures["participants"] == 7
    assert figures["participants_by_sector"] == {"administration": 4, "companies": 3}
    assert figures["participants_by_function"] == {"employee": 4, "manager": 3}
    assert figures["by_topic"] == [
        {"topic": "asylum", "title": "Asyl", "trainings_held": 1, "participants": 4},
        {"topic": "diversity", "title": "Vielfalt", "trainings_held": 2, "participants": 3},
    ]
    assert [row for row in figures["by_state"] if row["trainings_held"]] == [
        {"state": "BY", "trainings_held": 1, "participants": 1},
        {"state": "BE", "trainings_held": 1, "participants": 4},
        {"state": "SN", "trainings_held": 1, "participants": 2},
    ]
    assert len(figures["by_state"]) == 16
    assert figures["by_month"] == [
        {"month": "2030-01", "trainings_held": 1, "participants": 4},
        {"month": "2030-02", "trainings_held": 2, "participants": 3},
    ]


def test_filters_by_state_topic_and_period(programme):
    by_state = programme_figures(**WINTER, state="SN")
    by_topic = programme_figures(**WINTER, topic="diversity")
    february = programme_figures(**FEBRUARY, topic="diversity", state="BY")

    assert (by_state.trainings_held, by_state.participants) == (1, 2)
    assert [row.state for row in by_state.by_state] == ["SN"]
    assert (by_topic.trainings_held, by_topic.participants) == (2, 3)
    assert [row.topic for row in by_topic.by_topic] == ["diversity"]
    assert (february.trainings_held, february.participants) == (1, 1)


def test_a_sector_filter_counts_trainings_held_for_that_sector(programme):
    administration_only = programme_figures(**WINTER, sector="administration")
    companies_only = programme_figures(**WINTER, sector="companies")

    # Berlin and Bavaria had participants from administration; Berlin and Saxony from companies.
    assert (administration_only.trainings_held, administration_only.participants) == (2, 4)
    assert administration_only.participants_by_sector == {"administration": 4, "companies": 0}
    assert administration_only.participants_by_function == {"employee": 2, "manager": 2}
    assert (companies_only.trainings_held, companies_only.participants) == (2, 3)
    assert companies_only.participants_by_function == {"employee": 2, "manager": 1}


def test_titles_in_the_active_language(programme):
    german = programme_figures(**WINTER)
    with translation.override("en"):
        english = programme_figures(**WINTER)

    assert [row.title for row in german.by_topic] == ["Asyl", "Vielfalt"]
    assert [row.title for row in english.by_topic] == ["Asylum", "Diversity"]
    assert (german.by_state[1].title, english.by_state[1].title) == ("Bayern", "Bavaria")


def test_a_constant_number_of_queries(programme, django_assert_max_num_queries):
    # Topics, trainings held, counts per session, their dates, their trainers, organisations
    # reached, hours present, and the feedback's answers and links: nine, whatever the data
    # (docs/statistics.md; at most ten).
    with django_assert_max_num_queries(9):
        programme_figures(date_from=date(2015, 1, 1), date_to=date(2030, 12, 31))


@pytest.mark.parametrize(
    "arguments",
    [
        {"date_from": date(2030, 2, 1), "date_to": date(2030, 1, 31)},
        {**JANUARY, "state": "XX"},
        {**JANUARY, "topic": "no-such-topic"},
        {**JANUARY, "sector": "churches"},
    ],
)
def test_bad_filters_are_refused(db, arguments):
    with pytest.raises(StatisticsError):
        programme_figures(**arguments)


@pytest.fixture
def admin_user(db):
    def make(*codenames):
        user = User.objects.create_user(f"staff-{len(codenames)}", password="secret-password-1")
        user.user_permissions.add(
            *Permission.objects.filter(codename__in=["access_admin", *codenames])
        )
        return national(user)

    return make


def test_the_admin_report_for_staff_with_the_permission(client, programme, admin_user):
    client.force_login(admin_user("view_statistics"))

    response = client.get(
        "/admin/statistics/", {"date_from": "2030-01-01", "date_to": "2030-02-28"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Programmstatistik" in page
    # Charts per topic and per month, drawn on the server.
    assert page.count('<figure class="statistics-chart">') == 2
    assert "<title>Asyl: 4</title>" in page and "<title>2030-02: 3</title>" in page
    assert re.search(r"Durchgeführte Schulungen</th><td>3</td>", page)
    assert re.search(r"Teilnahmen aus Unternehmen</th><td>3</td>", page)
    assert re.search(r"Erreichte Organisationen</th><td>2</td>", page)
    assert not re.search(r'<script[^>]+src="https?://', page)
    assert "export=xlsx" in page and "export=csv" in page and "export=pdf" in page


def test_the_admin_report_filters_and_exports(client, programme, admin_user):
    client.force_login(admin_user("view_statistics"))
    query = {"date_from": "2030-01-01", "date_to": "2030-02-28", "state": "SN"}

    xlsx = client.get("/admin/statistics/", {**query, "export": "xlsx"})
    csv_export = client.get("/admin/statistics/", {**query, "export": "csv"})

    workbook = load_workbook(io.BytesIO(xlsx.content))
    summary = {row[0]: row[1] for row in workbook["Übersicht"].iter_rows(values_only=True)}
    assert summary["Landesnetzwerk"] == "SN"
    assert summary["Teilnahmen"] == 2
    assert 'filename="pa3_2030-01-01_2030-02-28_SN.xlsx"' in xlsx["Content-Disposition"]
    assert csv_export["Content-Type"] == "text/csv; charset=utf-8"
    assert "Gesamt,,,1,2" in csv_export.content.decode()


def test_the_admin_report_refuses_a_reversed_period(client, programme, admin_user):
    client.force_login(admin_user("view_statistics"))

    response = client.get(
        "/admin/statistics/", {"date_from": "2030-02-01", "date_to": "2030-01-01"}
    )

    assert response.status_code == 400
    assert "Das Ende des Zeitraums liegt vor seinem Beginn." in response.content.decode()
    assert client.get("/admin/statistics/").status_code == 200  # this year so far


def test_only_the_statistics_permission_opens_the_report(client, programme, admin_user):
    assert client.get("/admin/statistics/").url.startswith("/accounts/login/")
    client.force_login(admin_user())

    refused = client.get("/admin/statistics/")
    assert (refused.status_code, refused.url) == (302, "/admin/")  # Wagtail's "no permission"
    assert "Programmstatistik" not in client.get("/admin/").content.decode()

    client.force_login(admin_user("view_statistics"))
    assert "Programmstatistik" in client.get("/admin/").content.decode()


def test_the_programme_staff_group_has_the_statistics_permission(site_tree):
    staff = UserFactory(username="koordination")
    staff.groups.add(Group.objects.get(name="Programme staff"))

    assert staff.has_perm("bookings.view_statistics")


def test_the_reports_the_programme_sends(programme):
    figures = programme_figures(**WINTER).as_dict()
    units = {row["reference"]: row["teaching_units"] for row in figures["sessions"]}

    assert [(row["state"], row["dates"], row["participants"]) for row in figures["sessions"]] == [
        ("BE", ["2030-01-07", "2030-01-08"], 4),
        ("SN", ["2030-02-11"], 2),
        ("BY", ["2030-02-18"], 1),
    ]
    assert figures["sessions"][0]["participants_by_sector"] == {"administration": 3, "companies": 1}
    assert figures["sessions"][0]["participants_by_function"] == {"employee": 2, "manager": 2}
    assert figures["teaching_units"] == sum(units.values()) > 0
    assert figures["by_organisation_type"]["job_centre"] == 4
    assert figures["by_organisation_type"]["sme"] == 3
    assert sum(figures["by_organisation_type"].values()) == figures["participants"]
    assert figures["organisations_reached"] == 2
    assert figures["open_vs_inhouse"] == {
        "open": {"trainings_held": 3, "participants": 7},
        "inhouse": {"trainings_held": 0, "participants": 0},
    }
    assert figures["participant_hours"] == 49.0  # seven people, each present one 7-hour day
    assert figures["function_by_sector"] == {
        "administration": {"employee": 2, "manager": 2},
        "companies": {"employee": 2, "manager": 1},
    }
    assert figures["state_by_topic"]["BE"]["asylum"] == {"trainings_held": 1, "participants": 4}
    assert figures["state_by_topic"]["BY"]["diversity"] == {"trainings_held": 1, "participants": 1}
    assert figures["state_by_topic"]["BE"]["diversity"] == {"trainings_held": 0, "participants": 0}


def test_with_a_sector_filter_the_reports_count_that_sector_only(programme):
    figures = programme_figures(**WINTER, sector="companies").as_dict()

    assert figures["organisations_reached"] == 1
    assert figures["participant_hours"] == 21.0
    assert figures["by_organisation_type"]["job_centre"] == 0
    assert figures["function_by_sector"]["administration"] == {"employee": 0, "manager": 0}
    assert [row["state"] for row in figures["sessions"]] == ["BE", "SN"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", ["IQ-Programmbericht", "01.01.2030 bis 28.02.2030", "Teilnahmen", "Asyl"]),
        ("en", ["IQ programme report", "Participations", "Organisations reached", "Asylum"]),
    ],
)
def test_the_pdf_report_holds_period_figures_and_tables(programme, language, expected):
    with translation.override(language):
        pdf = figures_pdf(programme_figures(**WINTER))

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    for words in expected:
        assert words in text
    assert "49.0" in text or "49,0" in text  # participant hours


def test_the_admin_report_downloads_a_pdf(client, programme, admin_user):
    client.force_login(admin_user("view_statistics"))
    response = client.get(
        "/admin/statistics/",
        {"date_from": "2030-01-01", "date_to": "2030-02-28", "export": "pdf"},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(response.content)).pages) >= 1
