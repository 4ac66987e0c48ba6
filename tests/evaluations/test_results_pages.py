"""Results where people read them: the admin's results per training, topic, trainer, state
network, month and session with their XLSX; the trainer's own sessions in the portal; the
programme report's response rate and overall satisfaction. Every figure under 5 answers is
withheld, and nobody sees another state network's or another trainer's sessions."""

import io
import json
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from bookings.factories import UserFactory
from bookings.statistics import programme_figures
from catalogue.factories import make_training
from catalogue.models import StateStaff
from catalogue.roles import FEDERAL_GROUP, STAFF_GROUP
from evaluations.services import answer_submit
from trainers.factories import make_trainer
from trainers.models import Assignment, AssignmentRole, AssignmentStatus

from .conftest import book, hold, monday, past_session, tokens_mailed_to

pytestmark = pytest.mark.django_db
RESULTS = "/admin/evaluations/results/"


def held_with_answers(training, booker, committed, *ratings, state="BE", comment="Praxisnah"):
    """A session held with one participant present per rating, each answering with it."""
    session = past_session(training, state=state)
    people = [(f"P{n}", f"p{n}-{session.pk}@example.org") for n in range(len(ratings) + 1)]
    book(session, booker, *people)
    hold(session, committed)
    for (_name, email), rating in zip(people, ratings, strict=False):
        (token,) = tokens_mailed_to(email)
        answer_submit(token=token, values={"overall": rating, "comments": f"{comment} {rating}"})
    return session


@pytest.fixture
def two_trainings(site_tree, topic, training, booker, committed):
    """Berlin: a training with 6 answers (one link unanswered); Hamburg: another with 2."""
    other = make_training(site_tree.index, title="Vielfalt im Betrieb", topic=topic)
    big = held_with_answers(training, booker, committed, 5, 4, 4, 3, 5, 5, state="BE")
    small = held_with_answers(other, booker, committed, 1, 2, state="HH")
    return big, small


def staff_client(*, states=(), federal=False) -> Client:
    user = UserFactory(username=f"staff-{'-'.join(states) or 'bund'}")
    user.groups.add(Group.objects.get(name=STAFF_GROUP))
    if federal:  # the federal office's staff are programme staff of every state network
        user.groups.add(Group.objects.get(name=FEDERAL_GROUP))
    for state in states:
        StateStaff.objects.create(user=user, state=state)
    client = Client()
    client.force_login(user)
    return client


def period(**extra) -> dict:
    year = timezone.localdate().year
    return {"date_from": f"{year - 1}-01-01", "date_to": f"{year}-12-31", **extra}


def test_federal_office_sees_every_training_figures_from_five_answers(two_trainings):
    page = staff_client(federal=True).get(RESULTS, period())

    html = page.content.decode()
    assert page.status_code == 200
    assert "Interkulturelle Kompetenz im Jobcenter" in html and "Vielfalt im Betrieb" in html
    assert "4,33" in html  # the mean of 5, 4, 4, 3, 5, 5 in Berlin
    assert "zurückgehalten" in html  # Hamburg's 2 answers
    assert "Praxisnah 5" in html  # 8 answers together: the free texts are shown
    # The response rate counts the links given out: 6 of 7 and 2 of 3.
    assert "86 %" in html and "67 %" in html


def test_state_staff_see_their_state_network_only(two_trainings):
    berlin = staff_client(states=["BE"])

    page = berlin.get(RESULTS, period())
    other_state = berlin.get(RESULTS, period(state="HH"))
    by_session = berlin.get(RESULTS, period(session=two_trainings[1].pk, group_by="session"))

    assert "Vielfalt im Betrieb" not in page.content.decode()
    assert "Interkulturelle Kompetenz im Jobcenter" in page.content.decode()
    assert other_state.status_code == 400
    assert "Vielfalt im Betrieb" not in other_state.content.decode()
    assert "Vielfalt im Betrieb" not in by_session.content.decode()
    assert "Kein durchgeführter Termin" in by_session.content.decode()


def test_results_per_topic_trainer_state_month_and_session(two_trainings, topic):
    big, small = two_trainings
    trainer = make_trainer(name="Anna Schmidt")
    Assignment.objects.create(
        session=big, trainer=trainer, role=AssignmentRole.LEAD, status=AssignmentStatus.ACCEPTED
    )
    federal = staff_client(federal=True)
    month = big.first_date.strftime("%Y-%m")

    pages = {
        group: federal.get(RESULTS, period(group_by=group)).content.decode()
        for group in ("topic", "trainer", "state", "month", "session")
    }
    narrowed = federal.get(RESULTS, period(trainer="Anna Schmidt", group_by="session"))

    assert "Interkulturelle Kompetenz" in pages["topic"]
    assert "Anna Schmidt" in pages["trainer"] and "keine Trainer*in eingetragen" in pages["trainer"]
    assert "Berlin" in pages["state"] and "Hamburg" in pages["state"]
    assert month in pages["month"]
    assert big.first_date.isoformat() in pages["session"]
    assert "Trainer*in: Anna Schmidt" in narrowed.content.decode()
    assert "Vielfalt im Betrieb" not in narrowed.content.decode()


