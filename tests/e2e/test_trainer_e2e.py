"""A trainer in a real browser: accepts an assignment, records attendance, marks the session held."""

import re
from datetime import time

import pytest
from playwright.sync_api import expect

from bookings.models import Attendance, AttendanceStatus
from catalogue.factories import TopicFactory, make_session, make_training
from catalogue.models import Session
from tests.e2e.helpers import log_in, t, verified_user
from tests.trainers.conftest import monday
from tests.trainers.helpers import accepted_assignment, confirmed_participants, past_session
from trainers.factories import make_trainer
from trainers.models import Assignment, AssignmentStatus

pytestmark = pytest.mark.django_db(transaction=True)


def test_trainer_accepts_an_assignment_and_records_attendance(page, site_tree, screenshot):
    topic = TopicFactory(name="Interkulturelle Kompetenz", name_en="Intercultural competence")
    training = make_training(site_tree.index, title="Interkulturell beraten", topic=topic)
    trainer = make_trainer(topic=topic, name="Anna Schmidt", user=verified_user("anna@example.org"))
    upcoming = make_session(training, first_date=monday(5), start_time=time(9), end_time=time(12))
    offered = Assignment.objects.create(session=upcoming, trainer=trainer, role="lead")
    held_last_month = past_session(training)
    confirmed_participants(held_last_month, "Clara Vogel", "Deniz Kaya")
    ran = accepted_assignment(held_last_month, trainer)

    log_in(page, "anna@example.org")
    expect(page).to_have_url(re.compile("/account/trainer/"))
    page.goto(f"/account/trainer/assignments/{offered.pk}/")
    page.get_by_role("button", name=t("Accept")).click()
    expect(page.locator("main")).to_contain_text(t("accepted"))
    offered.refresh_from_db()
    assert offered.status == AssignmentStatus.ACCEPTED

    page.goto(f"/account/trainer/assignments/{ran.pk}/")
    expect(page.locator("main")).to_contain_text("Clara Vogel")
    screenshot("trainer-assignment")
    for date in range(2):
        page.get_by_role("link", name=re.compile(t("Record attendance"))).nth(date).click()
        if date == 0:
            screenshot("trainer-attendance")
        page.get_by_role("button", name=t("All present")).click()
        page.goto(f"/account/trainer/assignments/{ran.pk}/")
    page.get_by_role("button", name=t("Mark as held")).click()

    assert Attendance.objects.filter(status=AttendanceStatus.PRESENT).count() == 4
    assert Session.objects.get(pk=held_last_month.pk).status == "held"
    expect(page.locator("main")).to_contain_text(t("This session has been marked as held."))
