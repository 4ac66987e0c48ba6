import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from bookings.factories import MembershipFactory, OrganisationFactory, participants
from bookings.models import Booking, BookingStatus, Membership, Organisation, OrganisationType
from bookings.services.bookings import booking_create
from catalogue.factories import make_session, make_training
from catalogue.models import Session
from tests.bookings.locking import session_lock_held

pytestmark = pytest.mark.django_db


def participant_post(names, functions=None):
    data = {
        "form-TOTAL_FORMS": str(len(names)),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "1",
        "form-MAX_NUM_FORMS": "30",
        "accept_terms": "on",
        "colleagues_consent": "on",
    }
    for number, name in enumerate(names):
        data[f"form-{number}-name"] = name
        data[f"form-{number}-function"] = (functions or ["employee"] * len(names))[number]
        data[f"form-{number}-email"] = ""
    return data


def test_sign_up_verify_email_create_organisation_and_book(client, session):
    response = client.post(
        "/accounts/signup/",
        {
            "first_name": "Anna",
            "last_name": "Weber",
            "email": "a.weber@jobcenter.example",
            "password1": "Sichere-Passphrase-42",
            "password2": "Sichere-Passphrase-42",
        },
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    confirm_url = re.search(
        r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", mail.outbox[0].body
    ).group(0)
    confirm_path = "/" + confirm_url.split("/", 3)[3]
    assert client.post(confirm_path).status_code == 302

    book_url = f"/account/book/{session.pk}/"
    response = client.get(book_url)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/organisation/new/")

    response = client.post(
        response["Location"],
        {
            "name": "Jobcenter Leipzig",
            "type": "job_centre",
            "state": "SN",
            "street": "Georg-Schumann-Str. 150",
            "postcode": "04159",
            "city": "Leipzig",
        },
    )
    assert response.status_code == 302 and response["Location"] == book_url
    assert Organisation.objects.get().sector == "administration"

    assert client.get(f"{book_url}?seats=3").content.decode().count("<fieldset>") == 3
    response = client.post(
        book_url,
        participant_post(
            ["Anna Weber", "Ben Kaya", "Chris Nowak"], ["employee", "manager", "employee"]
        ),
    )
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/account/bookings/{booking.reference}/"
    assert booking.status == BookingStatus.CONFIRMED
    assert list(booking.participants.values_list("name", "function")) == [
        ("Anna Weber", "employee"),
        ("Ben Kaya", "manager"),
        ("Chris Nowak", "employee"),
    ]
    detail = client.get(response["Location"]).content.decode()
    assert f"Buchung {booking.reference} ist bestätigt." in detail
    assert "Ben Kaya" in detail
    assert booking.reference in client.get("/account/").content.decode()


def test_booking_form_reports_bad_input_and_saves_nothing(client, session, member):
    client.force_login(member.user)
    url = f"/account/book/{session.pk}/"

    assert client.get(f"{url}?seats=abc").status_code == 400
    assert client.get(f"{url}?seats=0").status_code == 400
    response = client.post(url, participant_post([""]))
    assert response.status_code == 400
    assert "Dieses Feld muss ausgefüllt werden." in response.content.decode()
    response = client.post(url, {"form-TOTAL_FORMS": "x"})
    assert response.status_code == 400
    assert not Booking.objects.exists()


def test_full_session_books_onto_the_waiting_list(client, session, member):
    booking_create(
        session=session, organisation=member.organisation, participants=participants(10), by=None
    )
    client.force_login(member.user)

    response = client.post(
        f"/account/book/{session.pk}/", participant_post(["Dana Roth"]), follow=True
    )

    assert "Warteliste" in response.content.decode()
    assert Booking.objects.filter(status=BookingStatus.WAITLISTED).count() == 1


def test_cancelling_single_participants_and_the_whole_booking(client, session, member):
    booking = booking_create(
        session=session, organisation=member.organisation, participants=participants(3), by=None
    )
    first = booking.participants.first()
    client.force_login(member.user)
    url = f"/account/bookings/{booking.reference}/cancel/"

    # The first step only shows who is cancelled; nothing happens yet.
    page = client.get(url, {"participant": [first.pk]})
    assert page.status_code == 200
    text = page.content.decode()
    assert first.name in text
    assert all(p.name not in text for p in booking.participants.exclude(pk=first.pk))
    assert "kostenfrei" in text
    booking.refresh_from_db()
    assert booking.seats == 3

    client.post(url, {"participant": [first.pk]})
    booking.refresh_from_db()
    assert booking.seats == 2
    assert Session.objects.get(pk=session.pk).seats_taken == 2

    text = client.get(url, {"all": "1"}).content.decode()
    assert "die gesamte Buchung wird storniert" in text
    client.post(url, {"all": "1"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert Session.objects.get(pk=session.pk).seats_taken == 0


def test_nothing_ticked_never_cancels_the_whole_booking(client, session, member):
    booking = booking_create(
        session=session, organisation=member.organisation, participants=participants(2), by=None
    )
    client.force_login(member.user)
    url = f"/account/bookings/{booking.reference}/cancel/"
    for response in (client.get(url), client.post(url, {}), client.post(url, {"participant": "x"})):
        assert response.status_code == 302
    # The old way (a POST to the booking page without a choice) cancels nothing either.
    client.post(f"/account/bookings/{booking.reference}/", {})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED and booking.seats == 2
    page = client.get(f"/account/bookings/{booking.reference}/", follow=True)
    assert "Wählen Sie, wen Sie stornieren" in client.get(url, follow=True).content.decode()
    assert page.status_code == 200


def test_the_terms_say_what_cancelling_costs(client, session, member, training):
    from decimal import Decimal

    training.price_administration = Decimal("100.00")
    training.price_companies = Decimal("100.00")
    training.refund_before_deadline = 50
    training.save_revision().publish()
    booking = booking_create(
        session=session,
        organisation=member.organisation,
        participants=participants(2),
        by=None,
        pay_by_invoice=True,
    )
    client.force_login(member.user)
    text = client.get(
        f"/account/bookings/{booking.reference}/cancel/",
        {"participant": [booking.participants.first().pk]},
    ).content.decode()
    invoice = booking.invoices.get()
    assert f"Gutschrift zur Rechnung {invoice.number} über 50,00 €" in text
    assert "(50 % des Preises)" in text


def test_past_sessions_offer_no_cancellation(client, session, member):
    from datetime import timedelta

    from django.utils import timezone

    booking = booking_create(
        session=session, organisation=member.organisation, participants=participants(1), by=None
    )
    session.booking_deadline = timezone.localdate() - timedelta(days=1)
    Session.objects.filter(pk=session.pk).update(booking_deadline=session.booking_deadline)
    client.force_login(member.user)
    page = client.get(f"/account/bookings/{booking.reference}/").content.decode()
    assert "/cancel/" not in page
    assert "wenden Sie sich bitte an das Programmteam" in page
    response = client.post(f"/account/bookings/{booking.reference}/cancel/", {"all": "1"})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_every_booking_url_is_404_for_another_organisation(client, session, member):
    booking = booking_create(
        session=session, organisation=member.organisation, participants=participants(1), by=None
    )
    stranger = MembershipFactory()
    client.force_login(stranger.user)

    for url in (
        f"/account/bookings/{booking.reference}/",
        f"/account/bookings/{booking.reference}/calendar/",
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, {}).status_code in (404, 405)
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CONFIRMED
    assert booking.reference not in client.get("/account/").content.decode()


def test_booking_pages_need_a_login(client, session):
    for url in ("/account/", f"/account/book/{session.pk}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_booking_calendar_is_an_ics_of_the_session(client, session, member):
    import vobject
    from django.utils import timezone

    booking = booking_create(
        session=session, organisation=member.organisation, participants=participants(1), by=None
    )
    client.force_login(member.user)
    response = client.get(f"/account/bookings/{booking.reference}/calendar/")
    calendar = vobject.readOne(response.content.decode(), transform=False)
    start = timezone.localtime(session.occurrences.get().start)
    assert calendar.vevent.dtstart.value == start.strftime("%Y%m%dT%H%M%S")
    assert calendar.vevent.dtstart.params["TZID"] == ["Europe/Berlin"]


@pytest.mark.django_db(transaction=True)
def test_a_locked_session_answers_503_with_a_message(client, site_tree, settings):
    from datetime import timedelta

    from django.utils import timezone

    from catalogue.factories import make_session, make_training

    settings.BOOKING_LOCK_TIMEOUT = "200ms"
    session = make_session(
        make_training(site_tree.index), first_date=timezone.localdate() + timedelta(days=20)
    )
    member = MembershipFactory()
    client.force_login(member.user)
    with session_lock_held(session):
        response = client.post(f"/account/book/{session.pk}/", participant_post(["Eva Schulz"]))
    assert response.status_code == 503
    assert "Bitte versuchen Sie es erneut" in response.content.decode()
    assert not Booking.objects.exists()
    assert Membership.objects.count() == 1


def test_the_booking_form_shows_price_and_terms_and_books_nothing_without_consent(
    client, site_tree
):
    training = make_training(
        site_tree.index,
        price_companies=Decimal("150.00"),
        refund_before_deadline=100,
        refund_after_deadline=50,
    )
    session = make_session(training, capacity=5, first_date=timezone.localdate() + timedelta(30))
    member = MembershipFactory(organisation=OrganisationFactory(type=OrganisationType.SME))
    client.force_login(member.user)

    page = client.get(f"/account/book/{session.pk}/?seats=2").content.decode()
    assert "300.00 €" in page or "300,00 €" in page  # the total for two
    assert "§ 4 Nr. 21 UStG" in page and "100 %" in page and "50 %" in page

    data = participant_post(["Anna", "Ben"])
    del data["colleagues_consent"]
    response = client.post(f"/account/book/{session.pk}/", data)
    assert response.status_code == 400 and not Booking.objects.exists()
    data = participant_post(["Anna", "Ben"])
    data["order_reference"] = "PO-77"
    assert client.post(f"/account/book/{session.pk}/", data).status_code == 302
    booking = Booking.objects.get()
    assert booking.order_reference == "PO-77" and booking.invoices.get().order_reference == "PO-77"


def test_a_session_with_more_places_than_one_booking_may_hold_books(client, training, member):
    large = make_session(
        training, capacity=5000, first_date=timezone.localdate() + timedelta(days=30)
    )
    client.force_login(member.user)

    assert client.get(f"/account/book/{large.pk}/").status_code == 200
    response = client.post(f"/account/book/{large.pk}/", participant_post(["Dana Roth"]))

    assert response.status_code == 302
    assert Booking.objects.get(session=large).status == BookingStatus.CONFIRMED
