"""`manage.py report_pa3`: the exact JSON, CSV and XLSX, and exit status 2 for bad arguments."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from openpyxl import load_workbook

from tests.bookings.statistics_data import build_programme

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def programme(site_tree):
    build_programme(site_tree.index)


# Keys the programme's own report added later (tests/bookings/test_statistics.py checks them).
REPORTS = [
    "sessions",
    "by_organisation_type",
    "organisations_reached",
    "open_vs_inhouse",
    "teaching_units",
    "participant_hours",
    "function_by_sector",
    "state_by_topic",
    "feedback",  # tests/evaluations/test_results_pages.py
]


def agreed(result: dict) -> dict:
    """The report without the later additions: the shape agreed first, which keeps its meaning."""
    return {key: value for key, value in result.items() if key not in REPORTS}


def report(*arguments) -> str:
    output = io.StringIO()
    call_command("report_pa3", *arguments, stdout=output)
    return output.getvalue()


def test_the_json_is_exactly_the_agreed_shape(programme):
    result = json.loads(report("--from", "2030-01-01", "--to", "2030-02-28"))

    assert agreed(result) == {
        "period": {"from": "2030-01-01", "to": "2030-02-28"},
        "filters": {"state": None, "topic": None, "sector": None},
        "trainings_held": 3,
        "participants": 7,
        "participants_by_sector": {"administration": 4, "companies": 3},
        "participants_by_function": {"employee": 4, "manager": 3},
        "by_topic": [
            {"topic": "asylum", "title": "Asyl", "trainings_held": 1, "participants": 4},
            {"topic": "diversity", "title": "Vielfalt", "trainings_held": 2, "participants": 3},
        ],
        "by_state": [
            {"state": "BW", "trainings_held": 0, "participants": 0},
            {"state": "BY", "trainings_held": 1, "participants": 1},
            {"state": "BE", "trainings_held": 1, "participants": 4},
            *[
                {"state": code, "trainings_held": 0, "participants": 0}
                for code in ["BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL"]
            ],
            {"state": "SN", "trainings_held": 1, "participants": 2},
            *[
                {"state": code, "trainings_held": 0, "participants": 0}
                for code in ["ST", "SH", "TH"]
            ],
        ],
        "by_month": [
            {"month": "2030-01", "trainings_held": 1, "participants": 4},
            {"month": "2030-02", "trainings_held": 2, "participants": 3},
        ],
        "held_without_attendance": [],
    }
    assert list(result) == [
        "period",
        "filters",
        "trainings_held",
        "participants",
        "participants_by_sector",
        "participants_by_function",
        "by_topic",
        "by_state",
        "by_month",
        "held_without_attendance",
        *REPORTS,
    ]


def test_filters_appear_in_the_json(programme):
    result = json.loads(
        report(
            "--from=2030-02-01",
            "--to=2030-02-28",
            "--state=by",
            "--topic=diversity",
            "--sector=administration",
        )
    )

    assert agreed(result) == {
        "period": {"from": "2030-02-01", "to": "2030-02-28"},
        "filters": {"state": "BY", "topic": "diversity", "sector": "administration"},
        "trainings_held": 1,
        "participants": 1,
        "participants_by_sector": {"administration": 1, "companies": 0},
        "participants_by_function": {"employee": 0, "manager": 1},
        "by_topic": [
            {"topic": "diversity", "title": "Vielfalt", "trainings_held": 1, "participants": 1}
        ],
        "by_state": [{"state": "BY", "trainings_held": 1, "participants": 1}],
        "by_month": [{"month": "2030-02", "trainings_held": 1, "participants": 1}],
        "held_without_attendance": [],
    }


def test_csv_to_a_file(programme, tmp_path):
    target = tmp_path / "report.csv"
    report("--from", "2030-01-01", "--to", "2030-02-28", "--format", "csv", "--output", target)

    rows = list(csv.reader(target.read_text(encoding="utf-8").splitlines()))

    assert rows[0] == ["Bereich", "Schlüssel", "Name", "Durchgeführte Schulungen", "Teilnahmen"]
    assert rows[1] == ["Gesamt", "", "", "3", "7"]
    assert ["Sektor", "administration", "Verwaltung", "", "4"] in rows
    assert ["Thema", "asylum", "Asyl", "1", "4"] in rows
    assert ["Landesnetzwerk", "SN", "Sachsen", "1", "2"] in rows
    assert ["Monat", "2030-02", "", "2", "3"] in rows
    assert ["Kennzahl", "organisations_reached", "Erreichte Organisationen", "", "2"] in rows


def test_xlsx_to_a_file(programme, tmp_path):
    target = tmp_path / "report.xlsx"
    report("--from", "2030-01-01", "--to", "2030-02-28", "--format", "xlsx", "--output", target)

    workbook = load_workbook(target)

    assert workbook.sheetnames == [
        "Übersicht",
        "Themen",
        "Landesnetzwerke",
        "Monate",
        "Durchgeführte Schulungen",
        "Funktion nach Sektor",
        "Landesnetzwerk nach Thema",
        "Ohne Anwesenheit durchgeführt",
    ]
    summary = {row[0]: row[1] for row in workbook["Übersicht"].iter_rows(values_only=True)}
    assert summary["Durchgeführte Schulungen"] == 3
    assert summary["Teilnahmen"] == 7
    assert summary["Erreichte Organisationen"] == 2
    assert list(workbook["Monate"].iter_rows(values_only=True)) == [
        ("Monat", "Durchgeführte Schulungen", "Teilnahmen"),
        ("2030-01", 1, 4),
        ("2030-02", 2, 3),
    ]
    assert ("diversity", "Vielfalt", 2, 3) in list(workbook["Themen"].iter_rows(values_only=True))


@pytest.mark.parametrize(
    "arguments",
    [
        ["--from", "2030-02-01", "--to", "2030-01-31"],
        ["--from", "2030-01-01", "--to", "2030-01-31", "--state", "XX"],
        ["--from", "2030-01-01", "--to", "2030-01-31", "--topic", "no-such-topic"],
        ["--from", "2030-01-01", "--to", "2030-01-31", "--sector", "churches"],
        ["--from", "1.1.2030", "--to", "2030-01-31"],
        ["--from", "2030-01-01", "--to", "2030-01-31", "--format", "pdf"],
        ["--from", "2030-01-01", "--to", "2030-01-31", "--format", "xlsx"],
        ["--from", "2030-01-01"],
    ],
)
def test_bad_arguments_exit_with_status_2(db, arguments):
    with pytest.raises(CommandError) as error:
        report(*arguments)

    assert error.value.returncode == 2
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--state", "XX"], "Unbekanntes Landesnetzwerk: XX."),
        (["--topic", "no-such-topic"], "Unbekanntes Thema: no-such-topic."),
        (["--to", "2029-12-31"], "Das Ende des Zeitraums liegt vor seinem Beginn."),
        (["--unknown"], "--unknown"),
    ],
)
def test_on_the_command_line_one_line_and_status_2(db, arguments, message):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.test",
        "DATABASE_URL": "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(
            **{**connection.settings_dict, "PORT": connection.settings_dict["PORT"] or 5432}
        ),
    }
    arguments = ["--from", "2030-01-01", "--to", "2030-01-31", *arguments]
    result = subprocess.run(
        [sys.executable, "manage.py", "report_pa3", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr


def test_xlsx_with_every_filter(programme, tmp_path):
    target = tmp_path / "filtered.xlsx"
    report(
        *("--from", "2030-01-01", "--to", "2030-02-28", "--state", "BE", "--topic", "asylum"),
        *("--sector", "companies", "--format", "xlsx", "--output", target),
    )

    summary = {
        row[0]: row[1] for row in load_workbook(target)["Übersicht"].iter_rows(values_only=True)
    }
    assert (summary["Landesnetzwerk"], summary["Thema"], summary["Sektor"]) == (
        "BE",
        "asylum",
        "Unternehmen",
    )
    assert (summary["Durchgeführte Schulungen"], summary["Teilnahmen"]) == (1, 1)
