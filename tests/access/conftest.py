"""Fixtures of the access tests: a closed reporting period with a stored download, so the URL
walks reach its pages with real ids."""

from datetime import date

import pytest

from bookings.models import ClosedReportFile, ReportingPeriod


@pytest.fixture
def closed_period(db):
    period = ReportingPeriod.objects.create(
        label="Q1 2026",
        date_from=date(2026, 1, 1),
        date_to=date(2026, 3, 31),
        report={"participants": 0},
    )
    ClosedReportFile.objects.create(
        period=period, format="csv", language="de", filename="q1.csv", content=b"Jobcenter"
    )
    return period
