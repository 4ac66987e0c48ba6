"""Programme staff compose questionnaires in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from bookings.factories import UserFactory
from catalogue.roles import STAFF_GROUP
from evaluations.models import Questionnaire
from evaluations.selectors import standard_questionnaire

pytestmark = pytest.mark.django_db


def test_staff_open_the_standard_questionnaire_in_the_admin(client):
    staff = UserFactory(username="staff")
    staff.groups.add(Group.objects.get(name=STAFF_GROUP))
    client.force_login(staff)
    questionnaire = standard_questionnaire()

    page = client.get(f"/admin/snippets/evaluations/questionnaire/edit/{questionnaire.pk}/")

    assert page.status_code == 200
    assert "Wie zufrieden sind Sie insgesamt mit der Schulung?" in page.content.decode()
    listing = client.get("/admin/snippets/evaluations/questionnaire/")
    assert "IQ-Standardfragebogen" in listing.content.decode()


@pytest.fixture
def staff_client(client):
    staff = UserFactory(username="staff")
    staff.groups.add(Group.objects.get(name=STAFF_GROUP))
    client.force_login(staff)
    return client


def test_the_standard_questionnaire_cannot_be_deleted(staff_client):
    questionnaire = standard_questionnaire()

    response = staff_client.post(
        f"/admin/snippets/evaluations/questionnaire/delete/{questionnaire.pk}/"
    )

    assert response.status_code == 302
    assert Questionnaire.objects.filter(pk=questionnaire.pk, is_standard=True).exists()
    listing = staff_client.get(response["Location"]).content.decode()
    assert "zuerst einen anderen Fragebogen zum Standard" in listing


def test_the_standard_questionnaire_stays_standard_until_another_one_is(staff_client):
    questionnaire = standard_questionnaire()
    questionnaire.is_standard = False

    with pytest.raises(ValidationError) as error:
        questionnaire.full_clean()

    assert "is_standard" in error.value.message_dict
    assert Questionnaire.objects.get(pk=questionnaire.pk).is_standard


def test_staff_compose_a_questionnaire_of_every_kind_of_question_in_both_languages(staff_client):
    items = [
        ("helpful", "rating", "Wie hilfreich war es?", "How helpful was it?", "", ""),
        (
            "format",
            "single",
            "Welches Format?",
            "Which format?",
            "Online\nVor Ort",
            "Online\nOn site",
        ),
        ("topics", "multiple", "Welche Themen?", "Which topics?", "Recht\nPraxis", "Law\nPractice"),
        ("wish", "text", "Was fehlte?", "What was missing?", "", ""),
    ]
    data = {
        "name": "Kurzbefragung",
        "name_en": "Short survey",
        "intro": "",
        "intro_en": "",
        "items-TOTAL_FORMS": str(len(items)),
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "1",
        "items-MAX_NUM_FORMS": "1000",
        "trainings-TOTAL_FORMS": "0",
        "trainings-INITIAL_FORMS": "0",
        "trainings-MIN_NUM_FORMS": "0",
        "trainings-MAX_NUM_FORMS": "1000",
    }
    for number, (key, kind, text, text_en, choices, choices_en) in enumerate(items):
        data |= {
            f"items-{number}-key": key,
            f"items-{number}-kind": kind,
            f"items-{number}-text": text,
            f"items-{number}-text_en": text_en,
            f"items-{number}-choices": choices,
            f"items-{number}-choices_en": choices_en,
            f"items-{number}-ORDER": str(number + 1),
        }

    response = staff_client.post("/admin/snippets/evaluations/questionnaire/add/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    composed = Questionnaire.objects.get(name="Kurzbefragung")
    assert composed.name_en == "Short survey"
    assert not composed.is_standard
    assert [(item.key, item.kind, item.text_en) for item in composed.items.all()] == [
        (key, kind, text_en) for key, kind, _, text_en, _, _ in items
    ]
    assert standard_questionnaire().name == "IQ-Standardfragebogen"
