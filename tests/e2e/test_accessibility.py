"""WCAG 2.1 AA (BITV 2.0) on every public page type and the account pages, German and English."""

import pytest
from playwright.sync_api import expect

from catalogue.factories import make_session, make_training, translate_training
from home.models import StandardPage
from tests.e2e.accessibility import wcag_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def catalogue(site_tree, explanation_pages):
    training = make_training(site_tree.index, title="Interkulturelle Kompetenz")
    translate_training(training, "en", title="Intercultural competence", slug="intercultural")
    session = make_session(training)
    statement = StandardPage(
        title="Erklärung zur Barrierefreiheit",
        slug="barrierefreiheit",
        body=[("text", "<h2>Feedback</h2><p><a href='mailto:a@example.org'>a@example.org</a></p>")],
    )
    site_tree.home.add_child(instance=statement)
    statement.save_revision().publish()
    return training, session


PUBLIC_PAGES = [
    "/",
    "/schulungen/",
    "/schulungen/?topic=unbekannt",  # filter errors shown next to the fields
    "/schulungen/schulung-1/",
    "/barrierefreiheit/",
    "/leichte-sprache/",
    "/gebaerdensprache/",
    "/certificates/verify/",
    "/certificates/verify/?code=ABCD-EFGH-IJKL-MNOP",
    "/en/",
    "/en/trainings/",
    "/en/trainings/intercultural/",
    "/en/easy-to-read/",
    "/en/german-sign-language/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/en/accounts/login/",
    "/en/accounts/signup/",
    "/en/accounts/password/reset/",
    "/gibt-es-nicht/",
    "/en/does-not-exist/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_and_account_pages_meet_wcag_21_aa(page, catalogue, path):
    page.goto(path)
    assert wcag_violations(page) == []


@pytest.mark.parametrize("prefix", ["/schulungen/schulung-1", "/en/trainings/intercultural"])
def test_session_page_meets_wcag_21_aa(page, catalogue, prefix):
    _training, session = catalogue
    page.goto(f"{prefix}/sessions/{session.pk}/")
    assert page.locator("h1").count() == 1
    assert wcag_violations(page) == []


def test_failed_sign_up_ties_errors_to_fields_and_passes_axe(page, catalogue):
    page.goto("/accounts/signup/")
    page.locator("input[name=first_name]").fill("Nora")
    page.locator("input[name=last_name]").fill("Neumann")
    page.get_by_label("E-Mail").first.fill("neu@example.org")
    page.locator("input[type=password]").nth(0).fill("kurz")
    page.locator("input[type=password]").nth(1).fill("kurz")
    page.locator("form button[type=submit]").last.click()
    invalid = page.locator("input[aria-invalid=true]")
    expect(invalid).to_have_count(1)
    error_id = invalid.get_attribute("aria-describedby").split()[0]
    expect(page.locator(f"#{error_id}")).to_contain_text("Passwort")
    assert wcag_violations(page) == []


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_pages_behind_personal_links_meet_wcag_21_aa(page, catalogue, prefix):
    """A participant's materials, a link that is no longer valid and the unsubscribe page:
    reached from an email, without an account."""
    from bookings.factories import MembershipFactory
    from bookings.participant_links import participant_materials_url
    from bookings.services.bookings import ParticipantData, booking_create
    from bookings.unsubscribe import unsubscribe_url
    from catalogue.models import Material
    from catalogue.services import material_save

    _training, session = catalogue
    member = MembershipFactory()
    booking = booking_create(
        session=session,
        organisation=member.organisation,
        participants=[ParticipantData(name="Mira Schulz", function="employee", email="m@e.org")],
        by=member.user,
    )
    material_save(material=Material(session=session, title="Handout", url="https://example.org/h"))
    materials = participant_materials_url(booking.participants.get()).split("8000", 1)[1]
    unsubscribe = unsubscribe_url("m@e.org").split("8000", 1)[1]
    problems = {}
    for name, path in [
        ("materials", materials),
        ("refused", materials.rstrip("/") + "x/"),
        ("unsubscribe", unsubscribe),
    ]:
        page.goto(prefix + path)
        problems[name] = wcag_violations(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[role=status]")).to_be_visible()
    problems["unsubscribed"] = wcag_violations(page)
    assert problems == {name: [] for name in problems}
