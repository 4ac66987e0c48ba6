"""An editor publishes a training in both languages in a real browser: the Translate action,
the English copy, and the warning when the German page changes afterwards."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect
from wagtail.models import GroupPagePermission, Page

from bookings.factories import UserFactory
from catalogue.factories import make_training
from catalogue.models import TrainingPage
from tests.e2e.helpers import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def editor(db):
    """The Editors group as the migrations make it (this test's database was flushed)."""
    editors = Group.objects.get_or_create(name="Editors")[0]
    editors.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(codename=codename),
        )
    user = UserFactory(username="redaktion", password=PASSWORD)
    user.groups.add(editors)
    return user


def publish(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name=action-publish]").click()
    expect(page.locator(".messages")).to_be_visible()


def test_editor_translates_and_sees_when_the_german_page_changed(
    page, site_tree, editor, screenshot
):
    training = make_training(site_tree.index, title="Vielfalt gestalten", summary="Erste Fassung.")
    page.goto("/admin/login/")
    page.locator("input[name=login]").fill(editor.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()

    page.goto(f"/admin/pages/{training.pk}/edit/")
    translate = page.locator(f"a[href*='/admin/translation/submit/page/{training.pk}/']").first
    page.locator("header [data-w-dropdown-target='toggle']").first.click()
    translate.click()
    page.get_by_label("English").check()
    page.get_by_role("button", name="Absenden").click()
    copy = TrainingPage.objects.get(
        translation_key=training.translation_key, locale__language_code="en"
    )
    expect(page).to_have_url(re.compile(rf"/admin/pages/{copy.pk}/edit/"))
    page.locator("#id_title").fill("Shaping diversity")
    page.locator("#id_summary").fill("First version.")
    expect(page.locator("#id_price_administration")).to_be_disabled()  # one price, the German
    publish(page)

    page.goto(f"/admin/pages/{training.pk}/edit/")
    page.locator("#id_summary").fill("Zweite Fassung mit neuem Ablauf.")
    publish(page)

    page.goto(f"/admin/pages/{copy.pk}/edit/")
    warning = page.locator(".messages", has_text="nachdem diese Übersetzung zuletzt abgeglichen")
    expect(warning).to_be_visible()
    screenshot("editor-translation-behind")
    with page.expect_popup() as changes:
        warning.get_by_role("link", name="Änderungen zeigen").click()
    expect(changes.value.locator("main")).to_contain_text("Zweite")
    changes.value.close()

    warning.get_by_role("link", name="Als aktuell markieren").click()
    page.get_by_role("button", name="Als aktuell markieren").click()
    expect(page.locator(".messages")).to_contain_text("als aktuell markiert")
    page.reload()
    expect(page.locator(".messages", has_text="zuletzt abgeglichen")).to_have_count(0)
