"""The bookings admin as programme staff read it: inspect pages in Berlin time with nothing shown
as "None", a session's participants one click from the session listing, the in-house
scheduling form's "Preview dates"."""

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from bookings.factories import MembershipFactory, OrganisationFactory, UserFactory, participants
from bookings.models import Booking, InhouseRequestStatus
from bookings.services.bookings import booking_create
from bookings.services.inhouse import inhouse_request_answer, inhouse_request_create
from bookings.services.invoices import invoice_for_booking
from catalogue.factories import LanguageFactory, make_session, make_training
from catalogue.models import Session
from catalogue.schedule import BERLIN
from catalogue.services import staff_grant
from tests.admin_pages import inspect, text
from tests.staff import national

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(site_tree):
    user = UserFactory(username="bund", email="bund@example.org")
    staff_grant(user=user, federal=True)
    return user


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def paid_session(site_tree):
    training = make_training(site_tree.index, price_administration=Decimal("120.00"))
    return make_session(training, capacity=10, first_date=timezone.localdate() + timedelta(days=30))


def test_a_bookings_times_show_in_berlin_time_winter_and_summer(staff_client, paid_session):
    booking = booking_create(
        session=paid_session,
        organisation=OrganisationFactory(),
        participants=participants(1),
        by=None,
    )
    winter = datetime(2030, 1, 15, 9, 30, tzinfo=UTC)  # 10:30 in Berlin
    summer = datetime(2030, 7, 15, 9, 30, tzinfo=UTC)  # 11:30 in Berlin
    Booking.objects.filter(pk=booking.pk).update(created_at=winter, hold_expires_at=summer)

    details = inspect(staff_client, f"/admin/bookings_booking/inspect/{booking.pk}/")

    assert "15. Januar 2030 10:30" in details
    assert "15. Juli 2030 11:30" in details
    assert "09:30" not in details


def test_inspect_pages_of_bookings_with_empty_fields_show_no_none(
    staff_client, paid_session, staff
):
    member = MembershipFactory()
    booking = booking_create(
        session=paid_session,
        organisation=member.organisation,
        participants=participants(2),
        by=member.user,
        pay_by_invoice=True,
    )
    inhouse = inhouse_request_create(
        organisation=member.organisation,
        by=member.user,
        period_from=date(2030, 5, 6),
        period_to=date(2030, 5, 31),
        expected_participants=12,
        delivery="online",
        topic=paid_session.training.topic,
    )
    pages = {
        "booking": f"/admin/bookings_booking/inspect/{booking.pk}/",
        "invoice": f"/admin/bookings_invoice/inspect/{invoice_for_booking(booking).pk}/",
        "organisation": f"/admin/bookings_organisation/inspect/{member.organisation.pk}/",
        "open request": f"/admin/bookings_inhouserequest/inspect/{inhouse.pk}/",
    }

    for name, url in pages.items():
        details = inspect(staff_client, url)
        assert not re.search(r"\b(None|True|False)\b", details), (name, details)
        assert "—" in details, name  # hold, corrected invoice, Leitweg-ID, answer

    inhouse_request_answer(
        inhouse_request=inhouse, status=InhouseRequestStatus.ACCEPTED, answer="Gern.", by=staff
    )
    answered = inspect(staff_client, pages["open request"])
    assert "Beantwortet von bund <bund@example.org>" in answered
    inhouse.refresh_from_db()
    answered_at = inhouse.answered_at
    assert date_format(answered_at.astimezone(BERLIN), "DATETIME_FORMAT") in answered


def test_the_invoice_inspect_page_labels_every_field(staff_client, paid_session):
    member = MembershipFactory()
    booking = booking_create(
        session=paid_session,
        organisation=member.organisation,
        participants=participants(1),
        by=member.user,
        pay_by_invoice=True,
    )

    details = inspect(
        staff_client, f"/admin/bookings_invoice/inspect/{invoice_for_booking(booking).pk}/"
    )

    assert "Hinweis zur Umsatzsteuer" in details and "Bestellzeichen" in details
    assert "Vat note" not in details and "Order reference" not in details


# --- the session listing: participants one click away ----------------------------------------


def participants_links(html: str) -> dict[int, str]:
    """Session id -> the text of the link in its participants column."""
    return {
        int(pk): re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", label)).strip()
        for pk, label in re.findall(
            r'href="/admin/bookings_staff/sessions/(\d+)/">(.*?)</a>', html, flags=re.S
        )
    }


