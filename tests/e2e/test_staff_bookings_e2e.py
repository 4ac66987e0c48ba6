"""Programme staff in a real browser: book on behalf of an organisation (organisation chooser,
participants) and cancel the booking again from the participants page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bookings.factories import OrganisationFactory, UserFactory
from bookings.models import Booking, BookingStatus
from catalogue.factories import make_session, make_training
from catalogue.services import staff_grant
from tests.e2e.helpers import PASSWORD, t

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_book_on_behalf_and_cancel(page, site_tree, screenshot):
    session = make_session(
        make_training(site_tree.index, title="Vielfalt im Jobcenter"),
        first_date=timezone.localdate() + timedelta(days=30),
    )
    OrganisationFactory(name="Jobcenter Dresden", city="Dresden", state="SN")
    pankow = OrganisationFactory(name="Bezirksamt Pankow", city="Berlin", state="BE")
    # Berlin's state staff (the session is Berlin's); this test's database was flushed, so
    # staff_grant makes the groups again, as `manage.py grant_staff` does.
    staff_grant(user=UserFactory(username="koordination", password=PASSWORD), states=["BE"])

    page.goto("/admin/login/")  # hands over to the one login page (allauth's, by email)
    page.locator("input[name=login]").fill("koordination@example.org")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    screenshot("staff-dashboard")

    page.get_by_role("link", name=str(session)).click()
    page.get_by_role("link", name=t("Book on behalf")).click()
    page.get_by_role("button", name=t("Choose an organisation")).click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("textbox").fill("e")  # in both names
    expect(modal.get_by_role("link", name="Bezirksamt Pankow")).to_be_visible()
    expect(modal.get_by_role("link", name="Jobcenter Dresden")).to_have_count(0)  # Saxony's
    modal.get_by_role("link", name="Bezirksamt Pankow").click()
    expect(page.locator("#id_organisation")).to_have_value(str(pankow.pk))
    page.locator("#id_participants-0-name").fill("Aylin Demir")
    page.locator("#id_participants-1-name").fill("Jonas Weber")
    page.locator("#id_participants-1-function").select_option("manager")
    page.get_by_role("button", name=t("Book")).click()

    expect(page.locator("#participants")).to_contain_text("Aylin Demir")
    expect(page.locator("#participants")).to_contain_text("Bezirksamt Pankow")
    screenshot("staff-participants")
    booking = Booking.objects.get()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.created_by.username == "koordination"

    page.locator("#participants").get_by_role("link", name=t("Cancel booking")).first.click()
    page.get_by_role("button", name=t("Yes, cancel the booking")).click()
    expect(page.get_by_text(t("Nobody has a seat in this session yet."))).to_be_visible()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
