"""Leichte Sprache and German Sign Language in the browser: reached from the start page and the
footer without JavaScript, in German and English; the video under the content security policy."""

import pytest
from playwright.sync_api import expect

from tests.e2e.accessibility import wcag_violations
from tests.home.fake_oembed import PLAYER, VIDEO_URL

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGES = {
    "de": (
        "/",
        "Diese Website in Leichter Sprache und Gebärdensprache",
        "Leichte Sprache und Gebärdensprache",
        "Leichte Sprache",
        "Gebärdensprache",
        "Das Video in Deutscher Gebärdensprache kommt bald.",
    ),
    "en": (
        "/en/",
        "This site in easy-to-read and sign language",
        "Easy-to-read and sign language",
        "Easy-to-read",
        "German Sign Language",
        "The video in German Sign Language is coming soon.",
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_both_pages_are_one_click_from_the_start_page_and_the_footer_without_javascript(
    browser, live_server, explanation_pages, language
):
    start, start_nav, footer_nav, easy, sign, coming = LANGUAGES[language]
    context = browser.new_context(
        base_url=live_server.url,
        java_script_enabled=False,
        locale="de-DE" if language == "de" else "en-GB",
    )
    page = context.new_page()

    page.goto(start)
    page.get_by_role("navigation", name=start_nav).get_by_role("link", name=easy).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(easy)

    page.get_by_role("contentinfo").get_by_role("navigation", name=footer_nav).get_by_role(
        "link", name=sign
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(sign)
    expect(page.get_by_text(coming)).to_be_visible()
    expect(page.get_by_text("Schulungen für Jobcenter.")).to_be_visible()
    context.close()


def test_the_video_plays_in_its_frame_under_the_policy_and_the_page_passes_axe(
    page, explanation_pages, fake_oembed
):
    sign = explanation_pages.sign
    sign.video_url = VIDEO_URL
    sign.save_revision().publish()
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security" in message.text else None
        ),
    )
    # The video site's player, served by the test instead of the internet.
    page.route(
        PLAYER,
        lambda route: route.fulfill(
            content_type="text/html; charset=utf-8",
            body="<!DOCTYPE html><html lang='de'><title>Player</title><p>Gebärden-Video</p></html>",
        ),
    )

    page.goto("/gebaerdensprache/")

    player = page.frame_locator("iframe[title='Video in Deutscher Gebärdensprache']")
    expect(player.get_by_text("Gebärden-Video")).to_be_visible()
    expect(page.get_by_text("Schulungen für Jobcenter.")).to_be_visible()
    assert blocked == []
    assert wcag_violations(page) == []


def test_a_video_site_out_of_reach_leaves_a_link_and_the_page_passes_axe(
    page, settings, explanation_pages, fake_oembed
):
    settings.WAGTAILEMBEDS_FINDERS = fake_oembed.finders("http://127.0.0.1:9/oembed")
    sign = explanation_pages.sign
    sign.video_url = VIDEO_URL
    sign.save_revision().publish()

    page.goto("/gebaerdensprache/")

    expect(page.get_by_text("Das Video kann hier gerade nicht gezeigt werden.")).to_be_visible()
    expect(page.get_by_role("link", name="Video auf der Video-Website ansehen")).to_have_attribute(
        "href", VIDEO_URL
    )
    assert wcag_violations(page) == []
