"""The trainer portal in Chromium under the site's content security policy: the availability
editor (django-recurrence's widget) in German and English, by mouse and keyboard, without a
console message or a policy violation."""

from datetime import time

import pytest
from django.utils.text import capfirst
from playwright.sync_api import expect
from recurrence import MO, TH, TU, WE

from catalogue.factories import TopicFactory
from tests.e2e.accessibility import wcag_violations
from tests.e2e.helpers import log_in, t, verified_user
from tests.trainers.conftest import monday as next_monday
from trainers.factories import make_trainer
from trainers.models import AvailabilityRule

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def troubles(page):
    """Every console message, uncaught error and content security policy violation of the
    page, across navigations."""
    found = []
    page.on("console", lambda message: found.append(f"console {message.type}: {message.text}"))
    page.on("pageerror", lambda error: found.append(f"error: {error}"))
    page.expose_function("reportViolation", lambda text: found.append(f"CSP: {text}"))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "window.reportViolation(e.violatedDirective + ' ' + e.blockedURI));"
    )
    return found


@pytest.fixture
def anna(site_tree):
    topic = TopicFactory(name="Interkulturelle Kompetenz", name_en="Intercultural competence")
    return make_trainer(topic=topic, name="Anna Schmidt", user=verified_user("anna@example.org"))


WIDGET = {  # django-recurrence's own texts
    "de": {"add rule": "Regel hinzufügen", "weekly": "Wöchentlich", "days": "Mo Di Mi Do Fr"},
    "en": {"add rule": "Add rule", "weekly": "Weekly", "days": "Mon Tue Wed Thu Fri"},
}


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_trainer_adds_a_weekly_working_time_with_the_widget(
    page, troubles, anna, screenshot, prefix
):
    language = prefix.strip("/") or "de"
    texts = WIDGET[language]
    monday, tuesday, wednesday, thursday, friday = texts["days"].split()
    log_in(page, "anna@example.org")
    page.goto(f"{prefix}/account/trainer/availability/")
    widget = page.get_by_role("group", name=capfirst(t("repeat", language)))

    widget.get_by_role("link", name=texts["add rule"]).click()
    expect(widget).to_contain_text(texts["weekly"])
    widget.get_by_role("button", name=monday, exact=True).click()
    widget.get_by_role("button", name=tuesday, exact=True).click()
    widget.get_by_role("button", name=wednesday, exact=True).focus()
    page.keyboard.press("Enter")
    widget.get_by_role("button", name=thursday, exact=True).focus()
    page.keyboard.press(" ")
    expect(widget.get_by_role("button", name=thursday, exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    assert wcag_violations(page) == []
    page.locator("#id_first_date").fill(next_monday(1).isoformat())
    page.locator("#id_start_time").fill("08:30")
    page.locator("#id_end_time").fill("16:00")
    page.locator("#id_note").fill("Freitags nie")
    if not prefix:
        page.set_viewport_size({"width": 1280, "height": 560})
        page.locator("label[for=id_recurrences]").evaluate("label => label.scrollIntoView()")
        screenshot("trainer-availability")
    page.get_by_role("button", name=t("Save", language)).click()

    expect(page.locator("main")).to_contain_text(t("Your availability has been saved.", language))
    rule = AvailabilityRule.objects.get(trainer=anna, note="Freitags nie")
    (rrule,) = rule.recurrences.rrules
    assert sorted(day.number for day in rrule.byday) == [MO.number, TU.number, WE.number, TH.number]
    assert (rule.start_time, rule.end_time) == (time(8, 30), time(16, 0))

    page.get_by_role("link", name=t("Edit", language)).last.click()
    widget = page.get_by_role("group", name=capfirst(t("repeat", language)))
    expect(widget.get_by_role("link", name=texts["add rule"])).to_be_visible()
    widget.locator("a.recurrence-label").first.click()
    expect(widget.get_by_role("button", name=thursday, exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(widget.get_by_role("button", name=friday, exact=True)).to_have_attribute(
        "aria-pressed", "false"
    )
    assert troubles == []
