"""Programme staff's booking work in the Wagtail admin: participants and waiting list, capacity,
cancelling, booking on behalf, links, permissions and the dashboard panel."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from bookings.dashboard import StaffDashboardPanel
from bookings.factories import OrganisationFactory, UserFactory, participants
from bookings.models import (
    Booking,
    BookingStatus,
    InhouseRequest,
    OrganisationType,
    PaymentMethod,
    PaymentStatus,
)
from bookings.services.bookings import booking_create
from bookings.services.history import STATUS_ACTION
from catalogue.factories import make_session, make_training
from catalogue.models import Session
from catalogue.models.sessions import SessionStatus
from catalogue.services import staff_grant
from tests.bookings.locking import session_lock_held
from tests.staff import national

pytestmark = pytest.mark.django_db


def admin_user(username, *permissions):
    group = Group.objects.get_or_create(name=f"group {username}")[0]
    group.permissions.add(Permission.objects.get(codename="access_admin"), *permissions)
    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(group)
    return national(user)


@pytest.fixture
def staff(db):
    return admin_user(
        "staff",
        *Permission.objects.filter(content_type__app_label__in=["bookings", "catalogue"]),
    )


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def editor_client(db):
    """A second browser: an editor who may edit the catalogue but not bookings."""
    editor = admin_user("editor", *Permission.objects.filter(content_type__app_label="catalogue"))
    client = Client()
    client.force_login(editor)
    return client


def book(session, count, name=None, **kwargs):
    organisation = OrganisationFactory(**({"name": name} if name else {}))
    return booking_create(
        session=session,
        organisation=organisation,
        participants=participants(count),
        by=None,
        **kwargs,
    )


def url(name, *args):
    return reverse(f"bookings_staff:{name}", args=args)


def test_participants_page_shows_participants_and_the_waiting_list_in_order(staff_client, session):
    Session.objects.filter(pk=session.pk).update(capacity=3)
    session.refresh_from_db()
    seated = book(session, 3, name="Jobcenter Leipzig")
    first = book(session, 2, name="Stadt Köln")
    second = book(session, 1, name="Arbeitsagentur Halle")

    response = staff_client.get(url("participants", session.pk))

    html = response.content.decode()
    assert response.status_code == 200
    assert [p.booking_id for p in response.context["object_list"]] == [seated.pk] * 3
    assert [b.reference for b in response.context["waitlist"]] == [
        first.reference,
        second.reference,
    ]
    assert html.index(first.reference) < html.index(second.reference)
    assert "Jobcenter Leipzig" in html and "Teilnehmende 3" in html
    assert 'data-fact="free">0<' in html
    assert url("capacity", session.pk) in html
    assert url("session_cancel", session.pk) in html
    assert url("booking_cancel", seated.pk) in html


def test_participant_list_exports_as_csv_and_xlsx(staff_client, session):
    booking = book(session, 2, name="Jobcenter Leipzig")

    export = staff_client.get(url("participants", session.pk) + "?export=csv")
    xlsx = staff_client.get(url("participants", session.pk) + "?export=xlsx")

    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert [(row["Name"], row["Organisation"], row["Buchungsnummer"]) for row in rows] == [
        ("Teilnehmende 1", "Jobcenter Leipzig", booking.reference),
        ("Teilnehmende 2", "Jobcenter Leipzig", booking.reference),
    ]
    assert rows[0]["Funktion"] == "Mitarbeitende(r)"
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_raising_the_capacity_moves_the_waiting_list_up(staff_client, session, staff):
    Session.objects.filter(pk=session.pk).update(capacity=2)
    session.refresh_from_db()
    book(session, 2)
    waiting = book(session, 1)
    assert waiting.status == BookingStatus.WAITLISTED

    form = staff_client.get(url("capacity", session.pk))
    response = staff_client.post(url("capacity", session.pk), {"capacity": "3"})

    assert form.context["form"]["capacity"].value() == 2
    assert response.status_code == 302
    assert response["Location"] == url("participants", session.pk)
    session.refresh_from_db()
    waiting.refresh_from_db()
    assert (session.capacity, session.seats_taken) == (3, 3)
    assert waiting.status == BookingStatus.CONFIRMED
    assert ModelLogEntry.objects.filter(
        action=STATUS_ACTION, object_id=str(waiting.pk), user=staff
    ).exists()


def test_capacity_below_the_seats_taken_is_refused_with_the_message(staff_client, session):
    book(session, 4)

    response = staff_client.post(url("capacity", session.pk), {"capacity": "3"})

    assert response.status_code == 200
    assert "4 Plätze sind bereits vergeben" in str(response.context["form"].errors["capacity"])
    session.refresh_from_db()
    assert session.capacity == 10


@pytest.mark.parametrize("value", ["", "abc", "0"])
def test_invalid_capacity_input_is_a_form_error(staff_client, session, value):
    response = staff_client.post(url("capacity", session.pk), {"capacity": value})

    assert response.status_code == 200
    assert response.context["form"].errors["capacity"]
    session.refresh_from_db()
    assert session.capacity == 10


def test_staff_cancel_a_booking_after_confirming(staff_client, session, staff):
    Session.objects.filter(pk=session.pk).update(capacity=2)
    session.refresh_from_db()
    booking = book(session, 2, name="Stadt Köln")
    waiting = book(session, 1)
    Session.objects.filter(pk=session.pk).update(booking_deadline=timezone.localdate())

    confirm = staff_client.get(url("booking_cancel", booking.pk))
    response = staff_client.post(url("booking_cancel", booking.pk))
    again = staff_client.post(url("booking_cancel", booking.pk), follow=True)

    assert confirm.status_code == 200
    assert booking.reference in confirm.content.decode()
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CANCELLED
    assert Booking.objects.get(pk=waiting.pk).status == BookingStatus.CONFIRMED
    assert response["Location"] == url("participants", session.pk)
    assert "Diese Buchung wurde bereits storniert." in again.content.decode()
    assert ModelLogEntry.objects.filter(
        action=STATUS_ACTION, object_id=str(booking.pk), user=staff
    ).exists()


def test_staff_cancel_a_whole_session_after_confirming(staff_client, session):
    Session.objects.filter(pk=session.pk).update(capacity=2)
    session.refresh_from_db()
    bookings = [book(session, 2), book(session, 1)]

    confirm = staff_client.get(url("session_cancel", session.pk))
    response = staff_client.post(url("session_cancel", session.pk))
    again = staff_client.post(url("session_cancel", session.pk))

    assert confirm.status_code == 200
    assert response.status_code == again.status_code == 302
    session.refresh_from_db()
    assert session.status == SessionStatus.CANCELLED
    assert session.seats_taken == 0
    assert {Booking.objects.get(pk=b.pk).status for b in bookings} == {BookingStatus.CANCELLED}


def book_on_behalf_data(organisation, session, names, **extra):
    rows = 5
    data = {
        "organisation": organisation.pk,
        "session": session.pk,
        "language": "en",
        "participants-TOTAL_FORMS": str(rows),
        "participants-INITIAL_FORMS": "0",
        "participants-MIN_NUM_FORMS": "1",
        "participants-MAX_NUM_FORMS": "30",
        **extra,
    }
    for index in range(rows):
        name = names[index] if index < len(names) else ""
        data[f"participants-{index}-name"] = name
        data[f"participants-{index}-email"] = ""
        data[f"participants-{index}-function"] = "manager" if name and index == 1 else "employee"
    return data


def test_staff_book_on_behalf_of_an_organisation(staff_client, session, staff):
    organisation = OrganisationFactory(name="Jobcenter Dresden")

    form = staff_client.get(url("book") + f"?session={session.pk}")
    response = staff_client.post(
        url("book"), book_on_behalf_data(organisation, session, ["Anna Schmidt", "Ben Ali"])
    )

    assert form.status_code == 200
    assert form.context["form"]["session"].value() == str(session.pk)
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.organisation, booking.session, booking.created_by) == (
        organisation,
        session,
        staff,
    )
    assert (booking.status, booking.language) == (BookingStatus.CONFIRMED, "en")
    assert [(p.name, p.function) for p in booking.participants.all()] == [
        ("Anna Schmidt", "employee"),
        ("Ben Ali", "manager"),
    ]


def test_book_on_behalf_shows_service_refusals_as_form_errors(staff_client, session, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_x"
    training = session.training
    training.price_companies = Decimal("100.00")
    training.save()
    company = OrganisationFactory(type=OrganisationType.SME)

    response = staff_client.post(
        url("book"),
        book_on_behalf_data(company, session, ["Anna Schmidt"], pay_by_invoice="on"),
    )

    assert response.status_code == 200
    assert "Nur öffentliche Stellen" in str(response.context["form"].non_field_errors())
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"organisation": "999999"}, "organisation"),
        ({"session": "abc"}, "session"),
    ],
)
def test_book_on_behalf_rejects_bad_input(staff_client, session, change, field):
    organisation = OrganisationFactory()
    data = {**book_on_behalf_data(organisation, session, ["Anna Schmidt"]), **change}

    response = staff_client.post(url("book"), data)

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Booking.objects.exists()


def test_book_on_behalf_needs_a_participant(staff_client, session):
    organisation = OrganisationFactory()

    response = staff_client.post(url("book"), book_on_behalf_data(organisation, session, []))

    assert response.status_code == 200
    assert response.context["formset"].errors[0]["name"]
    assert not Booking.objects.exists()


def test_book_on_behalf_does_not_offer_closed_sessions(staff_client, session):
    Session.objects.filter(pk=session.pk).update(status=SessionStatus.PLANNED)

    response = staff_client.post(
        url("book"), book_on_behalf_data(OrganisationFactory(), session, ["Anna Schmidt"])
    )

    assert response.status_code == 200
    assert response.context["form"].errors["session"]
    assert not Booking.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_book_on_behalf_when_the_session_is_busy(client, site_tree, settings):
    settings.BOOKING_LOCK_TIMEOUT = "200ms"
    staff = admin_user("staff", *Permission.objects.filter(content_type__app_label="bookings"))
    client.force_login(staff)
    session = make_session(
        make_training(site_tree.index), first_date=timezone.localdate() + timedelta(days=20)
    )
    organisation = OrganisationFactory()

    with session_lock_held(session):
        response = client.post(
            url("book"), book_on_behalf_data(organisation, session, ["Anna Schmidt"])
        )

    assert response.status_code == 200
    assert "versuchen Sie es" in str(response.context["form"].non_field_errors())
    assert not Booking.objects.exists()


def test_organisation_chooser_searches_for_staff_only(staff_client, editor_client):
    OrganisationFactory(name="Jobcenter Dresden")
    OrganisationFactory(name="Stadt Köln", city="Köln")
    chooser = "/admin/bookings_organisation_chooser/results/?q=k%C3%B6ln"

    found = staff_client.get(chooser).content.decode()
    refused = editor_client.get(chooser)

    assert "Stadt Köln" in found
    assert "Jobcenter Dresden" not in found
    assert refused.status_code in (302, 403)


def test_admin_pages_link_to_the_participants_page(staff_client, session):
    booking = book(session, 1)
    participants_page = url("participants", session.pk)

    bookings_listing = staff_client.get("/admin/bookings_booking/").content.decode()
    inspect = staff_client.get(f"/admin/bookings_booking/inspect/{booking.pk}/").content.decode()
    session_listing = staff_client.get("/admin/catalogue_session/").content.decode()
    session_edit = staff_client.get(f"/admin/catalogue_session/edit/{session.pk}/")

    assert participants_page in bookings_listing
    assert url("book") in bookings_listing
    assert participants_page in inspect
    assert url("booking_cancel", booking.pk) in inspect
    assert participants_page in session_listing
    assert participants_page in session_edit.content.decode()


def test_session_edit_form_leaves_capacity_and_cancelling_to_the_bookings_side(
    staff_client, session
):
    form = staff_client.get(f"/admin/catalogue_session/edit/{session.pk}/").context["form"]

    assert form.fields["capacity"].disabled
    assert "cancelled" not in [value for value, _ in form.fields["status"].choices]


def test_users_without_booking_permissions_are_refused(editor_client, session):
    booking = book(session, 1)
    organisation = OrganisationFactory()
    urls = [
        url("participants", session.pk),
        url("participants", session.pk) + "?export=csv",
        url("capacity", session.pk),
        url("session_cancel", session.pk),
        url("booking_cancel", booking.pk),
        url("book"),
    ]
    for address in urls:
        assert editor_client.get(address).status_code in (302, 403), address
    posts = [
        (url("capacity", session.pk), {"capacity": "20"}),
        (url("session_cancel", session.pk), {}),
        (url("booking_cancel", booking.pk), {}),
        (url("book"), book_on_behalf_data(organisation, session, ["Anna Schmidt"])),
    ]
    for address, data in posts:
        assert editor_client.post(address, data).status_code in (302, 403), address

    session.refresh_from_db()
    assert (session.capacity, session.status) == (10, SessionStatus.OPEN)
    assert Booking.objects.get().status == BookingStatus.CONFIRMED

    html = editor_client.get(f"/admin/catalogue_session/edit/{session.pk}/").content.decode()
    assert url("participants", session.pk) not in html


def test_the_programme_staff_group_of_a_fresh_database_may_do_all_of_this(client, session):
    """The groups and their permissions come with the migrations, not with the demo data."""
    staff = UserFactory(username="koordination")
    staff_grant(user=staff, states=[session.state])  # the Berlin state network's staff
    assert staff.groups.filter(name="Programme staff").exists()
    editor = UserFactory(username="redaktion")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(staff)

    assert client.get(url("participants", session.pk)).status_code == 200
    assert client.get(url("capacity", session.pk)).status_code == 200
    assert client.get(url("session_cancel", session.pk)).status_code == 200
    assert client.get(url("book")).status_code == 200
    client.force_login(editor)
    assert client.get(url("participants", session.pk)).status_code in (302, 403)


def test_unknown_session_or_booking_is_404(staff_client):
    assert staff_client.get(url("participants", 999999)).status_code == 404
    assert staff_client.get(url("booking_cancel", 999999)).status_code == 404


# --- dashboard -------------------------------------------------------------------------------


def dashboard_data(site_tree, size, settings):
    """`size` upcoming sessions with free places, one full one, `size` open in-house requests,
    `size` held card bookings and `size` unpaid invoice bookings."""
    settings.STRIPE_SECRET_KEY = "sk_test_x"
    training = make_training(
        site_tree.index,
        price_companies=Decimal("100.00"),
        price_administration=Decimal("50.00"),
    )
    soon = timezone.localdate() + timedelta(days=10)
    sessions = [
        make_session(training, capacity=5, first_date=soon + timedelta(days=n)) for n in range(size)
    ]
    full = make_session(training, capacity=1, first_date=soon)
    book(full, 1, pay_by_invoice=True)
    for number, target in enumerate(sessions):
        company = OrganisationFactory(type=OrganisationType.SME, name=f"Firma {number}")
        booking_create(session=target, organisation=company, participants=participants(1), by=None)
        InhouseRequest.objects.create(
            organisation=company,
            training=training,
            period_from=date(2030, 1, 1),
            period_to=date(2030, 2, 1),
            expected_participants=12,
            delivery="online",
        )
        book(target, 1, pay_by_invoice=True)
    return sessions, full


def render_panel(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return StaffDashboardPanel().render_html({"request": request})


def test_dashboard_panel_shows_free_places_requests_and_pending_payments(
    staff_client, site_tree, settings, staff
):
    sessions, full = dashboard_data(site_tree, 2, settings)

    html = staff_client.get("/admin/").content.decode()

    assert url("participants", sessions[0].pk) in html
    assert url("participants", full.pk) not in html
    assert 'data-count="open-requests">2<' in html
    assert "Firma 1" in html
    held = Booking.objects.filter(status=BookingStatus.HELD).count()
    invoices = Booking.objects.filter(
        payment_method=PaymentMethod.INVOICE, payment_status=PaymentStatus.PENDING
    ).count()
    assert (held, invoices) == (2, 3)
    dashboard = render_panel(staff)
    assert "2 Buchungen reserviert, Kartenzahlung ausstehend" in dashboard
    assert "3 Rechnungen noch nicht bezahlt" in dashboard


def test_dashboard_panel_is_hidden_from_users_without_booking_permissions(editor_client):
    html = editor_client.get("/admin/").content.decode()

    assert 'id="bookings-staff"' not in html


@pytest.mark.parametrize("size", [1, 15])
def test_dashboard_panel_queries_do_not_grow_with_the_data(
    site_tree, settings, staff, size, django_assert_max_num_queries
):
    dashboard_data(site_tree, size, settings)

    # With the user's state networks, the sessions to close, the dates without attendance and
    # the overdue invoices.
    with django_assert_max_num_queries(12):
        html = render_panel(staff)

    assert html.count("bookings_staff/sessions/") == min(size, 10)


def test_bookings_listing_filters_by_session_organisation_status_and_date(
    staff_client, session, training
):
    other = make_session(training, first_date=timezone.localdate() + timedelta(days=50))
    Session.objects.filter(pk=session.pk).update(capacity=2)
    session.refresh_from_db()
    old = book(session, 2, name="Jobcenter Leipzig")
    waiting = book(session, 1, name="Stadt Köln")
    elsewhere = book(other, 1, name="Stadt Köln")
    Booking.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))

    def listed(query):
        response = staff_client.get(f"/admin/bookings_booking/?{query}")
        assert response.status_code == 200
        return {booking.pk for booking in response.context["object_list"]}

    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    assert listed(f"session={session.pk}") == {old.pk, waiting.pk}
    assert listed(f"organisation={elsewhere.organisation_id}") == {elsewhere.pk}
    assert listed("status=waitlisted") == {waiting.pk}
    assert listed(f"created_at_from={since}") == {waiting.pk, elsewhere.pk}
    export = staff_client.get(f"/admin/bookings_booking/?session={other.pk}&export=xlsx")
    assert export.status_code == 200
