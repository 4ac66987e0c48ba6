import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission, User

from bookings.factories import MembershipFactory, participants
from bookings.models import Booking
from bookings.services.bookings import booking_create
from tests.staff import national

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    group = Group.objects.get_or_create(name="Programme staff")[0]  # the migrations make it
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="bookings"),
    )
    user = User.objects.create_user("staff", "staff@example.org", "pw")
    user.groups.add(group)
    national(user)
    client.force_login(user)
    return client


def test_staff_list_filter_and_export_bookings(staff_client, session):
    first = MembershipFactory(organisation__name="Jobcenter Leipzig")
    second = MembershipFactory(organisation__name="Stadt Köln")
    mine = booking_create(
        session=session, organisation=first.organisation, participants=participants(2), by=None
    )
    booking_create(
        session=session, organisation=second.organisation, participants=participants(1), by=None
    )

    listing = staff_client.get(f"/admin/bookings_booking/?organisation={first.organisation.pk}")
    export = staff_client.get(
        f"/admin/bookings_booking/?organisation={first.organisation.pk}&export=csv"
    )
    inspect = staff_client.get(f"/admin/bookings_booking/inspect/{mine.pk}/")

    assert list(listing.context["object_list"]) == [mine]
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert [row["Buchungsnummer"] for row in rows] == [mine.reference]
    assert inspect.status_code == 200
    assert mine.reference in inspect.content.decode()


def test_bookings_cannot_be_edited_around_the_services(staff_client, session):
    member = MembershipFactory()
    booking = booking_create(
        session=session, organisation=member.organisation, participants=participants(1), by=None
    )
    for url in (
        "/admin/bookings_booking/new/",
        f"/admin/bookings_booking/edit/{booking.pk}/",
        f"/admin/bookings_booking/delete/{booking.pk}/",
    ):
        assert staff_client.get(url).status_code in (302, 403)
        assert staff_client.post(url, {}).status_code in (302, 403)
    assert Booking.objects.get(pk=booking.pk).status == "confirmed"


def test_booking_state_changes_show_in_the_admin_history(staff_client, session):
    from bookings.services.bookings import booking_cancel

    member = MembershipFactory()
    booking = booking_create(
        session=session,
        organisation=member.organisation,
        participants=participants(1),
        by=member.user,
    )
    booking_cancel(booking=booking, by=member.user)

    html = staff_client.get(f"/admin/bookings_booking/history/{booking.pk}/").content.decode()

    assert "Status von „–“ zu „bestätigt“ geändert" in html
    assert "Status von „bestätigt“ zu „storniert“ geändert" in html
    assert html.count(member.user.get_username()) >= 2
