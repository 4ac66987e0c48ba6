import pytest
from django.core import mail

from catalogue.factories import TopicFactory
from trainers.factories import make_trainer
from trainers.models import Assignment, AssignmentStatus, Trainer

from .helpers import accepted_assignment, confirmed_participants, past_session

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _admin_in_english(staff):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"
    profile.save()


def test_session_listing_and_edit_view_link_to_the_session_trainers(staff_client, session):
    url = f"/admin/trainers_staff/sessions/{session.pk}/"

    assert url in staff_client.get("/admin/catalogue_session/").content.decode()
    assert url in staff_client.get(f"/admin/catalogue_session/edit/{session.pk}/").content.decode()


def test_the_session_page_ranks_eligible_trainers_and_says_why_not(
    staff_client, session, trainer, german
):
    make_trainer(topic=TopicFactory(name="Diversity"), name="Carla Neu")
    elsewhere = make_trainer(topic=session.training.topic, name="Dora Fern", states=["BY"])
    elsewhere.languages.set([german])

    page = staff_client.get(f"/admin/trainers_staff/sessions/{session.pk}/").content.decode()

    eligible = page[page.index('id="eligible"') : page.index('id="ineligible"')]
    assert eligible.index("Anna Schmidt") < eligible.index("Dora Fern")
    ineligible = page[page.index('id="ineligible"') :]
    assert "Carla Neu" in ineligible and "Not certified for" in ineligible


def test_staff_assign_and_withdraw_from_the_session_page(
    staff_client, session, trainer, django_capture_on_commit_callbacks
):
    url = f"/admin/trainers_staff/sessions/{session.pk}/"

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, {"trainer": trainer.pk, "role": "lead"})
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert assignment.status == AssignmentStatus.PENDING
    assert {m.to[0] for m in mail.outbox} == {"anna@example.org", "staff@example.org"}

    staff_client.post(url, {"withdraw": assignment.pk})
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.WITHDRAWN


def test_an_ineligible_trainer_is_refused_with_the_reason(staff_client, session):
    carla = make_trainer(topic=TopicFactory(name="Diversity"), name="Carla Neu")

    response = staff_client.post(
        f"/admin/trainers_staff/sessions/{session.pk}/",
        {"trainer": carla.pk, "role": "lead"},
        follow=True,
    )

    assert "Carla Neu cannot run this session: Not certified for" in response.content.decode()
    assert not Assignment.objects.exists()


def test_bad_input_on_the_session_page_is_a_message_not_an_error(staff_client, session):
    url = f"/admin/trainers_staff/sessions/{session.pk}/"

    page = staff_client.post(url, {"trainer": "x", "role": "lead"}, follow=True)
    assert "Choose a trainer." in page.content.decode()
    page = staff_client.post(url, {"withdraw": "999"}, follow=True)
    assert "There is no such assignment." in page.content.decode()
    assert staff_client.get("/admin/trainers_staff/sessions/999999/").status_code == 404


def test_users_without_trainer_permissions_cannot_open_the_session_pages(client, session, booker):
    from django.contrib.auth.models import Permission

    booker.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(booker)

    assert client.get(f"/admin/trainers_staff/sessions/{session.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/trainers_staff/sessions/{session.pk}/attendance/").status_code in (
        302,
        403,
    )


def test_staff_change_attendance_after_the_session_is_held(staff_client, training, trainer, staff):
    from bookings.models import Attendance
    from bookings.services.attendance import attendance_all_present, session_mark_held

    session = past_session(training)
    anna, ben = confirmed_participants(session, "Anna", "Ben")
    accepted_assignment(session, trainer)
    first, second = session.occurrences.all()
    for occurrence in (first, second):
        attendance_all_present(occurrence=occurrence, by=trainer.user)
    session_mark_held(session=session, by=trainer.user)
    url = f"/admin/trainers_staff/sessions/{session.pk}/attendance/"

    assert "Anna" in staff_client.get(url).content.decode()
    response = staff_client.post(url, {"occurrence": first.pk, f"o{first.pk}-p{ben.pk}": "excused"})

    assert response.status_code == 302
    assert Attendance.objects.get(participant=ben, occurrence=first).status == "excused"


def test_inviting_a_trainer_in_the_admin(staff_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/admin/trainers_trainer/new/",
            {"name": "Nora Neu", "email": "nora@example.org", "language": "en"},
        )

    assert response.status_code == 302
    trainer = Trainer.objects.get()
    assert (trainer.name, trainer.email, trainer.language) == ("Nora Neu", "nora@example.org", "en")
    (message,) = mail.outbox
    assert message.subject == "Your trainer account for the IQ trainings"

    response = staff_client.post(
        "/admin/trainers_trainer/new/",
        {"name": "Nora Neu", "email": "nora@example.org", "language": "de"},
    )
    assert response.status_code == 200
    assert Trainer.objects.count() == 1


def test_editing_a_trainer_profile(staff_client, trainer, german):
    response = staff_client.post(
        f"/admin/trainers_trainer/edit/{trainer.pk}/",
        {
            "name": "Anna Schmidt",
            "bio": "Kurzbiografie",
            "bio_en": "Short bio",
            "languages": [german.pk],
            "states": ["BE", "SN"],
            "online": "on",
            "language": "de",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    trainer.refresh_from_db()
    assert trainer.states == ["BE", "SN"] and trainer.online and trainer.bio_en == "Short bio"


def test_trainer_and_certification_listings(staff_client, trainer):
    assert "Anna Schmidt" in staff_client.get("/admin/trainers_trainer/").content.decode()
    assert "Anna Schmidt" in staff_client.get("/admin/trainers_certification/").content.decode()
    assert staff_client.get(f"/admin/trainers_trainer/inspect/{trainer.pk}/").status_code == 200
    assert staff_client.get("/admin/trainers_assignment/").status_code == 200


def test_assignment_listing_inspect_and_history(staff_client, session, trainer):
    assignment = accepted_assignment(session, trainer)

    listing = staff_client.get("/admin/trainers_assignment/").content.decode()
    assert f"/admin/trainers_staff/sessions/{session.pk}/" in listing
    assert (
        staff_client.get(f"/admin/trainers_assignment/inspect/{assignment.pk}/").status_code == 200
    )
    assert (
        staff_client.get(f"/admin/trainers_assignment/history/{assignment.pk}/").status_code == 200
    )
    assert staff_client.get(f"/admin/trainers_assignment/edit/{assignment.pk}/").status_code in (
        302,
        403,
    )
