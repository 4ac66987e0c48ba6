from datetime import time, timedelta

import pytest
import vobject
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from bookings.models import Attendance
from catalogue.models.sessions import SessionStatus
from trainers.factories import certify
from trainers.models import AssignmentStatus, AvailabilityRule, AvailabilityWindow, Certification
from trainers.services import certification_save

from .conftest import monday
from .helpers import accepted_assignment, confirmed_participants, past_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def own(training, trainer, topic, staff):
    """The trainer's accepted assignment in a session that has run, a pending one, an
    availability rule and a certification with its document."""
    session = past_session(training)
    participants = confirmed_participants(session, "Anna Weber", "Ben Kaya")
    document = Document.objects.create(
        title="Zertifikat", file=ContentFile(b"%PDF-1.4 secret", name="zertifikat.pdf")
    )
    certification = certification_save(
        certification=Certification(
            trainer=trainer,
            topic=topic,
            issued_by="IQ",
            issued_on=timezone.localdate(),
            valid_until=timezone.localdate() + timedelta(days=700),
            document=document,
        ),
        by=staff,
    )
    return {
        "assignment": accepted_assignment(session, trainer),
        "occurrence": session.occurrences.first(),
        "rule": AvailabilityRule.objects.get(trainer=trainer),
        "certification": certification,
        "document": document,
        "participants": participants,
    }


def id_urls(own):
    a, o, r, c = own["assignment"].pk, own["occurrence"].pk, own["rule"].pk, own["certification"].pk
    return [
        ("get", f"/account/trainer/assignments/{a}/"),
        ("post", f"/account/trainer/assignments/{a}/accept/"),
        ("post", f"/account/trainer/assignments/{a}/decline/"),
        ("post", f"/account/trainer/assignments/{a}/take-back/"),
        ("get", f"/account/trainer/assignments/{a}/dates/{o}/attendance/"),
        ("post", f"/account/trainer/assignments/{a}/dates/{o}/attendance/"),
        ("post", f"/account/trainer/assignments/{a}/held/"),
        ("get", f"/account/trainer/availability/{r}/"),
        ("post", f"/account/trainer/availability/{r}/"),
        ("post", f"/account/trainer/availability/{r}/delete/"),
        ("get", f"/account/trainer/certifications/{c}/document/"),
        ("get", f"/en/account/trainer/assignments/{a}/"),
    ]


URL_COUNT = 12


@pytest.mark.parametrize("number", range(URL_COUNT))
@pytest.mark.parametrize("who", ["other trainer", "booker"])
def test_every_portal_url_with_an_id_is_404_for_anyone_else(
    client, own, other_trainer, booker, who, number
):
    client.force_login(other_trainer.user if who == "other trainer" else booker)
    method, url = id_urls(own)[number]

    response = getattr(client, method)(url, {"all_present": "1"} if method == "post" else None)

    assert response.status_code == 404
    assert Attendance.objects.count() == 0
    assert AvailabilityRule.objects.filter(pk=own["rule"].pk).exists()
    assert own["assignment"].__class__.objects.get(pk=own["assignment"].pk).status == "accepted"


def test_the_id_urls_work_for_their_own_trainer(client, own, trainer):
    client.force_login(trainer.user)
    for method, url in id_urls(own):
        if method == "get":
            assert client.get(url).status_code == 200, url
    assert len(id_urls(own)) == URL_COUNT


def test_the_portal_is_404_for_users_without_a_trainer_profile(client, booker):
    client.force_login(booker)

    assert client.get("/account/trainer/").status_code == 404
    assert client.get("/account/trainer/availability/").status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(client, own):
    response = client.get(f"/account/trainer/assignments/{own['assignment'].pk}/")

    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_participants_appear_only_once_the_assignment_is_accepted(client, session, trainer, staff):
    from trainers.services import assignment_create

    confirmed_participants(session, "Clara Vogel")
    assignment = assignment_create(session=session, trainer=trainer, role="lead", by=staff)
    client.force_login(trainer.user)
    url = f"/en/account/trainer/assignments/{assignment.pk}/"

    assert "Clara Vogel" not in client.get(url).content.decode()
    response = client.post(f"/en/account/trainer/assignments/{assignment.pk}/accept/")
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Clara Vogel" in page and "Jobcenter Leipzig" in page and "employee" in page
    home = client.get("/en/account/trainer/").content.decode()
    assert "Interkulturelle Kompetenz im Jobcenter" in home


def test_decline_from_the_portal(client, session, trainer, staff):
    from trainers.services import assignment_create

    assignment = assignment_create(session=session, trainer=trainer, role="lead", by=staff)
    client.force_login(trainer.user)

    client.post(f"/account/trainer/assignments/{assignment.pk}/decline/")

    assignment.refresh_from_db()
    assert assignment.status == "declined"


