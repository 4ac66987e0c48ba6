"""The trainer portal in Chromium under the site's content security policy: the availability
editor (django-recurrence's widget) in German and English, by mouse and keyboard, without a
console message or a policy violation; declining with a reason and taking it back; the
certification warning and the participants of each assignment."""

import re
from datetime import time, timedelta

import pytest
from django.utils import timezone
from django.utils.text import capfirst
from playwright.sync_api import expect
from recurrence import MO, TH, TU, WE

from catalogue.factories import TopicFactory, make_session, make_training
from tests.e2e.accessibility import wcag_violations
from tests.e2e.helpers import log_in, t, verified_user
from tests.trainers.conftest import monday as next_monday
from tests.trainers.helpers import confirmed_participants
from trainers.factories import certify, make_trainer
from trainers.models import Assignment, AssignmentStatus, AvailabilityRule

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


def test_a_trainer_sees_warnings_and_participants_declines_with_a_reason_and_takes_it_back(
    page, troubles, anna, site_tree
):
    topic = anna.certifications.get().topic
    certify(
        anna,
        TopicFactory(name="Antidiskriminierung"),
        valid_until=timezone.localdate() + timedelta(days=20),
    )
    training = make_training(site_tree.index, title="Interkulturell beraten", topic=topic)
    session = make_session(
        training, first_date=next_monday(3), start_time=time(9), end_time=time(12)
    )
    confirmed_participants(session, "Clara Vogel", "Deniz Kaya")
    offered = Assignment.objects.create(session=session, trainer=anna, role="lead")

    log_in(page, "anna@example.org")
    expect(page).to_have_url(re.compile("/account/trainer/"))
    expect(page.locator("#certification-warnings")).to_contain_text("„Antidiskriminierung“ ist bis")
    expect(page.get_by_role("row", name=re.compile("Interkulturell beraten"))).to_contain_text(
        "2 von 12"
    )
    page.get_by_role("link", name="Interkulturell beraten").click()
    expect(page.locator("main")).to_contain_text("2 von 12 Plätzen bestätigt")
    page.get_by_label(t("Reason (optional)")).fill("In der Woche bin ich auf einer Tagung.")
    page.get_by_role("button", name=t("Decline")).click()

    expect(page.locator("main")).to_contain_text("In der Woche bin ich auf einer Tagung.")
    offered.refresh_from_db()
    assert offered.status == AssignmentStatus.DECLINED
    page.get_by_role("button", name=t("Take back the decline")).click()
    expect(page.get_by_role("button", name=t("Accept"))).to_be_visible()
    page.get_by_role("button", name=t("Accept")).click()

    expect(page.locator("main")).to_contain_text(t("You have accepted the assignment."))
    offered.refresh_from_db()
    assert (offered.status, offered.decline_reason) == (AssignmentStatus.ACCEPTED, "")
    assert troubles == []
