"""Programme staff in a real browser: the session form previews the dates of a changed schedule
before saving, and a session's participants are one click from the session listing."""

import re
from datetime import date, time

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from recurrence import WEEKLY, Recurrence, Rule

from bookings.factories import UserFactory
from catalogue.factories import make_session, make_training
from catalogue.models import Session
from catalogue.services import staff_grant
from tests.e2e.helpers import PASSWORD, t

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_preview_the_dates_of_a_changed_schedule_then_save(page, site_tree, screenshot):
    # Weekly across the switch to summer time (31 March 2030), in Berlin, nobody booked yet.
    session = make_session(
        make_training(site_tree.index, title="Vielfalt im Jobcenter"),
        state="BE",
        first_date=date(2030, 3, 25),
        start_time=time(9),
        end_time=time(12),
        recurrences=Recurrence(rrules=[Rule(WEEKLY, count=3)]),
    )
    # Berlin's state staff; this test's database was flushed, so staff_grant makes the groups
    # again, as `manage.py grant_staff` does.
    staff_grant(user=UserFactory(username="koordination", password=PASSWORD), states=["BE"])
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto("/admin/login/")
    page.locator("input[name=login]").fill("koordination@example.org")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # The participants, one click from the listing.
    page.goto("/admin/catalogue_session/")
    page.get_by_role("link", name=f"0 / 12 – {t('Participants and waiting list')}").click()
    expect(page).to_have_url(re.compile(rf"/admin/bookings_staff/sessions/{session.pk}/$"))

    page.goto(f"/admin/catalogue_session/edit/{session.pk}/")
    page.locator("#id_start_time").fill("10:00")
    page.locator("#id_start_time").press("Tab")  # closes the time picker
    with page.expect_navigation():  # the form comes back, with the dates
        page.get_by_role("button", name=t("Preview dates")).click()

    preview = page.locator("#dates_preview")
    expect(preview).to_contain_text("Dieser Zeitplan ergibt 3 Einzeltermine")
    expect(preview.locator("li")).to_have_text(
        [
            "Montag, 25.03.2030, 10:00–12:00",
            "Montag, 01.04.2030, 10:00–12:00",
            "Montag, 08.04.2030, 10:00–12:00",
        ]
    )
    preview.scroll_into_view_if_needed()
    screenshot("staff-session-dates-preview")
    session.refresh_from_db()
    assert session.start_time == time(9)  # nothing saved yet
    expect(page.locator("#id_start_time")).to_have_value("10:00")  # what was typed stays

    with page.expect_navigation():
        page.locator("footer").get_by_role("button", name=t("Save")).click()
    expect(page).to_have_url(re.compile(r"/admin/catalogue_session/$"))
    starts = [timezone.localtime(o.start) for o in Session.objects.get().occurrences.all()]
    assert [(s.day, s.hour) for s in starts] == [(25, 10), (1, 10), (8, 10)]
    assert errors == []
