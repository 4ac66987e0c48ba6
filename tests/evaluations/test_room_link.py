"""The room link: the trainer shows one address (or its QR code) in the room; each person takes
a single-use link of their own, at most as many as people were present."""

import pytest
from django.test import Client

from evaluations.models import Answer, Invitation
from evaluations.selectors import session_results
from evaluations.services import room_code

from .conftest import book, hold, past_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(training, booker, committed):
    session = past_session(training)
    book(session, booker, ("Ada Example", "ada@example.org"), ("Ben Example", ""), ("Cem", ""))
    hold(session, committed)
    return session


def room_path(session) -> str:
    return f"/evaluation/room/{room_code(session)}/"


def take(client, session):
    return client.post(room_path(session))


def test_opening_the_room_link_takes_nothing_the_button_takes_a_link(held):
    visitor = Client()

    page = visitor.get(room_path(held))

    assert page.status_code == 200
    assert "Fragebogen starten" in page.content.decode()
    assert Invitation.objects.filter(session=held, kind="room").count() == 0
    response = take(visitor, held)
    assert response.status_code == 303
    questionnaire = visitor.get(response["Location"])
    assert questionnaire.status_code == 200
    assert "Wie zufrieden sind Sie insgesamt mit der Schulung?" in questionnaire.content.decode()


def test_a_reload_gives_the_same_link_and_the_room_stops_at_those_present(held):
    first, second, third, fourth = Client(), Client(), Client(), Client()

    links = [take(client, held)["Location"] for client in (first, first, second, third)]

    assert links[0] == links[1]  # the same browser again: the same link
    assert len(set(links)) == 3
    refused = take(fourth, held)
    assert refused.status_code == 410
    assert "so viele, wie Personen anwesend waren" in refused.content.decode()
    assert Invitation.objects.filter(session=held, kind="room").count() == 3


def test_each_room_link_answers_once_and_the_answer_keeps_no_trace_of_it(held):
    visitor = Client()
    link = take(visitor, held)["Location"]

    saved = visitor.post(link, {"overall": "4", "comments": "Gut"})
    again = visitor.post(link, {"overall": "1"})

    assert "Vielen Dank" in saved.content.decode()
    assert again.status_code == 410
    assert Answer.objects.filter(session=held).count() == 1
    assert set(Answer.objects.get(session=held).values) == {"overall", "comments"}
    # The links from the room are the same people again: the rate counts those present.
    assert session_results(held).invited == 3


def test_bad_codes_and_sessions_not_held_get_a_clear_page(training, held):
    not_held = past_session(training)
    visitor = Client()

    for code in (f"{held.pk}-000000000000", "abc", f"{held.pk}", "99999999999999-x", "-"):
        response = visitor.get(f"/evaluation/room/{code}/")
        assert response.status_code == 404, code
        assert "Link ungültig" in response.content.decode()
    closed = visitor.get(room_path(not_held))
    assert closed.status_code == 410
    assert "sobald der Termin als durchgeführt" in closed.content.decode()
    assert take(visitor, not_held).status_code == 410
    assert Invitation.objects.filter(session=not_held).count() == 0


def test_the_room_page_in_english(held):
    page = Client().get(f"/en{room_path(held)}")

    assert page.status_code == 200
    assert "Start the questionnaire" in page.content.decode()
