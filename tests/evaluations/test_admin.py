"""Programme staff compose questionnaires in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group

from bookings.factories import UserFactory
from catalogue.roles import STAFF_GROUP
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
