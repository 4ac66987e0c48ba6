"""A training with many dates shows the next ones first and lets a visitor choose their state
network; the rest on demand."""

from datetime import timedelta

import pytest
from django.utils import timezone

from catalogue.factories import make_session, make_training
from catalogue.models import StateNetwork
from catalogue.selectors.sessions import NEXT_DATES

pytestmark = pytest.mark.django_db


@pytest.fixture
def popular(site_tree):
    training = make_training(site_tree.index, title="Beliebte Schulung")
    today = timezone.localdate()
    states = [StateNetwork.BE, StateNetwork.NW, StateNetwork.SN]
    for number in range(15):
        make_session(
            training, state=states[number % 3], first_date=today + timedelta(days=5 + number)
        )
    return training


def dates_shown(html: str) -> int:
    return html.count('class="session-card')


def test_the_next_dates_first_and_a_choice_of_state_network(client, popular):
    html = client.get(popular.url).content.decode()
    assert dates_shown(html) == NEXT_DATES
    assert '<option value="BE">Berlin (5)</option>' in html
    assert "Alle 15 Termine zeigen" in html


def test_a_state_network_shows_all_its_dates_and_only_those(client, popular):
    html = client.get(popular.url + "?state=NW").content.decode()
    assert dates_shown(html) == 5
    assert html.count("Nordrhein-Westfalen</dd>") == 5
    assert '<option value="NW" selected>' in html
    assert "Termine aller Landesnetzwerke" in html


def test_all_dates_on_demand_and_a_state_without_dates(client, popular):
    assert dates_shown(client.get(popular.url + "?dates=all").content.decode()) == 15
    html = client.get(popular.url + "?state=HH").content.decode()
    assert dates_shown(html) == 0
    assert "Derzeit keine Termine in diesem Landesnetzwerk." in html


def test_an_unknown_state_network_gets_a_clear_message(client, popular):
    response = client.get(popular.url + "?state=ZZ%3Cscript%3E")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dieses Landesnetzwerk gibt es nicht" in html
    assert dates_shown(html) == NEXT_DATES
    assert "<script>" not in html.split("</header>", 1)[1].split("<footer", 1)[0]


def test_a_booking_shows_at_once_in_the_free_places(client, site_tree):
    from bookings.factories import MembershipFactory, participants
    from bookings.services.bookings import booking_create

    training = make_training(site_tree.index, title="Kleine Schulung")
    session = make_session(
        training, capacity=3, first_date=timezone.localdate() + timedelta(days=9)
    )
    assert "3 freie Plätze" in client.get(training.url).content.decode()

    booking_create(
        session=session,
        organisation=MembershipFactory().organisation,
        participants=participants(2),
        by=None,
    )

    assert "1 freier Platz" in client.get(training.url).content.decode()
