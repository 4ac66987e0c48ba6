"""A participant answers the questionnaire from their link on a phone, without JavaScript, in
German and English; the form, its error state, the thanks and the used link pass axe. The
trainer shows the room link's QR code on a screen; a phone that reads it takes its own link."""

import importlib
import io
from urllib.parse import urlsplit

import pytest
import zxingcpp
from django.apps import apps
from PIL import Image
from playwright.sync_api import expect

from bookings.factories import MembershipFactory, UserFactory
from catalogue.factories import make_training
from evaluations.models import Answer, Questionnaire
from tests.e2e.accessibility import wcag_violations
from tests.e2e.helpers import log_in, verified_user
from tests.evaluations.conftest import book, hold, past_session, tokens_mailed_to
from trainers.factories import make_trainer
from trainers.models import Assignment, AssignmentRole, AssignmentStatus

pytestmark = pytest.mark.django_db(transaction=True)

TEXTS = {
    "de": ("", "Ihre Rückmeldung", "Sehr gut", "Antworten absenden", "Vielen Dank"),
    "en": ("/en", "Your feedback", "very good", "Send my answers", "Thank you"),
}


@pytest.fixture
def held(site_tree, django_capture_on_commit_callbacks):
    # Transactional tests empty the tables after each test, the migration's data included.
    if not Questionnaire.objects.exists():
        seeded = importlib.import_module("evaluations.migrations.0002_standard_questionnaire")
        seeded.create(apps, None)
    training = make_training(site_tree.index, title="Interkulturelle Kompetenz im Jobcenter")
    booker = MembershipFactory(user=UserFactory(username="booker", email="booker@example.org"))
    session = past_session(training)
    book(session, booker, ("Anna", "anna@example.org"), ("Bo", ""))
    hold(session, lambda: django_capture_on_commit_callbacks(execute=True))
    return session


@pytest.fixture
def link(held):
    return tokens_mailed_to("anna@example.org")[0]


def answer(page, prefix, link, very_good, send, thanks) -> None:
    """Nothing answered first (the form comes back), then a rating and a comment."""
    page.goto(f"{prefix}/evaluation/{link}/")
    page.get_by_role("button", name=send).click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert not Answer.objects.exists()
    page.get_by_role("group").first.get_by_label(very_good, exact=False).check()
    page.get_by_role("textbox").first.fill("Mehr nachfragen.")
    page.get_by_role("button", name=send).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(thanks)
    assert Answer.objects.get().values["overall"] == 5


@pytest.mark.parametrize("language", TEXTS)
def test_answer_on_a_phone_without_javascript(browser, live_server, link, language):
    prefix, heading, very_good, send, thanks = TEXTS[language]
    context = browser.new_context(
        base_url=live_server.url,
        java_script_enabled=False,
        viewport={"width": 375, "height": 740},
        locale="de-DE" if language == "de" else "en-GB",
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{prefix}/evaluation/{link}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)

    answer(page, prefix, link, very_good, send, thanks)

    assert page.goto(f"{prefix}/evaluation/{link}/").status == 410
    context.close()


def test_every_state_of_the_page_passes_axe_and_fits_a_phone(page, link):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"/evaluation/{link}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert wcag_violations(page) == []
    page.get_by_role("button", name="Antworten absenden").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert wcag_violations(page) == []
    page.get_by_role("group").first.get_by_label("sehr gut").check()
    page.get_by_role("button", name="Antworten absenden").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vielen Dank")
    assert wcag_violations(page) == []
    assert page.goto(f"/en/evaluation/{link}/").status == 410
    assert wcag_violations(page) == []
    assert page.goto("/evaluation/forged/").status == 404
    assert wcag_violations(page) == []


def test_a_phone_reads_the_room_qr_code_and_answers(browser, page, live_server, held, screenshot):
    trainer = make_trainer(name="Tara Trainer", user=verified_user("tara@example.org"))
    assignment = Assignment.objects.create(
        session=held, trainer=trainer, role=AssignmentRole.LEAD, status=AssignmentStatus.ACCEPTED
    )
    log_in(page, "tara@example.org", f"/account/trainer/assignments/{assignment.pk}/")
    expect(page.get_by_role("heading", name="Link für den Raum")).to_be_visible()
    assert wcag_violations(page) == []
    page.get_by_role("link", name="Im Vollbild zeigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ihre Rückmeldung, bitte")
    assert wcag_violations(page) == []
    screenshot("trainer-room-link")

    (found,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(page.screenshot())))
    room = urlsplit(found.text).path
    assert room.startswith("/evaluation/room/")
    assert found.text in page.get_by_role("main").inner_text()

    phone = browser.new_context(
        base_url=live_server.url,
        java_script_enabled=False,
        viewport={"width": 375, "height": 740},
        locale="de-DE",
    )
    phone.set_default_timeout(10_000)
    participant = phone.new_page()
    participant.goto(room)
    participant.get_by_role("button", name="Fragebogen starten").click()
    participant.get_by_role("group").first.get_by_label("sehr gut").check()
    participant.get_by_role("button", name="Antworten absenden").click()
    expect(participant.get_by_role("heading", level=1)).to_contain_text("Vielen Dank")
    assert Answer.objects.get(session=held).values == {"overall": 5}
    # Two people were present: the room hands out one more link, then no more.
    participant.goto(room)
    participant.get_by_role("button", name="Fragebogen starten").click()
    expect(participant.get_by_role("heading", level=1)).to_have_text("Ihre Rückmeldung")
    # A third phone (with JavaScript, for axe): the page fits, and says the links are taken.
    other = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, locale="de-DE"
    ).new_page()
    other.goto(room)
    assert other.evaluate("document.documentElement.scrollWidth") <= 375
    assert wcag_violations(other) == []
    other.get_by_role("button", name="Fragebogen starten").click()
    expect(other.get_by_role("alert")).to_contain_text("Alle Links dieses Raums sind vergeben")
    assert wcag_violations(other) == []
    other.context.close()
    phone.close()