def test_the_session_listing_links_each_sessions_participants(staff_client, site_tree):
    training = make_training(site_tree.index)
    full = make_session(training, capacity=2)
    empty = make_session(training, capacity=12)
    booking_create(
        session=full, organisation=OrganisationFactory(), participants=participants(2), by=None
    )

    links = participants_links(staff_client.get("/admin/catalogue_session/").content.decode())

    assert links[full.pk].startswith("2 / 2")
    assert links[empty.pk].startswith("0 / 12")
    assert staff_client.get(f"/admin/bookings_staff/sessions/{full.pk}/").status_code == 200


def test_without_the_bookings_permission_the_column_has_no_link(client, site_tree):
    session = make_session(make_training(site_tree.index))
    scheduler = national(UserFactory(username="planung", email="planung@example.org"))
    group = Group.objects.create(name="Nur Termine")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="catalogue", codename__endswith="session"
        ),
    )
    scheduler.groups.add(group)
    client.force_login(scheduler)

    html = client.get("/admin/catalogue_session/").content.decode()

    assert f"/admin/catalogue_session/edit/{session.pk}/" in html
    assert "/admin/bookings_staff/sessions/" not in html
    assert "0 / 12" in html


def test_session_listing_queries_do_not_grow_with_the_participants_column(staff_client, site_tree):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get("/admin/catalogue_session/").status_code == 200
        return len(queries)

    training = make_training(site_tree.index)
    make_session(training)
    staff_client.get("/admin/catalogue_session/")
    small = count()
    for offset in range(8):
        session = make_session(training, first_date=date(2030, 4, 1) + timedelta(days=offset))
        booking_create(
            session=session,
            organisation=OrganisationFactory(),
            participants=participants(1),
            by=None,
        )
    assert (
        len(participants_links(staff_client.get("/admin/catalogue_session/").content.decode())) == 9
    )
    assert count() == small


# --- scheduling an in-house request: the same preview ----------------------------------------


def test_the_in_house_schedule_form_previews_its_dates(staff_client, paid_session, staff):
    member = MembershipFactory()
    inhouse = inhouse_request_create(
        organisation=member.organisation,
        by=member.user,
        period_from=date(2030, 3, 25),
        period_to=date(2030, 4, 30),
        expected_participants=12,
        delivery="online",
        training=paid_session.training,
    )
    inhouse_request_answer(
        inhouse_request=inhouse, status=InhouseRequestStatus.ACCEPTED, answer="Gern.", by=staff
    )
    sessions_before = Session.objects.count()

    response = staff_client.post(
        f"/admin/bookings_inhouserequest/schedule/{inhouse.pk}/",
        {
            "training": paid_session.training.pk,
            "state": "BE",
            "language": LanguageFactory().pk,
            "online": "on",
            "capacity": "12",
            "status": "open",
            "first_date": "2030-03-25",
            "start_time": "09:00",
            "end_time": "12:00",
            "recurrences": "RRULE:FREQ=WEEKLY;COUNT=2",
            "preview_dates": "1",
        },
    )

    shown = text(response.content.decode(), 'id="dates_preview"', "</ol>")
    assert "25.03.2030, 09:00–12:00" in shown and "01.04.2030, 09:00–12:00" in shown
    assert Session.objects.count() == sessions_before
    inhouse.refresh_from_db()
    assert inhouse.status == InhouseRequestStatus.ACCEPTED


def test_previewing_a_booked_sessions_new_dates_tells_nobody(staff_client, site_tree):
    """The change notice belongs to saving: the preview neither lists nor tells anyone."""
    session = make_session(make_training(site_tree.index), first_date=date(2030, 3, 25))
    member = MembershipFactory()
    booking_create(
        session=session,
        organisation=member.organisation,
        participants=participants(2),
        by=member.user,
    )
    data = {
        "training": session.training_id,
        "state": session.state,
        "language": session.language_id,
        "venue": session.venue_id,
        "capacity": session.capacity,
        "status": session.status,
        "first_date": "2030-04-01",
        "start_time": "09:00",
        "end_time": "12:00",
        "recurrences": "",
    }
    url = f"/admin/catalogue_session/edit/{session.pk}/"

    previewed = staff_client.post(url, {**data, "preview_dates": "1"})
    saved = staff_client.post(url, data)

    assert "01.04.2030, 09:00–12:00" in text(
        previewed.content.decode(), 'id="dates_preview"', "</ol>"
    )
    assert previewed.context["form"].non_field_errors() == []
    assert getattr(previewed.context["form"], "notice_preview", None) is None
    # Saving still shows who is told before anything changes.
    assert saved.context["form"].notice_preview is not None
    session.refresh_from_db()
    assert session.first_date == date(2030, 3, 25)