def test_the_xlsx_has_a_row_per_group_and_leaves_withheld_figures_empty(two_trainings):
    response = staff_client(federal=True).get(RESULTS, period(export="xlsx"))

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('_training.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook.worksheets[1].iter_rows(values_only=True))
    by_training = {row[0]: row for row in rows[1:]}
    assert by_training["Interkulturelle Kompetenz im Jobcenter"][1:6] == (1, 7, 6, 0.857, 4.33)
    assert by_training["Vielfalt im Betrieb"][1:6] == (1, 3, 2, 0.667, None)
    texts = [row[1] for row in workbook["Freitexte"].iter_rows(values_only=True)]
    assert texts[0] == "Antwort"
    # Berlin's texts; Hamburg's two stay out, or they would be the difference to Berlin's.
    assert sorted(texts[1:]) == [f"Praxisnah {n}" for n in (3, 4, 4, 5, 5, 5)]


@pytest.mark.parametrize(
    "query",
    [
        {"date_from": "gestern"},
        {"group_by": "organisation"},
        {"session": "abc"},
        {"training": "not-a-uuid"},
        {"date_from": "2030-01-01", "date_to": "2029-01-01"},
        {"topic": "nope"},
    ],
)
def test_bad_filters_get_a_clear_message(two_trainings, query):
    response = staff_client(federal=True).get(RESULTS, {**period(), **query})

    assert response.status_code == 400
    assert "error" in response.content.decode()


def test_members_and_trainers_do_not_reach_the_results(two_trainings, booker):
    member = Client()
    member.force_login(booker.user)

    response = member.get(RESULTS, period())

    assert response.status_code in (302, 403)
    assert "Praxisnah" not in response.content.decode()


def test_the_trainer_sees_their_sessions_and_the_room_link(two_trainings, training):
    big, small = two_trainings
    anna = make_trainer(name="Anna Schmidt", user=UserFactory(username="anna"))
    mine = Assignment.objects.create(
        session=big, trainer=anna, role=AssignmentRole.LEAD, status=AssignmentStatus.ACCEPTED
    )
    others = Assignment.objects.create(
        session=small,
        trainer=make_trainer(name="Bea Berg"),
        role=AssignmentRole.LEAD,
        status=AssignmentStatus.ACCEPTED,
    )
    client = Client()
    client.force_login(anna.user)

    listing = client.get("/account/trainer/evaluations/").content.decode()
    detail = client.get(f"/account/trainer/assignments/{mine.pk}/").content.decode()
    room = client.get(f"/account/trainer/assignments/{mine.pk}/evaluation/room/")

    assert "Interkulturelle Kompetenz im Jobcenter" in listing and "4,33 / 5" in listing
    assert "Vielfalt im Betrieb" not in listing
    assert "Link für den Raum" in detail and "/evaluation/room/" in detail
    assert 'class="qr-code"' in detail
    assert "Praxisnah 3" in detail  # six answers: the free texts are shown
    assert room.status_code == 200
    assert client.get(f"/account/trainer/assignments/{others.pk}/").status_code == 404
    assert (
        client.get(f"/account/trainer/assignments/{others.pk}/evaluation/room/").status_code == 404
    )


def test_a_withheld_session_cannot_be_worked_out_from_the_trainers_total(
    two_trainings, training, booker, committed
):
    big, _small = two_trainings
    lonely = held_with_answers(training, booker, committed, 1)
    anna = make_trainer(name="Anna Schmidt", user=UserFactory(username="anna"))
    for session in (big, lonely):
        Assignment.objects.create(
            session=session, trainer=anna, role=AssignmentRole.LEAD, status="accepted"
        )
    client = Client()
    client.force_login(anna.user)

    listing = client.get("/account/trainer/evaluations/").content.decode()

    # Together 7 answers, but the figures only from the 6 of the session shown on its own:
    # with the single answer in, its rating would be the difference.
    assert "7 Antworten von 9 ausgegebenen Links." in listing
    assert "Die Zahlen unten stammen aus 6 der 7 Antworten" in listing
    assert "Mittelwert 4,33 von 5, aus 6 Antworten." in listing


def test_the_programme_report_gains_response_rate_and_overall_satisfaction(two_trainings):
    big, _small = two_trainings
    year = timezone.localdate().year
    dates = {"date_from": monday(-3).replace(month=1, day=1), "date_to": timezone.localdate()}

    everything = programme_figures(**dates)
    berlin = programme_figures(**dates, state="BE")
    hamburg = programme_figures(**dates, state="HH")
    page = staff_client(federal=True).get("/admin/statistics/", period())
    output = StringIO()
    call_command(
        "report_pa3",
        "--from",
        f"{year - 1}-01-01",
        "--to",
        f"{year}-12-31",
        "--format",
        "json",
        stdout=output,
    )

    assert everything.feedback.as_dict() == {
        "invited": 10,
        "answers": 8,
        "response_rate": 0.8,
        "overall_satisfaction": 3.62,
    }
    assert berlin.feedback.overall_satisfaction == 4.33
    assert (hamburg.feedback.answers, hamburg.feedback.overall_satisfaction) == (2, None)
    # A sector's report counts the feedback on the trainings held for it alone (the bookers
    # here are job centres): the administration's is all of it, the companies' none.
    assert programme_figures(**dates, sector="administration").feedback == everything.feedback
    companies = programme_figures(**dates, sector="companies")
    assert (companies.trainings_held, companies.feedback.invited) == (0, 0)
    assert companies.feedback.answers == 0
    html = page.content.decode()
    assert "Rückmeldungen der Teilnehmenden" in html and "3,62 / 5" in html
    assert json.loads(output.getvalue())["feedback"]["response_rate"] == 0.8
