"""Programme staff in a real browser: filter the statistics in the Wagtail admin and export them."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from openpyxl import load_workbook
from playwright.sync_api import expect
from wagtail.models import GroupPagePermission, Page

from bookings.factories import UserFactory
from catalogue.factories import make_training
from catalogue.services import staff_grant
from tests.bookings.statistics_data import build_programme
from tests.e2e.helpers import PASSWORD, t

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_filter_and_export_the_statistics(page, site_tree, tmp_path, screenshot):
    build_programme(site_tree.index)  # 3 trainings held, 7 participants in Jan–Feb 2030
    # The federal office (national figures); this test's database was flushed, so staff_grant
    # makes the groups again, as `manage.py grant_staff` does.
    staff_grant(user=UserFactory(username="koordination", password=PASSWORD), federal=True)

    page.goto("/admin/login/")  # hands over to the one login page (allauth's, by email)
    page.locator("input[name=login]").fill("koordination@example.org")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto("/admin/statistics/")
    page.locator("input[name=date_from]").fill("2030-02-01")
    page.locator("input[name=date_to]").fill("2030-02-28")
    page.locator("form.statistics-filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"date_from=2030-02-01"))
    screenshot("staff-statistics")

    with page.expect_download() as download_info:
        page.locator("a[href*='export=xlsx']").click()
    path = tmp_path / "statistik.xlsx"
    download_info.value.save_as(path)
    summary = {
        row[0]: row[1] for row in load_workbook(path).worksheets[0].iter_rows(values_only=True)
    }
    # February 2030: Saxony (two present) and Bavaria (one present, one absent, one no-show).
    assert summary[t("Trainings held")] == 2
    assert summary[t("Participations")] == 3


def test_editor_changes_a_training_and_publishes_it(page, site_tree, screenshot):
    training = make_training(site_tree.index, title="Vielfalt gestalten", summary="Alter Text.")
    editor = UserFactory(username="redaktion", password=PASSWORD)
    # Wagtail's "Editors" group (its migration makes it; this test's database was flushed) with
    # the publish permission seed_demo gives the demo editors.
    editors = Group.objects.get_or_create(name="Editors")[0]
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=editors,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(codename=codename),
        )
    editor.groups.add(editors)

    page.goto("/admin/login/")  # hands over to the one login page (allauth's, by email)
    page.locator("input[name=login]").fill("redaktion@example.org")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.goto(f"/admin/pages/{training.pk}/edit/")
    page.locator("#id_summary").fill("Neuer Text für die Übersicht.")
    screenshot("editor-training-edit")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name=action-publish]").click()
    expect(page.locator(".messages")).to_be_visible()

    page.goto(training.url)
    expect(page.locator("main")).to_contain_text("Neuer Text für die Übersicht.")


def test_staff_move_a_booked_session_after_seeing_who_is_told(page, site_tree, screenshot):
    """The change notice in the browser: the first save shows who is told, the second sends."""
    from datetime import date

    from django.core import mail

    from bookings.factories import MembershipFactory
    from bookings.services.bookings import ParticipantData, booking_create
    from catalogue.factories import make_session

    training = make_training(site_tree.index, title="Interkulturelle Kompetenz im Jobcenter")
    session = make_session(training, first_date=date(2030, 3, 18))
    member = MembershipFactory()
    booking_create(
        session=session,
        organisation=member.organisation,
        participants=[ParticipantData(name="Anna Schmidt", function="employee", email="a@e.org")],
        by=member.user,
    )
    mail.outbox.clear()
    staff_grant(user=UserFactory(username="planung", password=PASSWORD), federal=True)
    page.goto("/accounts/login/?next=/admin/")
    page.locator("input[name=login]").fill("planung@example.org")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto(f"/admin/catalogue_session/edit/{session.pk}/")
    page.locator("input[name=start_time]").fill("10:00")
    page.locator("input[name=end_time]").fill("13:00")
    page.locator("form#w-editor-form footer button[type=submit]").first.click()  # Save
    notice = page.locator("[role=status]", has_text="a@e.org")
    expect(notice).to_be_visible()
    expect(
        page.get_by_label(t("Tell them (email with the updated calendar entries)"))
    ).to_be_checked()
    screenshot("staff-change-notice")
    session.refresh_from_db()
    assert session.start_time.hour == 9 and mail.outbox == []

    page.locator("form#w-editor-form footer button[type=submit]").first.click()  # Save
    expect(page).to_have_url(re.compile(r"/admin/catalogue_session/$"))
    session.refresh_from_db()
    assert session.start_time.hour == 10
    assert sorted(m.to[0] for m in mail.outbox) == sorted(["a@e.org", member.user.email])
