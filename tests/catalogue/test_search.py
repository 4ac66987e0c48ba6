"""The catalogue search: every word of a query, in a training's live title, summary, body text
or topic. On PostgreSQL it reads the stored, GIN-indexed search vector; on SQLite (the quick
start) the stored text. The tests without "postgresql" in their names hold on both databases:
`test_the_same_search_works_on_sqlite_run_from_postgresql` runs them on SQLite."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from catalogue.factories import TopicFactory, make_training, translate_training
from catalogue.models import TrainingPage, TrainingSearch
from catalogue.models.search import SEARCH_INDEX
from catalogue.selectors.trainings import _search

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


def found(client, query, catalogue="/schulungen/"):
    response = client.get(catalogue, {"q": query})
    assert response.status_code == 200
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


@pytest.fixture
def trainings(site_tree):
    intercultural = TopicFactory(
        slug="ik", name="Interkulturelle Kompetenz", name_en="Intercultural competence"
    )
    diversity = TopicFactory(slug="vielfalt", name="Vielfalt", name_en="Diversity")
    conflicts = make_training(
        site_tree.index,
        title="Konfliktgespräche im Jobcenter",
        summary="Schwierige Gespräche ruhig führen.",
        topic=intercultural,
        body=[
            ("text", '<p>Umgang mit <strong>Ärger</strong> und <a href="/x/">Beschwerden</a></p>'),
            ("objectives", ["Deeskalation üben"]),
        ],
    )
    administration = make_training(
        site_tree.index,
        title="Vielfalt in der Verwaltung",
        summary="Diversität als Stärke der Verwaltung.",
        topic=diversity,
        body=[("text", "<p>Ärger im Team vermeiden.</p>")],
    )
    return {"conflicts": conflicts, "administration": administration, "diversity": diversity}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # title + body (rich text) + topic + body (list of objectives)
        ("Jobcenter Ärger Interkulturelle Deeskalation", ["Konfliktgespräche im Jobcenter"]),
        ("Gespräche Beschwerden", ["Konfliktgespräche im Jobcenter"]),  # summary + a link's text
        ("Verwaltung Stärke", ["Vielfalt in der Verwaltung"]),
        ("Ärger", ["Konfliktgespräche im Jobcenter", "Vielfalt in der Verwaltung"]),
        ("Jobcenter Verwaltung", []),  # each word in another training: none has both
        ("Jobcenter Raumfahrt", []),
        ("strong href", []),  # the markup is not searched
    ],
)
def test_every_word_counts_in_title_summary_body_and_topic(client, trainings, query, expected):
    assert sorted(found(client, query)) == expected


def test_case_and_umlauts_do_not_matter(client, trainings):
    assert found(client, "ÄRGER JOBCENTER") == ["Konfliktgespräche im Jobcenter"]
    assert found(client, "konfliktgespräche") == ["Konfliktgespräche im Jobcenter"]
    assert found(client, "KONFLIKTGESPRÄCHE interkulturelle") == ["Konfliktgespräche im Jobcenter"]


def test_punctuation_and_quotes_only_separate_words(client, trainings):
    assert found(client, '"Jobcenter", Ärger!') == ["Konfliktgespräche im Jobcenter"]
    assert found(client, "!!!") == []


def test_a_draft_is_found_only_once_published(client, trainings):
    page = TrainingPage.objects.get(pk=trainings["conflicts"].pk)
    page.title = "Raumfahrt im Jobcenter"
    revision = page.save_revision()

    assert found(client, "Raumfahrt") == []
    assert found(client, "Konfliktgespräche") == ["Konfliktgespräche im Jobcenter"]

    revision.publish()

    assert found(client, "Raumfahrt Jobcenter") == ["Raumfahrt im Jobcenter"]
    assert found(client, "Konfliktgespräche") == []


def test_an_unpublished_training_is_not_found(client, trainings):
    trainings["conflicts"].unpublish()

    assert found(client, "Ärger") == ["Vielfalt in der Verwaltung"]
    assert not TrainingSearch.objects.filter(page=trainings["conflicts"]).exists()


def test_a_renamed_topic_is_found_by_its_new_name(client, trainings):
    assert found(client, "Diversitätsmanagement") == []
    trainings["diversity"].name = "Diversitätsmanagement"
    trainings["diversity"].save()

    assert found(client, "Diversitätsmanagement Verwaltung") == ["Vielfalt in der Verwaltung"]


def test_the_english_catalogue_finds_the_english_words(client, trainings):
    translate_training(
        trainings["conflicts"],
        "en",
        title="Difficult conversations in the job centre",
        summary="Stay calm when customers complain.",
        slug="difficult-conversations",
        body=[("text", "<p>Dealing with anger.</p>")],
    )

    assert found(client, "anger conversations", "/en/trainings/") == [
        "Difficult conversations in the job centre"
    ]
    assert found(client, "Intercultural centre", "/en/trainings/") == [
        "Difficult conversations in the job centre"
    ]
    assert found(client, "Konfliktgespräche", "/en/trainings/") == []


def test_update_training_search_writes_missing_documents(client, trainings):
    # As for pages written without publishing (imports, bulk data).
    TrainingSearch.objects.all().delete()
    assert found(client, "Jobcenter") == []

    call_command("update_training_search", stdout=io.StringIO())

    assert found(client, "Jobcenter") == ["Konfliktgespräche im Jobcenter"]


@on_postgresql
def test_german_words_are_stemmed_on_postgresql(client, site_tree):
    make_training(site_tree.index, title="Schulung für Führungskräfte", summary="Kurz.")

    assert found(client, "Schulungen Führungskraft") == ["Schulung für Führungskräfte"]


@on_postgresql
def test_the_vector_is_stored_and_follows_publishing_on_postgresql(trainings):
    page = TrainingPage.objects.get(pk=trainings["conflicts"].pk)
    document = TrainingSearch.objects.get(page=page)
    assert "'jobcent':" in document.vector  # German stems, with weights
    assert "'raumfahrt'" not in document.vector

    page.title = "Raumfahrt im Jobcenter"
    page.save_revision().publish()

    document.refresh_from_db()
    assert "'raumfahrt':1A" in document.vector


@on_postgresql
def test_the_search_uses_the_gin_index_on_postgresql(trainings):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "catalogue_trainingsearch")
        # With two trainings reading every row is cheapest; many trainings make it dear.
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
    assert constraints[SEARCH_INDEX]["type"] == "gin"
    assert constraints[SEARCH_INDEX]["columns"] == ["vector"]

    plan = _search(TrainingPage.objects.live(), "Jobcenter Ärger").explain()

    assert SEARCH_INDEX in plan


@on_postgresql
def test_the_same_search_works_on_sqlite_run_from_postgresql(tmp_path):
    """The tests above that hold on both databases, run against SQLite (the quick start's)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            __file__,
            "-q",
            "-p",
            "no:randomly",
            "-k",
            "not postgresql",
        ],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    summary = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert re.fullmatch(r"\d+ passed, \d+ deselected in .*", summary), summary
