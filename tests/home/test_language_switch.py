"""The language switch keeps the page: pages of the tree and their sub-routes, and the views of
their own (account, booking, login), query included."""

import re

import pytest

from bookings.factories import MembershipFactory
from catalogue.factories import make_session, make_training, translate_training

pytestmark = pytest.mark.django_db


def switch(page_html: str, code: str) -> str:
    return re.search(rf'<a href="([^"]+)" lang="{code}"', page_html)[1]


def test_the_switch_keeps_account_booking_and_login_pages(client, site_tree):
    training = make_training(site_tree.index, title="Vielfalt")
    translate_training(training, "en", title="Diversity", slug="diversity")
    session = make_session(training)
    assert switch(client.get("/accounts/login/?next=/account/").content.decode(), "en") == (
        "/en/accounts/login/?next=/account/"
    )
    assert switch(client.get("/en/accounts/signup/").content.decode(), "de") == "/accounts/signup/"
    member = MembershipFactory()
    client.force_login(member.user)
    for german in ("/account/", "/account/organisation/", f"/account/book/{session.pk}/?seats=2"):
        assert switch(client.get(german).content.decode(), "en") == "/en" + german
    session_page = f"{training.url}sessions/{session.pk}/"
    assert switch(client.get(session_page).content.decode(), "en") == (
        f"/en/trainings/diversity/sessions/{session.pk}/"
    )
    # A page that does not exist offers the other language's start page.
    assert switch(client.get("/gibt-es-nicht/").content.decode(), "en") == "/en/"


def test_english_pages_show_english_titles_and_english_dates(client, site_tree):
    from datetime import date

    from bookings.factories import participants
    from bookings.services.bookings import booking_create

    training = make_training(site_tree.index, title="Vielfalt")
    translate_training(training, "en", title="Diversity", slug="diversity")
    session = make_session(training, first_date=date(2030, 3, 18))
    member = MembershipFactory()
    booking_create(
        session=session, organisation=member.organisation, participants=participants(1), by=None
    )
    client.force_login(member.user)
    english = client.get("/en/account/").content.decode()
    assert "Diversity" in english and "Vielfalt" not in english
    assert "18 March 2030" in english
    german = client.get("/account/").content.decode()
    assert "Vielfalt" in german and "18. März 2030" in german
