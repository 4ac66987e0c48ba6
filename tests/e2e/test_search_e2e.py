import re

import pytest
from playwright.sync_api import expect

from catalogue.factories import TopicFactory, make_training, translate_training

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_search_of_several_words_finds_the_training_that_has_them_all(page, site_tree):
    intercultural = TopicFactory(
        slug="ik", name="Interkulturelle Kompetenz", name_en="Intercultural competence"
    )
    wanted = make_training(
        site_tree.index,
        title="Konfliktgespräche im Jobcenter",
        summary="Schwierige Gespräche ruhig führen.",
        topic=intercultural,
        body=[("text", "<p>Umgang mit <strong>Ärger</strong> und Beschwerden.</p>")],
    )
    make_training(
        site_tree.index,
        title="Ärger im Team",
        summary="Konflikte in der Verwaltung klären.",
        topic=TopicFactory(slug="vielfalt", name="Vielfalt", name_en="Diversity"),
    )
    translate_training(
        wanted,
        "en",
        title="Difficult conversations in the job centre",
        summary="Stay calm when customers complain.",
        slug="difficult-conversations",
        body=[("text", "<p>Dealing with anger.</p>")],
    )

    page.goto("/schulungen/")
    # Title, body text (inside markup) and topic; "ÄRGER" in capitals.
    page.get_by_label("Suche").fill("ÄRGER Jobcenter interkulturelle")
    page.get_by_role("button", name="Schulungen anzeigen").click()

    expect(page).to_have_url(re.compile(r"q=%C3%84RGER\+Jobcenter\+interkulturelle"))
    expect(page.get_by_role("heading", name="1 Schulung gefunden")).to_be_visible()
    expect(page.get_by_role("heading", name="Konfliktgespräche im Jobcenter")).to_be_visible()
    expect(page.get_by_role("heading", name="Ärger im Team")).to_have_count(0)

    page.get_by_label("Suche").fill("Ärger")
    page.get_by_role("button", name="Schulungen anzeigen").click()
    expect(page.get_by_role("heading", name="2 Schulungen gefunden")).to_be_visible()

    page.goto("/en/trainings/")
    page.get_by_label("Search").fill("anger intercultural centre")
    page.get_by_role("button", name="Show trainings").click()
    expect(page.get_by_role("heading", name="1 training found")).to_be_visible()
    page.get_by_role("link", name="Difficult conversations in the job centre").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Difficult conversations in the job centre"
    )
