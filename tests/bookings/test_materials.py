"""Materials of a training: staff and the assigned trainers attach files or links; confirmed
bookers download them from the booking page and participants through a personal link that
expires some weeks after the session; the files are never public."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from django.utils.translation import override
from wagtail.documents.models import Document

from bookings.factories import UserFactory
from bookings.models import Booking, BookingStatus
from bookings.participant_links import participant_materials_url
from bookings.services.bookings import booking_cancel
from catalogue.factories import make_session
from catalogue.models import Material
from catalogue.roles import STAFF_GROUP
from catalogue.services import MATERIALS_COLLECTION, material_save, session_save
from tests.bookings.test_emails import book, people
from tests.staff import national
from trainers.factories import make_trainer
from trainers.models import Assignment, AssignmentRole, AssignmentStatus

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4 Handout Interkulturelle Kompetenz"


def pdf(name="handout.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def staff(db):
    user = national(UserFactory(username="planung"))
    user.groups.add(Group.objects.get(name=STAFF_GROUP))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def booked(session, member):
    booking = book(session, member, people("Anna Schmidt"))
    assert booking.status == BookingStatus.CONFIRMED
    return booking


def test_staff_upload_a_file_that_no_document_url_serves(staff, session, training):
    response = staff.post(
        "/admin/catalogue_material/new/",
        {"title": "Handout", "session": session.pk, "upload": pdf(), "url": ""},
    )
    assert response.status_code == 302
    material = Material.objects.get()
    assert material.document.collection.name == MATERIALS_COLLECTION
    # Not by the document's own URL, for no one: staff, an editor, anyone.
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    editors = Client()
    editors.force_login(editor)
    for client in (staff, editors, Client()):
        assert client.get(material.document.url).status_code == 404

    # Changed into a link, the file goes.
    old = material.document
    response = staff.post(
        f"/admin/catalogue_material/edit/{material.pk}/",
        {"title": "Handout online", "session": session.pk, "url": "https://example.org/h"},
    )
    assert response.status_code == 302
    material.refresh_from_db()
    assert (material.title, material.url, material.document) == (
        "Handout online",
        "https://example.org/h",
        None,
    )
    assert not Document.objects.filter(pk=old.pk).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "Tool", "upload": "exe"}, "Dateien dieses Typs"),
        ({"title": "Beides", "upload": "pdf", "url": "https://example.org/x"}, "entweder"),
        ({"title": "Nichts"}, "entweder"),
    ],
)
def test_bad_uploads_are_refused_and_leave_nothing(staff, session, data, message):
    files = {"exe": pdf("tool.exe", b"MZ"), "pdf": pdf()}
    form = {"session": session.pk, "url": "", **data}
    if "upload" in data:
        form["upload"] = files[data["upload"]]
    response = staff.post("/admin/catalogue_material/new/", form)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Material.objects.exists() and not Document.objects.exists()


def test_state_staff_see_the_trainings_materials_but_not_other_networks_sessions(session, training):
    from catalogue.services import staff_grant

    other = make_session(training, state="NW")
    material_save(material=Material(training=training, title="Für alle"), upload=pdf())
    material_save(material=Material(session=other, title="Nur NRW"), upload=pdf("nrw.pdf"))
    berlin = UserFactory(username="berlin")
    staff_grant(user=berlin, states=["BE"])
    client = Client()
    client.force_login(berlin)
    page = client.get("/admin/catalogue_material/").content.decode()
    assert "Für alle" in page and "Nur NRW" not in page
    nrw = Material.objects.get(title="Nur NRW")
    assert client.get(f"/admin/catalogue_material/inspect/{nrw.pk}/").status_code == 404
    response = client.post(
        "/admin/catalogue_material/new/",
        {"title": "Fremd", "session": other.pk, "upload": pdf("f.pdf"), "url": ""},
    )
    assert response.status_code == 200 and not Material.objects.filter(title="Fremd").exists()


def test_confirmed_bookers_download_from_the_booking_page_the_waiting_list_not(
    session, training, booked, member, client
):
    material_save(material=Material(training=training, title="Handout"), upload=pdf())
    material_save(
        material=Material(session=session, title="Leitfaden", url="https://example.org/leitfaden")
    )
    client.force_login(member.user)
    page = client.get(f"/account/bookings/{booked.reference}/").content.decode()
    assert "Handout" in page and "https://example.org/leitfaden" in page
    handout = Material.objects.get(title="Handout")
    response = client.get(f"/account/bookings/{booked.reference}/materials/{handout.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]

    Booking.objects.filter(pk=booked.pk).update(status=BookingStatus.WAITLISTED)
    page = client.get(f"/account/bookings/{booked.reference}/").content.decode()
    assert "Handout" not in page
    assert (
        client.get(f"/account/bookings/{booked.reference}/materials/{handout.pk}/").status_code
        == 404
    )


def test_a_participants_personal_link_works_until_weeks_after_the_session(
    session, training, booked, member
):
    material_save(material=Material(session=session, title="Handout"), upload=pdf())
    anna = booked.participants.get()
    url = participant_materials_url(anna)
    client = Client()
    page = client.get(url)
    assert page.status_code == 200 and "Handout" in page.content.decode()
    handout = Material.objects.get()
    assert client.get(f"{url}{handout.pk}/").status_code == 200
    # Another session's material is not reachable with this link.
    other = material_save(
        material=Material(session=make_session(training), title="Fremd"), upload=pdf("x.pdf")
    )
    assert client.get(f"{url}{other.pk}/").status_code == 404

    # Some weeks after the session the link has expired, with a clear page.
    session.first_date = timezone.localdate() - timedelta(weeks=8)
    session.booking_deadline = None
    session_save(session=session)
    with override("en"):
        expired = client.get(url.replace("/materials/", "/en/materials/"))
    assert expired.status_code == 410
    assert "This link has expired" in expired.content.decode()

    # A cancelled participant's link stops at once.
    session.first_date = timezone.localdate() + timedelta(days=30)
    session_save(session=session)
    booking_cancel(booking=booked, by=member.user, participant_ids=None)
    assert client.get(url).status_code == 404


def test_assigned_trainers_add_and_remove_their_material_and_download_the_rest(
    session, training, booked
):
    staffs = material_save(material=Material(session=session, title="Vom Team"), upload=pdf())
    trainer = make_trainer(name="Tina Trainer")
    assignment = Assignment.objects.create(
        session=session, trainer=trainer, role=AssignmentRole.LEAD, status=AssignmentStatus.ACCEPTED
    )
    client = Client()
    client.force_login(trainer.user)
    base = f"/account/trainer/assignments/{assignment.pk}/materials/"
    response = client.post(
        base, {"title": "Folien", "upload": pdf("folien.pdf"), "for_training": "on"}
    )
    assert response.status_code == 302
    slides = Material.objects.get(title="Folien")
    assert slides.training_id == training.pk and slides.session_id is None
    assert client.post(base, {"title": "Leer"}).status_code == 400  # neither file nor link
    page = client.get(f"/account/trainer/assignments/{assignment.pk}/").content.decode()
    assert "Folien" in page and "Vom Team" in page
    assert client.get(f"{base}{staffs.pk}/").status_code == 200

    client.post(f"{base}{staffs.pk}/remove/")  # not theirs to remove
    assert Material.objects.filter(pk=staffs.pk).exists()
    client.post(f"{base}{slides.pk}/remove/")
    assert not Material.objects.filter(pk=slides.pk).exists()
    assert not Document.objects.filter(title="Folien").exists()

    # Once withdrawn, the trainer reaches neither the materials nor the link.
    Assignment.objects.filter(pk=assignment.pk).update(status=AssignmentStatus.WITHDRAWN)
    assert client.get(f"{base}{staffs.pk}/").status_code == 404
    assert client.post(base, {"title": "Neu", "url": "https://example.org"}).status_code in (
        302,
        400,
    )
    assert not Material.objects.filter(title="Neu").exists()
