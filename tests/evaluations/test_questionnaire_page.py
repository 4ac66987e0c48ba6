"""The questionnaire page: no account, one answer per link, clear pages for bad links, and
answers stored without anything that leads back to a person."""

from datetime import timedelta

import pytest
from django.utils import timezone

from evaluations.models import (
    Answer,
    Invitation,
    Questionnaire,
    QuestionnaireItem,
    TrainingQuestionnaire,
)

from .conftest import book, hold, past_session, tokens_mailed_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(training, booker, committed):
    session = past_session(training)
    book(session, booker, ("Anna", "anna@example.org"), ("Ben", "ben@example.org"))
    hold(session, committed)
    return session


@pytest.fixture
def token(held):
    return tokens_mailed_to("anna@example.org")[0]


def test_the_link_shows_the_standard_questionnaire_in_german_and_english(client, token):
    page = client.get(f"/evaluation/{token}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Wie zufrieden sind Sie insgesamt mit der Schulung?" in text
    assert "Interkulturelle Kompetenz im Jobcenter" in text

    english = client.get(f"/en/evaluation/{token}/").content.decode()
    assert "How satisfied are you with the training overall?" in english
    assert "Would you recommend the training?" in english


def test_an_answer_is_saved_once_and_the_link_then_says_so(client, token, held):
    answer = {"overall": "5", "trainer": "4", "recommend": "1", "apply": "Mehr nachfragen."}
    done = client.post(f"/evaluation/{token}/", answer)
    assert done.status_code == 200
    assert "Vielen Dank" in done.content.decode()

    saved = Answer.objects.get()
    assert saved.session == held
    assert saved.values == {
        "overall": 5,
        "trainer": 4,
        "recommend": "1",
        "apply": "Mehr nachfragen.",
    }
    assert saved.submitted_on == timezone.localdate()

    again = client.post(f"/evaluation/{token}/", {"overall": "1"})
    assert again.status_code == 410
    assert "bereits" in again.content.decode()
    assert client.get(f"/evaluation/{token}/").status_code == 410
    assert Answer.objects.count() == 1


def test_bad_input_shows_the_form_again_and_saves_nothing(client, token):
    for data in ({"overall": "7"}, {"recommend": "9"}, {"apply": "x" * 2001}, {}):
        page = client.post(f"/evaluation/{token}/", data)
        assert page.status_code == 400, data
        assert 'role="alert"' in page.content.decode()
    assert "mindestens eine Frage" in client.post(f"/evaluation/{token}/", {}).content.decode()
    assert not Answer.objects.exists()
    assert not Invitation.objects.filter(used_on__isnull=False).exists()


def test_forged_expired_and_other_sessions_links(client, token, held, training, booker, committed):
    forged = client.get("/evaluation/not-a-link-we-gave-out/")
    assert forged.status_code == 404
    assert "nicht gültig" in forged.content.decode()
    assert client.post(f"/evaluation/{token[:-1]}x/", {"overall": "3"}).status_code == 404

    other = past_session(training)
    book(other, booker, ("Cem", "cem@example.org"))
    hold(other, committed)
    (cem_token,) = tokens_mailed_to("cem@example.org")
    client.post(f"/evaluation/{cem_token}/", {"overall": "2"})
    # The answer counts for the session of the link, never for another one.
    assert list(Answer.objects.values_list("session", flat=True)) == [other.pk]

    Invitation.objects.filter(session=held).update(expires_at=timezone.now() - timedelta(days=1))
    expired = client.post(f"/evaluation/{token}/", {"overall": "3"})
    assert expired.status_code == 410
    assert "abgelaufen" in expired.content.decode()
    assert Answer.objects.filter(session=held).count() == 0


def test_a_training_may_use_its_own_questionnaire(client, token, training):
    own = Questionnaire.objects.create(name="Kurzfragebogen", name_en="Short questionnaire")
    QuestionnaireItem.objects.create(
        questionnaire=own,
        key="useful",
        kind="multiple",
        text="Was war nützlich?",
        choices="A\nB\nC",
    )
    TrainingQuestionnaire.objects.create(questionnaire=own, training=training)

    text = client.get(f"/evaluation/{token}/").content.decode()
    assert "Was war nützlich?" in text
    assert "Wie zufrieden" not in text
    client.post(f"/evaluation/{token}/", {"useful": ["1", "3"]})
    assert Answer.objects.get().values == {"useful": ["1", "3"]}
    assert Answer.objects.get().questionnaire == own


def test_nothing_in_an_answer_or_invitation_leads_to_a_person():
    answer_columns = {field.column for field in Answer._meta.concrete_fields}
    assert answer_columns == {"id", "session_id", "questionnaire_id", "submitted_on", "values"}
    assert Answer._meta.get_field("id").get_internal_type() == "UUIDField"  # no running number
    assert Answer._meta.get_field("submitted_on").get_internal_type() == "DateField"
    invitation_columns = {field.column for field in Invitation._meta.concrete_fields}
    assert invitation_columns == {
        "id",
        "session_id",
        "token_hash",
        "kind",
        "created_at",
        "expires_at",
        "used_on",
    }
    assert Invitation._meta.get_field("used_on").get_internal_type() == "DateField"
