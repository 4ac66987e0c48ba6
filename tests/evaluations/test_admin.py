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
