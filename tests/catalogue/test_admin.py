import csv
import io
from datetime import date

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.utils import timezone

from catalogue.factories import LanguageFactory, VenueFactory, make_session, make_training
from catalogue.models import Session
from tests.staff import national

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, site_tree):
    group = Group.objects.get_or_create(name="Programme staff")[0]  # the migrations make it
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="catalogue", content_type__model="session"
        ),
    )
    user = User.objects.create_user("staff", "staff@example.org", "pw")
    user.groups.add(group)
    national(user)
    client.force_login(user)
    return client


def form_data(training, **overrides):
    data = {
        "training": training.pk,
        "state": "BE",
        "language": LanguageFactory().pk,
        "venue": VenueFactory().pk,
        "capacity": "14",
        "status": "open",
        "booking_deadline": "",
        "first_date": "2027-03-15",
        "start_time": "09:00",
        "end_time": "12:00",
        "recurrences": "RRULE:FREQ=WEEKLY;COUNT=4",
    }
    return {**data, **overrides}


def test_staff_create_a_weekly_series_in_the_admin(staff_client, site_tree):
    training = make_training(site_tree.index)
    response = staff_client.post("/admin/catalogue_session/new/", form_data(training))

    assert response.status_code == 302
    session = Session.objects.get()
    starts = [timezone.localtime(o.start) for o in session.occurrences.order_by("start")]
    assert [s.date() for s in starts] == [date(2027, 3, d) for d in (15, 22, 29)] + [
        date(2027, 4, 5)
    ]
    assert {(s.hour, s.minute) for s in starts} == {(9, 0)}


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end_time": "08:00"}, "end_time", "Das Ende muss nach dem Beginn liegen."),
        ({"recurrences": "RRULE:FREQ=DAILY"}, "recurrences", "höchstens 200 Einzeltermine"),
        ({"venue": ""}, "venue", "Bitte wählen Sie einen Veranstaltungsort aus"),
    ],
)
def test_invalid_session_forms_show_errors_and_save_nothing(
    staff_client, site_tree, overrides, field, message
):
    training = make_training(site_tree.index)
    response = staff_client.post("/admin/catalogue_session/new/", form_data(training, **overrides))

    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert not Session.objects.exists()


def test_capacity_of_a_saved_session_is_read_only_in_the_catalogue_admin(staff_client, site_tree):
    """Capacity changes go through the bookings admin, which moves the waiting list up."""
    training = make_training(site_tree.index)
    session = make_session(training, capacity=12)
    Session.objects.filter(pk=session.pk).update(seats_taken=8)

    response = staff_client.post(
        f"/admin/catalogue_session/edit/{session.pk}/",
        form_data(training, capacity="6", first_date="2030-03-04", recurrences=""),
    )

    assert response.status_code == 302
    assert Session.objects.get(pk=session.pk).capacity == 12


def test_session_listing_filters_and_exports(staff_client, site_tree):
    berlin = make_session(make_training(site_tree.index, title="Berlin-Schulung"), state="BE")
    make_session(make_training(site_tree.index, title="Bayern-Schulung"), state="BY")

    listing = staff_client.get("/admin/catalogue_session/?state=BE")
    export = staff_client.get("/admin/catalogue_session/?state=BE&export=csv")

    assert list(listing.context["object_list"]) == [berlin]
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 1
    assert rows[0]["Landesnetzwerk"] == "Berlin"


def test_training_edit_page_lists_its_sessions(client, site_tree):
    admin = User.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    training = make_training(site_tree.index)
    session = make_session(training)

    html = client.get(f"/admin/pages/{training.pk}/edit/").content.decode()

    assert f"/admin/catalogue_session/edit/{session.pk}/" in html
    assert f"/admin/catalogue_session/new/?training={training.pk}" in html


def test_users_without_session_permissions_cannot_open_the_session_admin(client, site_tree):
    editor = User.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    response = client.get("/admin/catalogue_session/")

    assert response.status_code in (302, 403)


def test_session_listing_queries_do_not_grow(staff_client, site_tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get("/admin/catalogue_session/").status_code == 200
        return len(queries)

    make_session(make_training(site_tree.index))
    staff_client.get("/admin/catalogue_session/")
    small = count()
    for _ in range(6):
        make_session(make_training(site_tree.index))
    staff_client.get("/admin/catalogue_session/")  # new pages: the page tree's cache refills
    assert count() == small


def test_editors_see_no_private_in_house_session_on_a_trainings_edit_page(client, site_tree):
    training = make_training(site_tree.index)
    public = make_session(training, first_date=date(2030, 5, 6))
    make_session(training, is_private=True, first_date=date(2030, 6, 3))
    editor = User.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    html = client.get(f"/admin/pages/{training.pk}/edit/").content.decode()

    assert "06.05.2030" in html
    assert "03.06.2030" not in html
    # Nor links to session views they may not open.
    assert f"/admin/catalogue_session/edit/{public.pk}/" not in html
    assert "/admin/catalogue_session/new/" not in html
