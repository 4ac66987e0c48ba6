"""Every URL that takes an id, against every role that must not reach it: the answer is 403 or
404 (or, for someone not logged in, the login page), never the object.

Roles: anonymous, a member of another organisation, another trainer, an editor without staff
rights. Objects: one organisation's booking, participants, certificate, invitation, membership,
in-house request and private session; one trainer's assignment, attendance, availability,
certification document and calendar feed; and the staff's admin views of all of them."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.documents.models import Document

from bookings.factories import MembershipFactory, OrganisationFactory, UserFactory, participants
from bookings.models import InhouseRequest, Invitation, Role
from bookings.participant_links import participant_materials_url
from bookings.services.bookings import booking_create
from bookings.services.invoices import invoice_issue
from catalogue.factories import make_session, make_training
from catalogue.models import Material
from catalogue.services import material_save, session_save
from tests.trainers.helpers import accepted_assignment, confirmed_participants, past_session
from trainers.factories import make_trainer
from trainers.models import AvailabilityRule, Certification
from trainers.services import calendar_token_renew, certification_save

LOGIN_PAGES = ("/accounts/login/", "/admin/login/")
MEETING_LINK = "https://meet.example.org/iq-geheim-4711"


@pytest.fixture
def world(site_tree):
    training = make_training(site_tree.index, title="Interkulturelle Kompetenz")
    session = make_session(training, capacity=10, first_date=timezone.localdate() + timedelta(30))
    owner = MembershipFactory(role=Role.ADMIN)
    colleague = MembershipFactory(organisation=owner.organisation)
    booking = booking_create(
        session=session,
        organisation=owner.organisation,
        participants=participants(2),
        by=owner.user,
    )
    invitation = Invitation.objects.create(
        organisation=owner.organisation, email="neu@example.org", token="t" * 40
    )
    private = make_session(training, is_private=True)
    request = InhouseRequest.objects.create(
        organisation=owner.organisation,
        training=training,
        period_from=timezone.localdate(),
        period_to=timezone.localdate() + timedelta(60),
        expected_participants=12,
        delivery="online",
        session=private,
    )
    trainer = make_trainer(topic=training.topic, name="Anna Schmidt")
    ran = past_session(training)
    (attendee,) = confirmed_participants(ran, "Clara Vogel")
    assignment = accepted_assignment(ran, trainer)
    document = Document.objects.create(
        title="Zertifikat", file=ContentFile(b"%PDF-1.4 secret", name="zertifikat.pdf")
    )
    certification = certification_save(
        certification=Certification(
            trainer=trainer,
            topic=training.topic,
            issued_by="IQ",
            issued_on=timezone.localdate(),
            valid_until=timezone.localdate() + timedelta(days=700),
            document=document,
        ),
        by=None,
    )
    old_token = trainer.calendar_token
    calendar_token_renew(trainer=trainer)
    session.online, session.meeting_url = True, MEETING_LINK  # hybrid: the venue and online
    session_save(session=session)
    handout = material_save(
        material=Material(session=session, title="Handout"),
        upload=SimpleUploadedFile("handout.pdf", b"%PDF-1.4 handout"),
    )
    trainer_handout = material_save(
        material=Material(session=ran, title="Trainer-Handout", added_by=trainer.user),
        upload=SimpleUploadedFile("trainer.pdf", b"%PDF-1.4 trainer handout"),
    )
    return {
        "material": handout,
        "trainer_material": trainer_handout,
        "training": training,
        "session": session,
        "booking": booking,
        "invoice": invoice_issue(booking),
        "participant": booking.participants.first(),
        "colleague": colleague,
        "invitation": invitation,
        "request": request,
        "private": private,
        "assignment": assignment,
        "occurrence": ran.occurrences.order_by("start").first(),
        "attendee": attendee,
        "rule": AvailabilityRule.objects.filter(trainer=trainer).first(),
        "certification": certification,
        "document": document,
        "old_token": old_token,
    }


def forged_materials_link(w) -> str:
    """A participant's personal link with another participant's id put in."""
    signature = participant_materials_url(w["participant"]).rstrip("/").rsplit(":", 1)[1]
    return f"/materials/{w['attendee'].pk}:{signature}/"


def urls(w) -> list[tuple[str, str]]:
    """(method, url) for every page and action that takes an id."""
    ref, a, o = w["booking"].reference, w["assignment"].pk, w["occurrence"].pk
    t = w["training"]
    return [
        ("GET", f"/account/bookings/{ref}/"),
        ("POST", f"/account/bookings/{ref}/"),
        ("GET", f"/account/bookings/{ref}/calendar/"),
        ("GET", f"/account/bookings/{ref}/pay/"),
        ("GET", f"/account/bookings/{ref}/cancel/?all=1"),
        ("POST", f"/account/bookings/{ref}/cancel/"),
        ("GET", f"/account/bookings/{ref}/materials/{w['material'].pk}/"),
        ("GET", w["material"].document.url),
        ("GET", forged_materials_link(w)),
        ("GET", f"/materials/{w['participant'].pk}/{w['material'].pk}/"),
        ("POST", f"/account/bookings/{ref}/participants/"),
        ("GET", f"/account/certificates/{w['participant'].pk}/"),
        ("GET", f"/account/invoices/{w['invoice'].number}/pdf/"),
        ("GET", f"/account/invoices/{w['invoice'].number}/xml/"),
        ("GET", f"/account/certificates/{w['attendee'].pk}/"),
        ("POST", f"/account/organisation/invitations/{w['invitation'].pk}/resend/"),
        ("POST", f"/account/organisation/invitations/{w['invitation'].pk}/revoke/"),
        ("POST", f"/account/organisation/members/{w['colleague'].pk}/role/"),
        ("POST", f"/account/organisation/members/{w['colleague'].pk}/remove/"),
        ("GET", f"/account/requests/{w['request'].pk}/"),
        ("GET", f"/account/book/{w['private'].pk}/"),
        ("GET", f"{t.url}sessions/{w['private'].pk}/"),
        ("GET", f"{t.url}sessions/{w['private'].pk}/calendar/"),
        ("GET", f"/account/trainer/assignments/{a}/"),
        ("POST", f"/account/trainer/assignments/{a}/accept/"),
        ("POST", f"/account/trainer/assignments/{a}/decline/"),
        ("GET", f"/account/trainer/assignments/{a}/dates/{o}/attendance/"),
        ("POST", f"/account/trainer/assignments/{a}/dates/{o}/attendance/"),
        ("POST", f"/account/trainer/assignments/{a}/held/"),
        ("GET", f"/account/trainer/assignments/{a}/materials/{w['trainer_material'].pk}/"),
        ("POST", f"/account/trainer/assignments/{a}/materials/"),
        ("POST", f"/account/trainer/assignments/{a}/materials/{w['trainer_material'].pk}/remove/"),
        ("GET", f"/account/trainer/availability/{w['rule'].pk}/"),
        ("POST", f"/account/trainer/availability/{w['rule'].pk}/delete/"),
        ("GET", f"/account/trainer/certifications/{w['certification'].pk}/document/"),
        ("GET", f"/account/trainer/calendar/{w['old_token']}.ics"),
        ("GET", w["document"].url),
        ("GET", reverse("bookings_booking:inspect", args=[w["booking"].pk])),
        ("GET", reverse("bookings_booking:history", args=[w["booking"].pk])),
        ("GET", reverse("bookings_organisation:edit", args=[w["booking"].organisation_id])),
        ("GET", reverse("bookings_inhouserequest:inspect", args=[w["request"].pk])),
        ("GET", reverse("bookings_inhouserequest:answer", args=[w["request"].pk])),
        ("GET", reverse("bookings_inhouserequest:schedule", args=[w["request"].pk])),
        ("GET", reverse("bookings_staff:participants", args=[w["session"].pk])),
        ("GET", reverse("bookings_staff:capacity", args=[w["session"].pk])),
        ("GET", reverse("bookings_staff:session_cancel", args=[w["session"].pk])),
        ("GET", reverse("bookings_staff:booking_cancel", args=[w["booking"].pk])),
        ("GET", reverse("catalogue_session:edit", args=[w["session"].pk])),
        ("GET", reverse("catalogue_session:access", args=[w["session"].pk])),
        ("GET", reverse("catalogue_material:inspect", args=[w["material"].pk])),
        ("GET", reverse("trainers_staff:session", args=[w["session"].pk])),
        ("GET", reverse("trainers_staff:attendance", args=[w["assignment"].session_id])),
        ("GET", reverse("trainers_trainer:edit", args=[w["assignment"].trainer_id])),
        ("GET", reverse("trainers_certification:edit", args=[w["certification"].pk])),
        ("GET", reverse("trainers_assignment:edit", args=[w["assignment"].pk])),
    ]


def roles(topic) -> dict[str, Client]:
    clients = {"anonymous": Client()}
    other_member = MembershipFactory(organisation=OrganisationFactory(name="Andere GmbH"))
    other_trainer = make_trainer(topic=topic, name="Ben Otto")
    editor = UserFactory(username="redaktion")
    editor.groups.add(Group.objects.get(name="Editors"))
    for name, user in [
        ("member of another organisation", other_member.user),
        ("another trainer", other_trainer.user),
        ("editor without staff rights", editor),
    ]:
        clients[name] = Client()
        clients[name].force_login(user)
    return clients


def refused(response, role: str) -> bool:
    if response.status_code in (403, 404):
        return True
    if response.status_code == 302:
        target = urlsplit(response["Location"]).path
        if role == "anonymous":
            return target.startswith(LOGIN_PAGES)
        # Wagtail answers a logged-in user without the permission with its dashboard.
        return target in ("/admin/", *LOGIN_PAGES)
    return False


@pytest.mark.django_db
def test_no_role_reaches_another_ones_objects(world):
    problems = []
    for role, client in roles(world["training"].topic).items():
        for method, url in urls(world):
            response = client.get(url) if method == "GET" else client.post(url, {})
            if not refused(response, role):
                problems.append(f"{role}: {method} {url} → {response.status_code}")
    assert problems == []
    # Nothing was changed on the way.
    world["booking"].refresh_from_db()
    assert world["booking"].status == "confirmed"
    assert Invitation.objects.filter(pk=world["invitation"].pk).exists()
    assert world["colleague"].__class__.objects.filter(pk=world["colleague"].pk).exists()


@pytest.mark.django_db
def test_the_owners_reach_them(world, client):
    """The matrix is not passing by accident: the same URLs open for their owners."""
    client.force_login(world["booking"].created_by)
    for url in [
        f"/account/bookings/{world['booking'].reference}/",
        f"/account/bookings/{world['booking'].reference}/calendar/",
        f"/account/bookings/{world['booking'].reference}/materials/{world['material'].pk}/",
        f"/account/requests/{world['request'].pk}/",
        f"/account/book/{world['private'].pk}/",
    ]:
        assert client.get(url).status_code == 200, url
    client.force_login(world["assignment"].trainer.user)
    for url in [
        f"/account/trainer/assignments/{world['assignment'].pk}/",
        f"/account/trainer/assignments/{world['assignment'].pk}/dates/"
        f"{world['occurrence'].pk}/attendance/",
        f"/account/trainer/availability/{world['rule'].pk}/",
        f"/account/trainer/assignments/{world['assignment'].pk}/materials/"
        f"{world['trainer_material'].pk}/",
    ]:
        assert client.get(url).status_code == 200, url
    assert Client().get(participant_materials_url(world["participant"])).status_code == 200
