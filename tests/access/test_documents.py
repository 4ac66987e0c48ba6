"""Attacks on documents: every document collection × every role × every way to reach a document.

Collections: "Catalogue" (the editors' documents) and "Trainer certificates" (private to the
trainer and programme staff). Roles: editor, programme staff, the certificate's trainer, another
trainer, a member, anonymous. Ways: the admin listing and its search, the chooser, the edit
page, replacing the file, deleting (single, bulk and from the multiple upload), the usage page,
the admin API (listing and detail) and the file's own URL.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Collection, GroupCollectionPermission

from bookings.factories import MembershipFactory, UserFactory
from catalogue.factories import TopicFactory
from trainers.factories import make_trainer
from trainers.models import Certification
from trainers.services import certificates_collection, certification_save

SECRET = b"%PDF-1.4 the trainer's certificate"


@pytest.fixture
def documents(db):
    topic = TopicFactory()
    trainer = make_trainer(topic=topic, name="Anna Schmidt")
    certificate = Document.objects.create(
        title="Zertifikat Anna Schmidt", file=ContentFile(SECRET, name="zertifikat-anna.pdf")
    )
    certification = certification_save(
        certification=Certification(
            trainer=trainer,
            topic=topic,
            issued_by="IQ",
            issued_on=timezone.localdate(),
            valid_until=timezone.localdate() + timedelta(days=700),
            document=certificate,
        ),
        by=None,
    )
    flyer = Document.objects.create(
        title="Programmflyer",
        file=ContentFile(b"%PDF-1.4 flyer", name="flyer.pdf"),
        collection=Collection.objects.get(name="Catalogue"),
    )
    return {
        "trainer": trainer,
        "certification": certification,
        "certificate": certificate,
        "flyer": flyer,
    }


def programme_staff():
    group, _ = Group.objects.get_or_create(name="Programme staff")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="trainers"),
    )
    for codename in ("add_document", "change_document", "choose_document"):
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=certificates_collection(),
            permission=Permission.objects.get(
                content_type__app_label="wagtaildocs", codename=codename
            ),
        )
    user = UserFactory(username="koordination")
    user.groups.add(group)
    return user


def clients(trainer) -> dict[str, Client]:
    editor = UserFactory(username="redaktion")
    editor.groups.add(Group.objects.get(name="Editors"))
    users = {
        "editor": editor,
        "programme staff": programme_staff(),
        "the trainer": trainer.user,
        "another trainer": make_trainer(name="Ben Otto").user,
        "member": MembershipFactory().user,
    }
    result = {"anonymous": Client()}
    for role, user in users.items():
        result[role] = Client()
        result[role].force_login(user)
    return result


def sees(client, document) -> dict[str, bool]:
    """For each way in, whether the client got at the document."""
    pk, title = document.pk, document.title
    found = {}
    listing = client.get("/admin/documents/", {"q": title.split()[0]})
    found["listing"] = title in listing.content.decode()
    chooser = client.get("/admin/documents/chooser/")
    found["chooser"] = title in chooser.content.decode()
    found["edit page"] = client.get(f"/admin/documents/edit/{pk}/").status_code == 200
    found["usage"] = client.get(f"/admin/documents/usage/{pk}/").status_code == 200
    api = client.get("/admin/api/main/documents/")
    found["api listing"] = api.status_code == 200 and title in api.content.decode()
    found["api detail"] = client.get(f"/admin/api/main/documents/{pk}/").status_code == 200
    file_response = client.get(document.url)
    found["file"] = file_response.status_code == 200
    found["bulk delete page"] = (
        client.get("/admin/bulk/wagtaildocs/document/delete/", {"id": pk}).status_code == 200
        and title
        in client.get("/admin/bulk/wagtaildocs/document/delete/", {"id": pk}).content.decode()
    )
    return found


def changes(client, document) -> dict[str, bool]:
    """For each way to change the document, whether it changed."""
    pk = document.pk
    result = {}
    client.post(
        f"/admin/documents/edit/{pk}/",
        {
            "title": "Ersetzt",
            "collection": document.collection_id,
            "file": SimpleUploadedFile("ersetzt.pdf", b"%PDF-1.4 replaced"),
        },
    )
    client.post(f"/admin/documents/multiple/{pk}/", {f"doc-{pk}-title": "Ersetzt (mehrfach)"})
    fresh = Document.objects.filter(pk=pk).first()
    result["replaced"] = (
        fresh is None or fresh.title != document.title or fresh.file.name != document.file.name
    )
    client.post(f"/admin/documents/delete/{pk}/")
    client.post(f"/admin/documents/multiple/{pk}/delete/")
    client.post("/admin/bulk/wagtaildocs/document/delete/?id=" + str(pk))
    result["deleted"] = not Document.objects.filter(pk=pk).exists()
    return result


# Who may reach the certificate: staff through the admin and its file URL; the trainer through
# the portal (below); nobody else in any way.
EXPECTED_CERTIFICATE = {
    "editor": False,
    "the trainer": False,
    "another trainer": False,
    "member": False,
    "anonymous": False,
}


@pytest.mark.parametrize("role", sorted(EXPECTED_CERTIFICATE))
def test_nobody_but_staff_reaches_a_certificate_in_any_way(documents, role):
    client = clients(documents["trainer"])[role]

    seen = sees(client, documents["certificate"])
    changed = changes(client, documents["certificate"])

    assert {way for way, got in seen.items() if got} == set()
    assert {way for way, did in changed.items() if did} == set()
    certificate = Document.objects.get(pk=documents["certificate"].pk)
    assert certificate.file.read() == SECRET
    assert Certification.objects.get(pk=documents["certification"].pk).document_id == certificate.pk


def test_staff_reach_the_certificate_and_the_trainer_downloads_it_from_the_portal(documents):
    every = clients(documents["trainer"])
    certificate = documents["certificate"]

    seen = sees(every["programme staff"], certificate)
    portal = every["the trainer"].get(
        f"/account/trainer/certifications/{documents['certification'].pk}/document/"
    )

    assert seen["listing"] and seen["edit page"] and seen["file"]
    assert portal.status_code == 200
    assert b"".join(portal.streaming_content) == SECRET


def test_editors_keep_working_with_the_catalogues_documents(documents):
    editor = clients(documents["trainer"])["editor"]

    seen = sees(editor, documents["flyer"])
    changed = changes(editor, documents["flyer"])

    assert seen["listing"] and seen["chooser"] and seen["edit page"] and seen["api listing"]
    assert changed == {"replaced": True, "deleted": True}


def test_no_group_holds_permissions_on_the_root_collection(db):
    """Permissions on the root reach every collection below it, the certificates' too."""
    root = Collection.get_first_root_node()

    assert not GroupCollectionPermission.objects.filter(collection=root).exists()
    assert GroupCollectionPermission.objects.filter(
        group__name="Editors", collection__name="Catalogue"
    ).exists()
