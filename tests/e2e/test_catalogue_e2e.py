import re

import pytest
from playwright.sync_api import expect

from catalogue.factories import TopicFactory, make_session, make_training

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_filters_the_catalogue_and_opens_a_training(page, site_tree, screenshot):
    asylum = TopicFactory(slug="asyl", name="Asyl und Flucht", name_en="Asylum and refuge")
    diversity = TopicFactory(slug="vielfalt", name="Vielfalt", name_en="Diversity")
    wanted = make_training(site_tree.index, title="Grundlagen Asyl im Jobcenter", topic=asylum)
    make_training(site_tree.index, title="Vielfalt in der Verwaltung", topic=diversity)
    make_session(wanted)

    page.goto("/schulungen/")
    expect(page.get_by_role("heading", name="Vielfalt in der Verwaltung")).to_be_visible()
    page.get_by_label("Thema").select_option(label="Asyl und Flucht")
    page.get_by_role("button", name="Schulungen anzeigen").click()

    expect(page).to_have_url(re.compile(r"topic=asyl"))
    expect(page.get_by_role("heading", name="Vielfalt in der Verwaltung")).to_have_count(0)
    screenshot("catalogue-filtered")
    page.get_by_role("link", name="Grundlagen Asyl im Jobcenter").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Grundlagen Asyl im Jobcenter")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    screenshot("training-page")
