"""Programme staff in a real browser: book on behalf of an organisation (organisation chooser,
participants) and cancel the booking again from the participants page."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from playwright.sync_api import expect

from bookings.factories import OrganisationFactory, UserFactory
from bookings.models import Booking, BookingStatus
from catalogue.factories import make_session, make_training
from tests.e2e.helpers import PASSWORD, t

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_book_on_behalf_and_cancel(page, site_tree, screenshot):
    session = make_session(
        make_training(site_tree.index, title="Vielfalt im Jobcenter"),
        first_date=timezone.localdate() + timedelta(days=30),
    )
    OrganisationFactory(name="Jobcenter Dresden", city="Dresden")
    cologne = OrganisationFactory(name="Stadt Köln", city="Köln")
    group = Group.objects.get_or_create(name="Programme staff")[0]  # the migrations make it
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="bookings"),
    )
    UserFactory(username="koordination", password=PASSWORD).groups.add(group)

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
    modal.get_by_role("textbox").fill("Köln")
    modal.get_by_role("link", name="Stadt Köln").click()
    expect(page.locator("#id_organisation")).to_have_value(str(cologne.pk))
    page.locator("#id_participants-0-name").fill("Aylin Demir")
    page.locator("#id_participants-1-name").fill("Jonas Weber")
    page.locator("#id_participants-1-function").select_option("manager")
    page.get_by_role("button", name=t("Book")).click()

    expect(page.locator("#participants")).to_contain_text("Aylin Demir")
    expect(page.locator("#participants")).to_contain_text("Stadt Köln")
    screenshot("staff-participants")
    booking = Booking.objects.get()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.created_by.username == "koordination"

    page.locator("#participants").get_by_role("link", name=t("Cancel booking")).first.click()
    page.get_by_role("button", name=t("Yes, cancel the booking")).click()
    expect(page.get_by_text(t("Nobody has a seat in this session yet."))).to_be_visible()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
