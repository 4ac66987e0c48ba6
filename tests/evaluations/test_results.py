"""Results with the threshold of 5, and report_evaluations."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from evaluations.models import Answer, Invitation
from evaluations.selectors import session_results, standard_questionnaire

from .conftest import monday, past_session

pytestmark = pytest.mark.django_db


def answered(session, *ratings, invited=None, comment="Gut."):
    """`ratings` of overall satisfaction as answers, and `invited` links (default: ten)."""
    questionnaire = standard_questionnaire()
    for number in range(invited or 10):
        Invitation.objects.create(
            session=session,
            token_hash=f"{session.pk}-{number}",
            kind="personal",
            expires_at=timezone.now(),
        )
    for rating in ratings:
        Answer.objects.create(
            session=session,
            questionnaire=questionnaire,
            submitted_on=timezone.localdate(),
            values={"overall": rating, "recommend": "1", "comments": comment},
        )


def test_below_five_answers_only_the_count_and_rate_are_shown(training):
    session = past_session(training, status="held")
    answered(session, 5, 4, 1, 2, comment="Die Trainerin war toll.")

    found = session_results(session)

    assert (found.answers, found.invited, found.response_rate, found.withheld) == (4, 10, 0.4, True)
    assert found.items == []


def test_from_five_answers_means_distributions_and_texts(training):
    session = past_session(training, status="held")
    answered(session, 5, 4, 4, 2, 5)

    found = session_results(session)

    assert (found.answers, found.response_rate, found.withheld) == (5, 0.5, False)
    items = {item.key: item for item in found.items}
    assert items["overall"].mean == 4.0
    assert items["overall"].distribution == {"1": 0, "2": 1, "3": 0, "4": 2, "5": 2}
    assert items["trainer"].answered == 0 and items["trainer"].mean is None
    assert items["recommend"].distribution == {"Ja": 5, "Vielleicht": 0, "Nein": 0}
    assert items["comments"].texts == ["Gut."] * 5
    assert list(items) == [
        "overall",
        "relevance",
        "trainer",
        "organisation",
        "recommend",
        "apply",
        "comments",
    ]


def report(*args) -> dict:
    out = StringIO()
    call_command("report_evaluations", *args, stdout=out)
    return json.loads(out.getvalue())


def test_report_per_training_with_the_threshold(training, site_tree, topic):
    from catalogue.factories import make_training

    session = past_session(training, status="held")
    answered(session, 5, 4, 4, 2)
    answered(past_session(training, status="held", first_date=monday(-2)), 3, invited=2)
    other = make_training(site_tree.index, title="Deutsch am Arbeitsplatz")
    answered(past_session(other, status="held", state="SN"), 1, 2, 3, 4, 5, 5)
    start = session.first_date.isoformat()
    end = timezone.localdate().isoformat()

    found = report("--from", start, "--to", end, "--format", "json")

    by_title = {row["training"]: row for row in found["trainings"]}
    first = by_title["Interkulturelle Kompetenz im Jobcenter"]
    assert (first["sessions"], first["invited"], first["answers"]) == (2, 12, 5)
    assert first["response_rate"] == 0.417
    assert first["items"][0]["key"] == "overall" and first["items"][0]["mean"] == 3.6
    assert {item["key"] for item in first["items"]} == {
        "overall",
        "relevance",
        "trainer",
        "organisation",
    }
    assert by_title["Deutsch am Arbeitsplatz"]["items"][0]["mean"] == 3.33
    assert found["threshold"] == 5

    berlin = report("--from", start, "--to", end, "--state", "be")
    assert [row["training"] for row in berlin["trainings"]] == [first["training"]]
    only_topic = report("--from", start, "--to", end, "--topic", topic.slug)
    assert [row["training"] for row in only_topic["trainings"]] == [first["training"]]
    few = report("--from", start, "--to", start, "--state", "BE")
    assert few["trainings"][0]["items"] == [] and few["trainings"][0]["withheld"] is True


@pytest.mark.parametrize(
    "args",
    [
        ["--from", "2030-13-01", "--to", "2030-12-31"],
        ["--from", "2030-02-01", "--to", "2030-01-01"],
        ["--from", "2030-01-01", "--to", "2030-12-31", "--state", "XX"],
        ["--from", "2030-01-01", "--to", "2030-12-31", "--topic", "nope"],
        ["--from", "2030-01-01", "--to", "2030-12-31", "--format", "xml"],
        ["--to", "2030-12-31"],
    ],
)
def test_bad_arguments_exit_2(args, db):
    with pytest.raises(CommandError) as error:
        call_command("report_evaluations", *args)
    assert error.value.returncode == 2
