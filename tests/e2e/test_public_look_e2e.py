"""The public site as visitors see it: the trainings one click from every page, the filters out
of the way on a phone (and still there without JavaScript), the programme's own look."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Site

from catalogue.factories import TopicFactory, make_session, make_training, translate_training
from catalogue.models import TopicColour
from home.demo_images import demo_training_image
from home.models import SiteSettings
from tests.e2e.accessibility import wcag_violations

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def catalogue(site_tree):
    topic = TopicFactory(slug="vielfalt", name="Vielfalt", colour=TopicColour.PURPLE)
    image = demo_training_image(slug="vielfalt-im-amt", colour=TopicColour.PURPLE)
    image.description = "Kreise in Violett auf hellem Grund"
    image.save()
    training = make_training(
        site_tree.index, title="Vielfalt im Amt", slug="vielfalt-im-amt", topic=topic, image=image
    )
    translate_training(training, "en", title="Diversity in public offices", slug="diversity")
    make_session(training)
    for number in range(3):
        make_session(make_training(site_tree.index, title=f"Weitere Schulung {number}"))
    return training


def phone_page(browser, live_server, **options):
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", viewport=PHONE, **options
    )
    return context, context.new_page()


@pytest.mark.parametrize(
    "path, label, target",
    [
        ("/", "Schulungen", "/schulungen/"),
        ("/schulungen/vielfalt-im-amt/", "Schulungen", "/schulungen/"),
        ("/accounts/login/", "Schulungen", "/schulungen/"),
        ("/en/", "Trainings", "/en/trainings/"),
        ("/en/accounts/login/", "Trainings", "/en/trainings/"),
    ],
)
def test_the_header_links_the_trainings_on_every_page(page, catalogue, path, label, target):
    page.goto(path)
    page.get_by_role("navigation", name=re.compile("Hauptnavigation|Main")).get_by_role(
        "link", name=label
    ).click()

    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_on_a_phone_the_filters_fold_and_the_results_come_first(
    browser, live_server, catalogue, screenshot
):
    context, page = phone_page(browser, live_server)
    page.goto("/schulungen/")

    results = page.get_by_role("heading", name=re.compile("Schulungen gefunden"))
    expect(results).to_be_in_viewport()
    expect(page.get_by_label("Thema")).to_be_hidden()
    assert wcag_violations(page) == []

    page.get_by_text("Schulungen filtern").click()
    expect(page.get_by_label("Thema")).to_be_visible()
    page.get_by_label("Thema").select_option(label="Vielfalt")
    page.get_by_role("button", name="Schulungen anzeigen").click()

    expect(page).to_have_url(re.compile("topic=vielfalt"))
    expect(page.get_by_text("Schulungen filtern (1)")).to_be_visible()
    expect(page.get_by_role("heading", name="Weitere Schulung 0")).to_have_count(0)
    expect(page.get_by_role("heading", name="Vielfalt im Amt")).to_be_in_viewport()
    context.close()


def test_on_a_desktop_the_filters_stand_beside_the_results(page, catalogue):
    page.goto("/schulungen/")

    expect(page.get_by_label("Thema")).to_be_visible()
    expect(page.get_by_text("Schulungen filtern")).to_be_hidden()


def test_without_javascript_the_filters_stay_open_and_filter(browser, live_server, catalogue):
    context, page = phone_page(browser, live_server, java_script_enabled=False)
    page.goto("/schulungen/")

    page.get_by_label("Thema").select_option(label="Vielfalt")
    page.get_by_role("button", name="Schulungen anzeigen").click()

    expect(page.get_by_role("heading", name="Weitere Schulung 0")).to_have_count(0)
    expect(page.get_by_role("heading", name="Vielfalt im Amt")).to_be_visible()
    context.close()


def test_trainings_carry_their_topic_colour_and_image(page, catalogue, screenshot):
    page.goto("/schulungen/")
    card = page.locator("article.training-card", has_text="Vielfalt im Amt")

    expect(card).to_have_css("border-left-color", "rgb(106, 61, 143)")  # purple (#6a3d8f)
    thumb = card.locator("img.training-thumb")
    expect(thumb).to_have_attribute("alt", "")  # beside its title the picture is decoration
    assert thumb.evaluate("img => img.naturalWidth") > 0
    assert wcag_violations(page) == []
    screenshot("catalogue-listing")

    page.get_by_role("link", name="Vielfalt im Amt").click()
    expect(page.get_by_role("img", name="Kreise in Violett auf hellem Grund")).to_be_visible()
    expect(page.locator(".eyebrow")).to_have_css("color", "rgb(106, 61, 143)")
    assert wcag_violations(page) == []

    page.goto("/")
    expect(page.locator(".topic-grid li.topic-purple a")).to_have_css(
        "border-top-color", "rgb(106, 61, 143)"
    )


def test_a_logo_from_the_site_settings_replaces_the_mark(page, catalogue):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.logo = demo_training_image(slug="logo", colour=TopicColour.PETROL)
    settings.save()

    page.goto("/")

    brand = page.locator("a.brand")
    expect(brand.locator("img.brand-logo")).to_be_visible()
    expect(brand.locator(".brand-mark")).to_have_count(0)
    expect(brand).to_have_accessible_name(re.compile("IQ-Schulungen"))
    assert wcag_violations(page) == []
