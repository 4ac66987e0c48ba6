"""BITV 2.0 § 4: explanations in Leichte Sprache and German Sign Language, linked from the start
page and every footer in both languages; the sign language video is embedded from a video site
when one is set, and the page never depends on reaching that site."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Site

from home.models import SignLanguagePage, SiteSettings, StandardPage
from tests.home.fake_oembed import PLAYER, VIDEO_URL

pytestmark = pytest.mark.django_db


def links(html: str, label: str) -> list[tuple[str, str]]:
    """(href, text) of the links in the navigation with this label."""
    nav = re.search(rf'<nav[^>]*aria-label="{label}"[^>]*>(.*?)</nav>', html, re.S)
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav[1]) if nav else []


def publish_video(page, url):
    page.video_url = url
    page.save_revision().publish()


@pytest.mark.parametrize(
    "path, start_label, footer_label, expected",
    [
        (
            "/",
            "Diese Website in Leichter Sprache und Gebärdensprache",
            "Leichte Sprache und Gebärdensprache",
            [("/leichte-sprache/", "Leichte Sprache"), ("/gebaerdensprache/", "Gebärdensprache")],
        ),
        (
            "/en/",
            "This site in easy-to-read and sign language",
            "Easy-to-read and sign language",
            [
                ("/en/easy-to-read/", "Easy-to-read"),
                ("/en/german-sign-language/", "German Sign Language"),
            ],
        ),
    ],
)
def test_start_page_and_footer_link_both_pages_in_each_language(
    client, explanation_pages, path, start_label, footer_label, expected
):
    start = client.get(path).content.decode()
    assert links(start, start_label) == expected
    assert links(start, footer_label) == expected
    # Near the top: before the start page's heading.
    assert start.index(start_label) < start.index("<h1>")
    catalogue = client.get("/schulungen/" if path == "/" else "/en/trainings/").content.decode()
    assert links(catalogue, footer_label) == expected


def test_an_unpublished_page_is_not_linked(client, explanation_pages):
    explanation_pages.sign.unpublish()
    explanation_pages.sign_en.unpublish()
    start = client.get("/").content.decode()
    assert links(start, "Leichte Sprache und Gebärdensprache") == [
        ("/leichte-sprache/", "Leichte Sprache")
    ]


def test_without_a_video_the_page_says_it_is_coming_and_shows_the_transcript(
    client, explanation_pages
):
    response = client.get("/gebaerdensprache/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Das Video in Deutscher Gebärdensprache kommt bald." in html
    assert "Der Text zum Video" in html
    assert "Schulungen für Jobcenter." in html
    assert "<iframe" not in html
    assert "frame-src" not in response["Content-Security-Policy"]
    english = client.get("/en/german-sign-language/").content.decode()
    assert "The video in German Sign Language is coming soon." in english


def test_a_video_is_embedded_and_the_policy_lets_in_its_player_only(
    client, explanation_pages, fake_oembed
):
    publish_video(explanation_pages.sign, VIDEO_URL)

    response = client.get("/gebaerdensprache/")
    html = response.content.decode()
    assert f'<iframe src="{PLAYER}" title="Video in Deutscher Gebärdensprache"' in html
    assert "kommt bald" not in html
    assert "Schulungen für Jobcenter." in html
    policy = response["Content-Security-Policy"]
    assert "frame-src https://player.example.org;" in policy + ";"
    assert "script-src" not in policy
    # Every other page stays closed to frames.
    assert "frame-src" not in client.get("/")["Content-Security-Policy"]
    # The provider's answer is kept: later views do not ask it again.
    client.get("/gebaerdensprache/")
    assert fake_oembed.asked == [VIDEO_URL]


def test_the_english_page_shows_the_video_of_the_german_page(
    client, explanation_pages, fake_oembed
):
    publish_video(explanation_pages.sign, VIDEO_URL)
    html = client.get("/en/german-sign-language/").content.decode()
    assert f'<iframe src="{PLAYER}" title="Video in German Sign Language"' in html


@pytest.mark.parametrize("failure", ["unreachable", "error", "no iframe", "no provider"])
def test_a_video_site_that_fails_never_breaks_the_page(
    client, settings, explanation_pages, fake_oembed, failure
):
    url = VIDEO_URL
    if failure == "unreachable":
        settings.WAGTAILEMBEDS_FINDERS = fake_oembed.finders("http://127.0.0.1:9/oembed")
    elif failure == "error":
        fake_oembed.status = 500
    elif failure == "no iframe":
        fake_oembed.html = '<script src="https://player.example.org/embed.js"></script>'
    else:
        url = "https://elsewhere.example.org/video/1"
    publish_video(explanation_pages.sign, url)

    response = client.get("/gebaerdensprache/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Das Video kann hier gerade nicht gezeigt werden." in html
    assert f'<a href="{url}">Video auf der Video-Website ansehen</a>' in html
    assert "Schulungen für Jobcenter." in html
    assert "<iframe" not in html and '<script src="https://player' not in html
    assert "frame-src" not in response["Content-Security-Policy"]


def edit_form(page, user, data=None):
    form_class = page.get_edit_handler().get_form_class()
    return form_class(data, instance=page, parent_page=page.get_parent(), for_user=user)


def test_editors_cannot_save_an_address_without_a_player(
    admin_user, settings, explanation_pages, fake_oembed
):
    page = explanation_pages.sign
    settings.WAGTAILEMBEDS_FINDERS = fake_oembed.finders("http://127.0.0.1:9/oembed")
    form = edit_form(page, admin_user, {"title": page.title, "video_url": VIDEO_URL})
    assert not form.is_valid()
    assert form.errors["video_url"] == [
        "Für diese Adresse wurde kein Video-Player gefunden, oder die Video-Website ist gerade "
        "nicht erreichbar. Geben Sie die Adresse der Seite des Videos ein oder versuchen Sie es "
        "später noch einmal."
    ]
    settings.WAGTAILEMBEDS_FINDERS = fake_oembed.finders()
    form = edit_form(page, admin_user, {"title": page.title, "video_url": VIDEO_URL})
    form.is_valid()
    assert "video_url" not in form.errors


def test_the_english_page_cannot_change_the_video(admin_user, explanation_pages, fake_oembed):
    publish_video(explanation_pages.sign, VIDEO_URL)
    page = explanation_pages.sign_en
    form = edit_form(page, admin_user, {"title": page.title, "video_url": "https://x.example/"})
    assert form.fields["video_url"].disabled
    form.is_valid()
    assert form.cleaned_data["video_url"] == VIDEO_URL  # the German page's, greyed out
    assert fake_oembed.asked == []


def test_seed_demo_adds_both_pages_once_in_both_languages_and_links_them(client):
    call_command("seed_demo")
    call_command("seed_demo")

    assert SignLanguagePage.objects.count() == 2
    assert StandardPage.objects.filter(slug__in=["leichte-sprache", "easy-to-read"]).count() == 2
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert site_settings.easy_language_page.slug == "leichte-sprache"
    assert site_settings.sign_language_page.slug == "gebaerdensprache"
    footer = "Leichte Sprache und Gebärdensprache"
    assert links(client.get("/").content.decode(), footer) == [
        ("/leichte-sprache/", "Leichte Sprache"),
        ("/gebaerdensprache/", "Gebärdensprache"),
    ]
    easy = client.get("/leichte-sprache/").content.decode()
    assert "IQ bedeutet: Integration durch Qualifizierung." in easy
    assert 'href="mailto:barrierefreiheit@example.org"' in easy
    sign = client.get("/en/german-sign-language/").content.decode()
    assert "The video in German Sign Language is coming soon." in sign
    assert "What does the website offer?" in sign
