"""The booking flow with the keyboard alone, and axe on the booking flow and trainer portal."""

import re

import pytest
from playwright.sync_api import expect

from bookings.factories import MembershipFactory
from bookings.models import Booking, BookingStatus
from catalogue.factories import TopicFactory, make_session, make_training
from catalogue.models import Material
from catalogue.services import material_save
from tests.e2e.accessibility import wcag_violations
from tests.e2e.helpers import PASSWORD, log_in, verified_user
from tests.trainers.conftest import monday
from tests.trainers.helpers import accepted_assignment, confirmed_participants, past_session
from trainers.factories import make_trainer
from trainers.models import Assignment

pytestmark = pytest.mark.django_db(transaction=True)


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def test_booking_flow_with_the_keyboard_alone(page, site_tree):
    training = make_training(site_tree.index, title="Antidiskriminierung im Jobcenter")
    session = make_session(training, capacity=8)
    user = verified_user("tastatur@jobcenter.example")
    MembershipFactory(user=user)

    page.goto(f"{training.url}sessions/{session.pk}/")
    tab_to(page, f"a[href$='/account/book/{session.pk}/']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    tab_to(page, "input[name=login]")
    page.keyboard.type(user.email)
    tab_to(page, "input[name=password]")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/account/book/{session.pk}/"))
    tab_to(page, "#id_form-0-name")
    page.keyboard.type("Mira Schulz")
    tab_to(page, "#id_form-0-function")
    page.keyboard.press("ArrowDown")  # employee → manager
    for consent in ("#id_accept_terms", "#id_colleagues_consent"):
        tab_to(page, consent)
        page.keyboard.press("Space")
    tab_to(page, "form.booking-form button[type=submit]:not(.button-secondary)")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/account/bookings/IQ-"))
    booking = Booking.objects.get()
    assert booking.status == BookingStatus.CONFIRMED
    assert [(p.name, p.function) for p in booking.participants.all()] == [
        ("Mira Schulz", "manager")
    ]


def test_focus_is_visible(page, site_tree):
    page.goto("/")
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
    )
    assert outline[0] != "none" or outline[2] != "none"
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == "#main"


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_booking_flow_pages_meet_wcag_21_aa(page, site_tree, prefix):
    training = make_training(site_tree.index, title="Vielfalt in der Verwaltung")
    session = make_session(  # online: the booking page shows the access and the materials
        training,
        capacity=8,
        online=True,
        meeting_url="https://meet.example.org/iq-a11y",
        access_notes="Meeting-ID 123 456\nKenncode 0815",
    )
    material_save(material=Material(session=session, title="Handout", url="https://example.org/h"))
    user = verified_user("a11y@jobcenter.example")
    MembershipFactory(user=user)
    log_in(page, user.email)

    problems = {}
    page.goto(f"{prefix}/account/book/{session.pk}/?seats=2")
    problems["book"] = wcag_violations(page)
    page.locator("main form.booking-form button[type=submit]").last.click()  # empty names
    expect(page.locator("[aria-invalid=true]").first).to_be_visible()
    problems["book with errors"] = wcag_violations(page)
    page.locator("#id_form-0-name").fill("Mira Schulz")
    page.locator("#id_form-1-name").fill("Omar Haddad")
    page.locator("#id_accept_terms").check()
    page.locator("#id_colleagues_consent").check()
    page.locator("main form.booking-form button[type=submit]").last.click()
    expect(page).to_have_url(re.compile(r"/account/bookings/IQ-"))
    expect(page.get_by_role("link", name="https://meet.example.org/iq-a11y").first).to_be_visible()
    problems["booking detail"] = wcag_violations(page)
    for path in [
        "/account/",
        "/account/organisation/",
        "/account/requests/",
        "/account/requests/new/",
        "/account/privacy/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/logout/",
    ]:
        page.goto(prefix + path)
        problems[path] = wcag_violations(page)
    assert problems == {name: [] for name in problems}


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_trainer_portal_meets_wcag_21_aa(page, site_tree, prefix):
    topic = TopicFactory(name="Interkulturelle Kompetenz", name_en="Intercultural competence")
    training = make_training(site_tree.index, title="Interkulturell beraten", topic=topic)
    trainer = make_trainer(topic=topic, name="Anna Schmidt", user=verified_user("anna@example.org"))
    session = past_session(training)
    confirmed_participants(session, "Clara Vogel")
    assignment = accepted_assignment(session, trainer)
    offered = Assignment.objects.create(
        session=make_session(training, first_date=monday(3)), trainer=trainer, role="lead"
    )
    occurrence = session.occurrences.order_by("start").first()
    log_in(page, "anna@example.org")

    problems = {}
    for path in [
        "/account/trainer/",
        f"/account/trainer/assignments/{assignment.pk}/",
        f"/account/trainer/assignments/{offered.pk}/",
        f"/account/trainer/assignments/{assignment.pk}/dates/{occurrence.pk}/attendance/",
        "/account/trainer/availability/",
    ]:
        page.goto(prefix + path)
        problems[path] = wcag_violations(page)
    assert problems == {name: [] for name in problems}