def test_recording_attendance_all_present_then_marking_held(client, own, trainer):
    client.force_login(trainer.user)
    assignment, occurrence = own["assignment"], own["occurrence"]
    anna, ben = own["participants"]
    url = f"/en/account/trainer/assignments/{assignment.pk}/dates/{occurrence.pk}/attendance/"

    assert "Anna Weber" in client.get(url).content.decode()
    assert client.post(url, {"all_present": "1"}).status_code == 302
    assert client.post(url, {f"p{ben.pk}": "excused"}).status_code == 302
    assert dict(Attendance.objects.values_list("participant__name", "status")) == {
        "Anna Weber": "present",
        "Ben Kaya": "excused",
    }
    held_url = f"/en/account/trainer/assignments/{assignment.pk}/held/"
    response = client.post(held_url, follow=True)
    assert "Record the attendance of every participant" in response.content.decode()

    second = assignment.session.occurrences.exclude(pk=occurrence.pk).get()
    client.post(
        f"/en/account/trainer/assignments/{assignment.pk}/dates/{second.pk}/attendance/",
        {"all_present": "1"},
    )
    client.post(held_url)
    assignment.session.refresh_from_db()
    assert assignment.session.status == SessionStatus.HELD

    response = client.post(url, {f"p{ben.pk}": "present"})
    assert response.status_code == 400
    assert "only programme staff" in response.content.decode()
    assert Attendance.objects.get(participant=ben, occurrence=occurrence).status == "excused"


def test_attendance_of_a_bad_choice_is_refused(client, own, trainer):
    client.force_login(trainer.user)
    assignment, occurrence = own["assignment"], own["occurrence"]
    anna, _ben = own["participants"]
    url = f"/en/account/trainer/assignments/{assignment.pk}/dates/{occurrence.pk}/attendance/"

    response = client.post(url, {f"p{anna.pk}": "late"})

    assert response.status_code == 400
    assert not Attendance.objects.exists()


def test_availability_is_written_with_a_recurrence_rule_in_the_portal(client, trainer):
    client.force_login(trainer.user)
    start = monday(1)

    response = client.post(
        "/en/account/trainer/availability/",
        {
            "kind": "absence",
            "first_date": start.isoformat(),
            "last_date": (start + timedelta(days=2)).isoformat(),
            "start_time": "",
            "end_time": "",
            "recurrences": "RRULE:FREQ=YEARLY",
            "note": "Urlaub",
        },
    )

    assert response.status_code == 302
    rule = AvailabilityRule.objects.get(note="Urlaub")
    days = {
        timezone.localtime(w.start).date() for w in AvailabilityWindow.objects.filter(rule=rule)
    }
    assert {start, start + timedelta(days=2), start + timedelta(days=366)} <= days
    response = client.post(
        f"/en/account/trainer/availability/{rule.pk}/",
        {
            "kind": "working",
            "first_date": start.isoformat(),
            "start_time": "08:00",
            "end_time": "12:00",
            "recurrences": "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE",
        },
    )
    assert response.status_code == 302
    windows = AvailabilityWindow.objects.filter(rule=rule)
    assert {timezone.localtime(w.start).weekday() for w in windows} == {0, 1, 2}
    assert {timezone.localtime(w.end).time() for w in windows} == {time(12, 0)}


def test_bad_availability_input_gets_a_message_and_saves_nothing(client, trainer):
    client.force_login(trainer.user)
    before = AvailabilityWindow.objects.count()

    response = client.post(
        "/en/account/trainer/availability/",
        {"kind": "working", "first_date": "2026-13-01", "start_time": "17:00", "end_time": "08:00"},
    )

    assert response.status_code == 400
    assert "Enter the date as YYYY-MM-DD." in response.content.decode()
    assert AvailabilityRule.objects.count() == 1 and AvailabilityWindow.objects.count() == before


def test_deleting_an_availability_rule_removes_its_windows(client, trainer):
    client.force_login(trainer.user)
    rule = AvailabilityRule.objects.get(trainer=trainer)

    assert client.post(f"/account/trainer/availability/{rule.pk}/delete/").status_code == 302
    assert not AvailabilityWindow.objects.filter(trainer=trainer).exists()


