"""Bookers in a real browser: sign up, verify, create the organisation, book; pay by card."""

import re
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from bookings.factories import MembershipFactory, OrganisationFactory
from bookings.models import Booking, BookingStatus, OrganisationType, PaymentStatus
from catalogue.factories import make_session, make_training
from tests.bookings.fake_stripe import SECRET_KEY, WEBHOOK_SECRET, FakeStripe
from tests.e2e.helpers import PASSWORD, link_in, log_in, t, verified_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def free_session(site_tree):
    training = make_training(site_tree.index, title="Grundlagen interkultureller Kompetenz")
    return make_session(training, capacity=10)


def test_new_user_signs_up_verifies_creates_organisation_and_books(
    page, free_session, mailoutbox, screenshot
):
    training = free_session.training
    page.goto(f"{training.url}sessions/{free_session.pk}/")
    page.get_by_role("link", name=t("Book seats")).click()
    # Not logged in: the login page offers sign-up and keeps where the user wanted to go.
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    page.locator("main a[href*='/accounts/signup/']").first.click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/\?next=.*book"))
    page.get_by_label(t("First name")).fill("Aylin")
    page.get_by_label(t("Last name")).fill("Demir")
    page.get_by_label("E-Mail").fill("neu@jobcenter-leipzig.example")
    page.locator("input[type=password]").nth(0).fill(PASSWORD)
    page.locator("input[type=password]").nth(1).fill(PASSWORD)
    page.locator("main form button[type=submit]").click()

    expect(page.locator("main")).to_contain_text("neu@jobcenter-leipzig.example")
    assert len(mailoutbox) == 1
    confirm_url = link_in(mailoutbox[0].body)
    assert mailoutbox[0].body.startswith("Guten Tag Aylin Demir,")
    assert mailoutbox[0].subject.startswith(t("IQ trainings") + ":")
    page.goto(urlsplit(confirm_url).path)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".greeting")).to_have_text(t("Hello, %(name)s") % {"name": "Aylin Demir"})

    page.goto(f"/account/book/{free_session.pk}/")
    # A member needs an organisation first; afterwards the booking page comes back.
    page.locator("#id_name").fill("Jobcenter Leipzig")
    page.locator("#id_type").select_option("job_centre")
    page.locator("#id_state").select_option("SN")
    page.locator("#id_street").fill("Georg-Schumann-Straße 150")
    page.locator("#id_postcode").fill("04159")
    page.locator("#id_city").fill("Leipzig")
    page.locator("main form button[type=submit]").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(t("Book seats"))
    page.locator("#id_form-0-name").fill("Aylin Demir")
    page.locator("#id_form-0-function").select_option("manager")
    screenshot("booker-book")
    page.locator("#id_accept_terms").check()
    page.locator("#id_colleagues_consent").check()
    page.get_by_role("button", name=t("Book now")).click()

    booking = Booking.objects.get()
    expect(page).to_have_url(
        f"{page.url.split('/account/')[0]}/account/bookings/{booking.reference}/"
    )
    expect(page.locator("main")).to_contain_text(t("confirmed"))
    screenshot("booker-booking-confirmed")
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.organisation.name == "Jobcenter Leipzig"
    assert [p.name for p in booking.participants.all()] == ["Aylin Demir"]


@pytest.fixture
def fake_stripe(settings, live_server):
    fake = FakeStripe()
    fake.webhook_url = f"{live_server.url}/stripe/webhook/"
    fake.start()
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = fake.url
    yield fake
    fake.stop()


def test_member_pays_a_paid_training_through_checkout_and_sees_it_confirmed(
    page, site_tree, fake_stripe
):
    training = make_training(
        site_tree.index, title="Vielfalt im Betrieb", price_companies=Decimal("150.00")
    )
    session = make_session(training, capacity=5)
    user = verified_user("personal@handwerk-mueller.example")
    MembershipFactory(
        user=user, organisation=OrganisationFactory(name="Müller GmbH", type=OrganisationType.SME)
    )

    log_in(page, user.email, next_path=f"/account/book/{session.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Book seats"))
    page.locator("#id_form-0-name").fill("Jonas Müller")
    page.locator("#id_accept_terms").check()
    page.locator("#id_colleagues_consent").check()
    page.get_by_role("button", name=t("Book now")).click()

    # Our pay page sends the browser to (fake) Stripe Checkout; paying there sends the webhook.
    expect(page.get_by_role("heading", name="Pay 150.00 EUR")).to_be_visible()
    page.get_by_role("button", name="Pay").click()

    booking = Booking.objects.get()
    expect(page).to_have_url(re.compile(f"/account/bookings/{booking.reference}/"))
    expect(page.locator("main")).to_contain_text(t("confirmed"))
    expect(page.locator("main")).not_to_contain_text(t("held, awaiting payment"))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_status == PaymentStatus.PAID


def test_booker_cancels_one_participant_after_seeing_what_it_means(page, free_session, screenshot):
    from bookings.services.bookings import ParticipantData, booking_create

    user = verified_user("storno@jobcenter.example")
    member = MembershipFactory(user=user)
    booking = booking_create(
        session=free_session,
        organisation=member.organisation,
        participants=[
            ParticipantData(name=name, function="employee", email="")
            for name in ("Aylin Demir", "Jonas Weber")
        ],
        by=user,
    )
    log_in(page, user.email, f"/account/bookings/{booking.reference}/")
    # Nothing ticked is never the whole booking.
    page.get_by_role("button", name=t("Cancel the chosen participants…")).click()
    expect(page.locator("main")).to_contain_text(
        t("Choose whom to cancel: tick the participants first.")
    )
    page.get_by_label(t("Choose %(name)s") % {"name": "Jonas Weber"}).check()
    page.get_by_role("button", name=t("Cancel the chosen participants…")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("1")
    expect(page.locator("main li")).to_have_text(["Jonas Weber"])
    expect(page.locator("main")).to_contain_text(
        t("The training is free of charge: cancelling costs nothing.")
    )
    danger = page.locator("button.button-danger")
    color = danger.evaluate("b => getComputedStyle(b).backgroundColor")
    assert color == "rgb(164, 38, 44)"
    screenshot("booker-cancel-confirm")
    danger.click()
    expect(page.locator("main")).to_contain_text(t("The cancellation has been saved."))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED and booking.seats == 1
    assert list(
        booking.participants.filter(cancelled_at__isnull=True).values_list("name", flat=True)
    ) == ["Aylin Demir"]