def test_calendar_feed_behind_a_renewable_token(client, own, trainer, session, staff):
    from trainers.services import assignment_create

    assignment_create(session=session, trainer=trainer, role="co", by=staff)  # pending: not shown
    old_url = f"/account/trainer/calendar/{trainer.calendar_token}.ics"

    response = client.get(old_url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = vobject.readOne(response.content.decode())
    events = calendar.contents["vevent"]
    assert len(events) == 2  # the two dates of the accepted assignment
    assert {e.uid.value.split("-")[2] for e in events} == {str(own["assignment"].pk)}

    client.force_login(trainer.user)
    assert client.post("/account/trainer/calendar/renew/").status_code == 302
    client.logout()
    trainer.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert client.get(f"/account/trainer/calendar/{trainer.calendar_token}.ics").status_code == 200
    assert client.get("/account/trainer/calendar/not-a-token.ics").status_code == 404


def test_certificate_documents_are_private(client, own, trainer, other_trainer, staff):
    document = own["document"]
    public_url = document.url

    assert client.get(public_url).status_code == 404
    client.force_login(other_trainer.user)
    assert client.get(public_url).status_code == 404
    client.force_login(trainer.user)
    assert client.get(public_url).status_code == 404
    response = client.get(f"/account/trainer/certifications/{own['certification'].pk}/document/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 secret"
    client.force_login(staff)
    assert client.get(public_url).status_code == 200


def test_other_documents_stay_public(client):
    document = Document.objects.create(title="Flyer", file=ContentFile(b"flyer", name="flyer.pdf"))

    assert client.get(document.url).status_code == 200


def test_portal_home_lists_certifications(client, trainer, topic):
    certify(trainer, topic, valid_until=timezone.localdate() + timedelta(days=30))
    client.force_login(trainer.user)

    page = client.get("/en/account/trainer/").content.decode()

    assert "Intercultural competence" in page
    assert f"/account/trainer/calendar/{trainer.calendar_token}.ics" in page


def test_a_trainer_lands_in_the_portal_after_logging_in(client, trainer):
    from allauth.account.models import EmailAddress

    trainer.user.set_password("Ein-sicheres-Passwort-7")
    trainer.user.save()
    assert EmailAddress.objects.filter(user=trainer.user, email=trainer.email, verified=True)

    response = client.post(
        "/accounts/login/", {"login": trainer.email, "password": "Ein-sicheres-Passwort-7"}
    )

    assert response["Location"] == "/account/trainer/"
    assert 'href="/account/trainer/"' in client.get("/account/trainer/").content.decode()


def test_training_pages_show_trainers_who_agreed(client, session, trainer, other_trainer):
    trainer.show_on_training_pages = True
    trainer.bio = "Trainerin seit 2012."
    trainer.save()
    accepted_assignment(session, trainer)
    accepted_assignment(session, other_trainer, role="co")  # has not agreed to be shown

    page = client.get(session.training.url).content.decode()

    assert "Anna Schmidt" in page and "Trainerin seit 2012." in page
    assert "Ben Otto" not in page


def test_a_deactivated_trainer_loses_the_portal_and_the_calendar_feed(client, own, trainer):
    """Deactivated (e.g. left the programme): no participants' names, no attendance, no feed."""
    feed = f"/account/trainer/calendar/{trainer.calendar_token}.ics"
    client.force_login(trainer.user)
    assert client.get(f"/account/trainer/assignments/{own['assignment'].pk}/").status_code == 200

    trainer.is_active = False
    trainer.save()

    for method, url in id_urls(own):
        response = getattr(client, method)(url, {"all_present": "1"} if method == "post" else None)
        assert response.status_code == 404, url
    assert client.get("/account/trainer/").status_code == 404
    assert client.get(feed).status_code == 404
    assert Attendance.objects.count() == 0


def test_a_trainers_personal_data_download_holds_the_trainer_profile(client, own, trainer):
    import json

    client.force_login(trainer.user)
    data = json.loads(client.get("/account/privacy/download/").content)

    assert data["trainer"]["name"] == trainer.name
    assert [c["topic"] for c in data["trainer"]["certifications"]] == [
        str(c.topic) for c in trainer.certifications.all()
    ]
    assert data["trainer"]["availability"]  # working times
    assert [a["status"] for a in data["trainer"]["assignments"]] == ["accepted"]


def test_a_trainer_who_withdraws_from_the_training_pages_is_gone_on_the_next_visit(
    client, session, trainer
):
    trainer.show_on_training_pages = True
    trainer.save()
    assignment = accepted_assignment(session, trainer)
    assert "Anna Schmidt" in client.get(session.training.url).content.decode()
    assert "Anna Schmidt" in client.get(session.training.url).content.decode()  # cached

    trainer.show_on_training_pages = False
    trainer.save()
    assert "Anna Schmidt" not in client.get(session.training.url).content.decode()

    trainer.show_on_training_pages = True
    trainer.save()
    assert "Anna Schmidt" in client.get(session.training.url).content.decode()
    assignment.status = AssignmentStatus.WITHDRAWN  # staff take the trainer off the session
    assignment.save()
    assert "Anna Schmidt" not in client.get(session.training.url).content.decode()
