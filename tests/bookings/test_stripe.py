"""Card payments through Stripe Checkout and the Stripe webhook, against a fake Stripe server
(tests/bookings/fake_stripe.py) with real HMAC signatures. No request leaves the machine."""

import math
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from bookings import stripe_client
from bookings.factories import MembershipFactory, OrganisationFactory, participants
from bookings.models import (
    Booking,
    BookingStatus,
    Notification,
    OrganisationType,
    PaymentMethod,
    PaymentStatus,
    StripeEvent,
)
from bookings.services.bookings import booking_cancel, booking_create, session_cancel
from bookings.services.invoices import amount_due
from bookings.services.payments import checkout_start
from bookings.services.seats import holds_expire
from catalogue.models import Session
from tests.bookings.fake_stripe import (
    SECRET_KEY,
    WEBHOOK_SECRET,
    FakeStripe,
    event_payload,
    sign,
)
from tests.bookings.locking import session_lock_held

pytestmark = pytest.mark.django_db

PRICE = Decimal("120.00")


@pytest.fixture
def fake_stripe(settings):
    fake = FakeStripe()
    fake.start()
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = fake.url
    yield fake
    fake.stop()


@pytest.fixture
def paid_session(session):
    training = session.training
    training.price_companies = PRICE
    training.save()
    return session


@pytest.fixture
def company(db):
    return MembershipFactory(organisation=OrganisationFactory(type=OrganisationType.SME))


@pytest.fixture
def post_event(client, django_capture_on_commit_callbacks):
    """Deliver a signed event to the webhook; what it leaves for after commit runs too."""

    def post(event_type, obj, *, event_id=None, payload=None, **signing):
        payload = (
            payload if payload is not None else event_payload(event_type, obj, event_id=event_id)
        )
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                "/stripe/webhook/",
                data=payload,
                content_type="application/json",
                HTTP_STRIPE_SIGNATURE=sign(payload, **signing),
            )

    return post


def hold(session, member, count=2):
    booking = booking_create(
        session=session,
        organisation=member.organisation,
        participants=participants(count),
        by=member.user,
    )
    assert booking.status == BookingStatus.HELD
    return booking


def start_checkout(booking) -> str:
    checkout_start(
        booking=booking,
        title="Interkulturelle Kompetenz",
        email="booker@example.org",
        locale="de",
        success_url="https://iq.example/ok",
        cancel_url="https://iq.example/cancelled",
    )
    return Booking.objects.get(pk=booking.pk).stripe_checkout_id


def pay(fake, post_event, booking, **kwargs) -> str:
    """Book → Checkout → paid → completed event: a booking paid by card."""
    checkout_id = start_checkout(booking)
    intent = fake.pay(checkout_id, **kwargs)
    assert post_event("checkout.session.completed", fake.checkouts[checkout_id]).status_code == 200
    return intent


def lapse(booking):
    Booking.objects.filter(pk=booking.pk).update(
        hold_expires_at=timezone.now() - timedelta(minutes=1)
    )


def statuses(booking):
    return [
        (entry.data["from"], entry.data["to"])
        for entry in ModelLogEntry.objects.filter(
            object_id=str(booking.pk), action="iq.booking.status"
        ).order_by("pk")
    ]


def notified(booking, kind):
    return Notification.objects.filter(booking=booking, kind=kind).exists()


def booking_post(names):
    data = {
        "form-TOTAL_FORMS": str(len(names)),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "1",
        "form-MAX_NUM_FORMS": "30",
        "accept_terms": "on",
        "colleagues_consent": "on",
    }
    for number, name in enumerate(names):
        data |= {f"form-{number}-name": name, f"form-{number}-function": "employee"}
    return data


# --- Checkout and confirmation ------------------------------------------------------------------


def test_booking_paid_by_card_is_confirmed_by_the_webhook(
    client, paid_session, company, fake_stripe, post_event
):
    client.force_login(company.user)
    response = client.post(f"/account/book/{paid_session.pk}/", booking_post(["Ada", "Ben"]))
    booking = Booking.objects.get()
    assert booking.status == BookingStatus.HELD
    assert booking.payment_method == PaymentMethod.CARD
    assert response["Location"] == f"/account/bookings/{booking.reference}/pay/"

    response = client.get(response["Location"])
    assert response.status_code == 303
    [created] = fake_stripe.posted("/v1/checkout/sessions")
    checkout = fake_stripe.checkouts[Booking.objects.get().stripe_checkout_id]
    assert response["Location"] == checkout["url"]
    params = created.params
    assert params["line_items[0][quantity]"] == "2"
    assert params["line_items[0][price_data][unit_amount]"] == "12000"
    assert params["line_items[0][price_data][currency]"] == "eur"
    assert params["line_items[0][price_data][product_data][name]"] == paid_session.training.title
    assert params["metadata[booking_reference]"] == booking.reference
    assert params["metadata[booking_id]"] == str(booking.pk)
    assert params["metadata[session_id]"] == str(paid_session.pk)
    assert params["client_reference_id"] == booking.reference
    assert params["customer_email"] == company.user.email
    assert params["success_url"].endswith(f"/account/bookings/{booking.reference}/?payment=done")
    assert created.idempotency_key.startswith(f"checkout-{booking.pk}-")
    # Stripe wants 30 minutes at least; the 30-minute hold is shorter.
    assert int(params["expires_at"]) >= time.time() + 30 * 60

    # A second click on "Pay now" returns to the same open Checkout Session.
    assert client.get(f"/account/bookings/{booking.reference}/pay/")["Location"] == checkout["url"]
    assert len(fake_stripe.posted("/v1/checkout/sessions")) == 1

    intent = fake_stripe.pay(checkout["id"])
    response = post_event("checkout.session.completed", checkout)
    assert response.status_code == 200
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_status == PaymentStatus.PAID
    assert booking.stripe_payment_intent == intent
    assert statuses(booking) == [("", "held"), ("held", "confirmed")]
    assert Session.objects.get(pk=paid_session.pk).seats_taken == 2
    # Invoiced at payment and settled by it.
    invoice = booking.invoices.get()
    assert invoice.gross_total == Decimal("240.00") and amount_due(invoice) == 0
    assert invoice.payments.get().reference == intent

    page = client.get(f"/account/bookings/{booking.reference}/?payment=done").content.decode()
    assert "Ihre Zahlung ist eingegangen" in page
    assert "Jetzt bezahlen" not in page


def test_return_from_checkout_before_the_webhook_says_payment_is_being_confirmed(
    client, paid_session, company, fake_stripe
):
    booking = hold(paid_session, company)
    client.force_login(company.user)

    page = client.get(f"/account/bookings/{booking.reference}/").content.decode()
    assert "Jetzt bezahlen" in page
    assert "Ihre Plätze sind für Sie reserviert bis" in page

    page = client.get(f"/account/bookings/{booking.reference}/?payment=done").content.decode()
    assert "Ihre Zahlung wird bestätigt" in page
    assert "Jetzt bezahlen" not in page

    page = client.get(f"/account/bookings/{booking.reference}/?payment=cancelled").content.decode()
    assert "Die Zahlung wurde abgebrochen" in page
    assert "Jetzt bezahlen" in page


def test_the_payment_link_is_only_for_the_own_organisation(
    client, paid_session, company, fake_stripe
):
    booking = hold(paid_session, company)
    client.force_login(MembershipFactory().user)

    assert client.get(f"/account/bookings/{booking.reference}/pay/").status_code == 404
    assert fake_stripe.requests == []


def test_completed_but_unpaid_waits_for_the_asynchronous_payment(
    paid_session, company, fake_stripe, post_event
):
    booking = hold(paid_session, company)
    checkout_id = start_checkout(booking)
    fake_stripe.pay(checkout_id, asynchronous=True)
    # The payload is not trusted: it says "paid", Stripe says "unpaid".
    claimed = {**fake_stripe.checkouts[checkout_id], "payment_status": "paid"}

    assert post_event("checkout.session.completed", claimed).status_code == 200
    booking.refresh_from_db()
    assert booking.status == BookingStatus.HELD
    assert booking.payment_status == PaymentStatus.PENDING

    fake_stripe.settle(checkout_id, succeeded=True)
    post_event("checkout.session.async_payment_succeeded", fake_stripe.checkouts[checkout_id])
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_status == PaymentStatus.PAID


def test_failed_asynchronous_payment_releases_the_hold_and_moves_the_waiting_list_up(
    paid_session, company, fake_stripe, post_event
):
    Session.objects.filter(pk=paid_session.pk).update(capacity=2)
    booking = hold(paid_session, company, 2)
    waiting = booking_create(
        session=paid_session,
        organisation=MembershipFactory(
            organisation=OrganisationFactory(type=OrganisationType.SME)
        ).organisation,
        participants=participants(1),
        by=None,
    )
    assert waiting.status == BookingStatus.WAITLISTED
    checkout_id = start_checkout(booking)
    fake_stripe.pay(checkout_id, asynchronous=True)
    post_event("checkout.session.completed", fake_stripe.checkouts[checkout_id])
    fake_stripe.settle(checkout_id, succeeded=False)

    post_event("checkout.session.async_payment_failed", fake_stripe.checkouts[checkout_id])

    booking.refresh_from_db()
    waiting.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
    assert notified(booking, "payment_failed")
    assert waiting.status == BookingStatus.HELD
    assert waiting.hold_expires_at > timezone.now() + timedelta(hours=47)


def test_expired_checkout_releases_the_hold(paid_session, company, fake_stripe, post_event):
    booking = hold(paid_session, company)
    checkout_id = start_checkout(booking)
    fake_stripe.expire(checkout_id)

    post_event("checkout.session.expired", fake_stripe.checkouts[checkout_id])

    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
    assert Session.objects.get(pk=paid_session.pk).seats_taken == 0


def test_waiting_list_offer_outlives_its_checkout_and_gets_a_new_one(
    client, paid_session, company, fake_stripe, post_event
):
    """The offer's payment link is valid for 48 hours, a Checkout Session for 24 at most."""
    booking = hold(paid_session, company)
    offer_end = timezone.now() + timedelta(hours=48)
    Booking.objects.filter(pk=booking.pk).update(hold_expires_at=offer_end)
    client.force_login(company.user)

    first = client.get(f"/account/bookings/{booking.reference}/pay/")["Location"]
    [created] = fake_stripe.posted("/v1/checkout/sessions")
    assert int(created.params["expires_at"]) <= time.time() + 24 * 3600
    checkout_id = Booking.objects.get(pk=booking.pk).stripe_checkout_id
    fake_stripe.expire(checkout_id)
    post_event("checkout.session.expired", fake_stripe.checkouts[checkout_id])
    booking.refresh_from_db()
    assert booking.status == BookingStatus.HELD
    assert booking.hold_expires_at == offer_end

    second = client.get(f"/account/bookings/{booking.reference}/pay/")["Location"]
    assert second != first
    assert len(fake_stripe.posted("/v1/checkout/sessions")) == 2


def test_checkout_lives_with_the_hold_within_stripes_limits():
    now = timezone.now()
    assert (
        stripe_client.checkout_expiry(now + timedelta(minutes=30), now)
        >= (now + timedelta(minutes=30)).timestamp()
    )
    assert (
        stripe_client.checkout_expiry(now + timedelta(hours=48), now)
        <= (now + timedelta(hours=24)).timestamp()
    )
    offer_end = now + timedelta(hours=5)
    assert stripe_client.checkout_expiry(offer_end, now) == math.ceil(offer_end.timestamp())
    assert stripe_client.checkout_expiry(offer_end, now + timedelta(seconds=1)) == (
        stripe_client.checkout_expiry(offer_end, now)
    )


# --- Repeats, order, forgeries --------------------------------------------------------------


def test_a_repeated_event_changes_nothing(paid_session, company, fake_stripe, post_event):
    booking = hold(paid_session, company)
    checkout_id = start_checkout(booking)
    fake_stripe.pay(checkout_id)
    checkout = fake_stripe.checkouts[checkout_id]

    first = post_event("checkout.session.completed", checkout, event_id="evt_once")
    second = post_event("checkout.session.completed", checkout, event_id="evt_once")
    # Another event about the same payment changes nothing either.
    third = post_event("checkout.session.async_payment_succeeded", checkout)

    assert [r.status_code for r in (first, second, third)] == [200, 200, 200]
    assert second.content == b"Ignored."
    assert StripeEvent.objects.filter(event_id="evt_once").count() == 1
    assert statuses(booking) == [("", "held"), ("held", "confirmed")]
    assert fake_stripe.posted("/v1/refunds") == []


def test_expired_after_completed_changes_nothing(paid_session, company, fake_stripe, post_event):
    booking = hold(paid_session, company)
    pay(fake_stripe, post_event, booking)
    checkout = fake_stripe.checkouts[Booking.objects.get().stripe_checkout_id]

    # Stripe says the session is complete, whatever the event says.
    post_event("checkout.session.expired", {**checkout, "status": "expired"})

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_status == PaymentStatus.PAID


def test_completed_after_expired_confirms_while_the_seats_are_free(
    paid_session, company, fake_stripe, post_event
):
    booking = hold(paid_session, company)
    abandoned = start_checkout(booking)
    other_tab = fake_stripe.add_checkout(like=abandoned)
    lapse(booking)
    fake_stripe.expire(abandoned)
    post_event("checkout.session.expired", fake_stripe.checkouts[abandoned])
    assert Booking.objects.get().status == BookingStatus.EXPIRED

    fake_stripe.pay(other_tab)
    post_event("checkout.session.completed", fake_stripe.checkouts[other_tab])

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_status == PaymentStatus.PAID
    assert statuses(booking)[-2:] == [("held", "expired"), ("expired", "confirmed")]


def test_forged_signature_is_refused(client, paid_session, company, fake_stripe):
    booking = hold(paid_session, company)
    checkout_id = start_checkout(booking)
    fake_stripe.pay(checkout_id)
    payload = event_payload("checkout.session.completed", fake_stripe.checkouts[checkout_id])
    before = len(fake_stripe.requests)

    for header in (sign(payload, secret="whsec_someone_else"), "t=1,v1=00", "", "garbage"):
        response = client.post(
            "/stripe/webhook/",
            data=payload,
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=header,
        )
        assert response.status_code == 400
    # A valid signature over another body does not sign this one.
    response = client.post(
        "/stripe/webhook/",
        data=payload.replace("complete", "completE"),
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=sign(payload),
    )
    assert response.status_code == 400
    assert Booking.objects.get().status == BookingStatus.HELD
    assert not StripeEvent.objects.exists()
    assert len(fake_stripe.requests) == before


def test_stale_signature_is_refused(paid_session, company, fake_stripe, post_event):
    booking = hold(paid_session, company)
    checkout_id = start_checkout(booking)
    fake_stripe.pay(checkout_id)

    response = post_event(
        "checkout.session.completed",
        fake_stripe.checkouts[checkout_id],
        timestamp=int(time.time()) - 301,
    )

    assert response.status_code == 400
    assert Booking.objects.get().status == BookingStatus.HELD
    assert not StripeEvent.objects.exists()


@pytest.mark.parametrize("payload", ["not json", "[]", '{"id": "evt_1"}', '{"id": 1, "type": 2}'])
def test_malformed_body_is_refused(fake_stripe, post_event, payload):
    assert post_event("", {}, payload=payload).status_code == 400
    assert not StripeEvent.objects.exists()


def test_other_events_are_ignored(fake_stripe, post_event):
    response = post_event("customer.created", {"id": "cus_1", "object": "customer"})
    assert response.status_code == 200
    assert not StripeEvent.objects.exists()
    assert fake_stripe.requests == []


def test_webhook_refuses_get(client, fake_stripe):
    assert client.get("/stripe/webhook/").status_code == 405


@pytest.mark.django_db(transaction=True)
def test_busy_session_answers_503_and_the_retry_applies_the_event(
    client, site_tree, settings, fake_stripe
):
    from catalogue.factories import make_session, make_training

    settings.BOOKING_LOCK_TIMEOUT = "200ms"
    session = make_session(
        make_training(site_tree.index, price_companies=PRICE),
        first_date=timezone.localdate() + timedelta(days=20),
    )
    company = MembershipFactory(organisation=OrganisationFactory(type=OrganisationType.SME))
    booking = hold(session, company)
    checkout_id = start_checkout(booking)
    fake_stripe.pay(checkout_id)
    payload = event_payload(
        "checkout.session.completed", fake_stripe.checkouts[checkout_id], event_id="evt_busy"
    )

    def deliver():
        return client.post(
            "/stripe/webhook/",
            data=payload,
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=sign(payload),
        )

    with session_lock_held(session):
        assert deliver().status_code == 503
    assert not StripeEvent.objects.exists()
    assert Booking.objects.get().status == BookingStatus.HELD

    assert deliver().status_code == 200
    assert Booking.objects.get().status == BookingStatus.CONFIRMED
    assert StripeEvent.objects.filter(event_id="evt_busy").exists()


# --- Payment after the hold ran out ---------------------------------------------------------


def test_payment_after_the_hold_expired_is_confirmed_when_the_seats_are_free(
    paid_session, company, fake_stripe, post_event
):
    booking = hold(paid_session, company)
    checkout_id = start_checkout(booking)
    lapse(booking)
    assert holds_expire(session=paid_session) == 1

    fake_stripe.pay(checkout_id)
    post_event("checkout.session.completed", fake_stripe.checkouts[checkout_id])

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_status == PaymentStatus.PAID
    assert Session.objects.get(pk=paid_session.pk).seats_taken == 2
    assert fake_stripe.posted("/v1/refunds") == []


def test_payment_after_the_hold_expired_is_refunded_when_the_seats_are_gone(
    paid_session, company, fake_stripe, post_event
):
    booking = hold(paid_session, company, 2)
    checkout_id = start_checkout(booking)
    lapse(booking)  # not yet marked expired: the payment finds the lapsed hold
    others = MembershipFactory(organisation=OrganisationFactory(type=OrganisationType.SME))
    booking_create(
        session=paid_session,
        organisation=others.organisation,
        participants=participants(9),
        by=None,
    )

    intent = fake_stripe.pay(checkout_id)
    post_event("checkout.session.completed", fake_stripe.checkouts[checkout_id])

    [refund] = fake_stripe.posted("/v1/refunds")
    assert refund.params == {"payment_intent": intent, "amount": "24000"}
    assert refund.idempotency_key == f"refund-{intent}-unapplied"
    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
    assert booking.refunded_amount == Decimal("240.00")
    assert booking.payment_status == PaymentStatus.REFUNDED
    assert notified(booking, "late_payment_refunded")
    assert not notified(booking, "refunded")

    # Stripe's charge.refunded for that refund, and a repeat of the payment, change nothing.
    post_event("charge.refunded", fake_stripe.charges[fake_stripe.intents[intent]["latest_charge"]])
    post_event("checkout.session.completed", fake_stripe.checkouts[checkout_id])
    assert len(fake_stripe.posted("/v1/refunds")) == 1
    assert Booking.objects.get(pk=booking.pk).refunded_amount == Decimal("240.00")


def test_payment_for_a_cancelled_booking_is_refunded(
    paid_session, company, fake_stripe, post_event
):
    booking = hold(paid_session, company)
    checkout_id = start_checkout(booking)
    booking_cancel(booking=booking, by=company.user)

    fake_stripe.pay(checkout_id)
    post_event("checkout.session.completed", fake_stripe.checkouts[checkout_id])

    [refund] = fake_stripe.posted("/v1/refunds")
    assert refund.params["amount"] == "24000"
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert booking.payment_status == PaymentStatus.REFUNDED


# --- Refunds ----------------------------------------------------------------------------------


def test_charge_refunded_records_the_refunded_total(paid_session, company, fake_stripe, post_event):
    booking = hold(paid_session, company)
    intent = pay(fake_stripe, post_event, booking)
    charge_id = fake_stripe.intents[intent]["latest_charge"]

    fake_stripe.refund(intent, 5000)  # in the Stripe dashboard
    post_event("charge.refunded", fake_stripe.charges[charge_id])
    booking.refresh_from_db()
    assert booking.refunded_amount == Decimal("50.00")
    invoice = booking.invoices.get(kind="380")
    assert invoice.credit_notes.get().gross_total == Decimal("50.00")  # the refund, credited
    assert amount_due(invoice) == 0
    assert booking.payment_status == PaymentStatus.PAID
    assert notified(booking, "refunded")

    fake_stripe.refund(intent, 19000)
    later = fake_stripe.charges[charge_id]
    post_event("charge.refunded", later)
    post_event("charge.refunded", later)  # again, as another event
    booking.refresh_from_db()
    assert booking.refunded_amount == Decimal("240.00")
    assert booking.payment_status == PaymentStatus.REFUNDED
    assert Notification.objects.filter(booking=booking, kind="refunded").count() == 2


def test_booker_cancelling_before_the_deadline_gets_the_full_price_back(
    client, paid_session, company, fake_stripe, post_event, django_capture_on_commit_callbacks
):
    booking = hold(paid_session, company)
    intent = pay(fake_stripe, post_event, booking)
    client.force_login(company.user)

    url = f"/account/bookings/{booking.reference}/cancel/"
    terms = client.get(url, {"all": "1"}).content.decode()
    assert "100 % des Preises werden auf die Karte erstattet" in terms and "240,00 €" in terms
    assert not fake_stripe.posted("/v1/refunds")  # the first step changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"all": "1"})

    [refund] = fake_stripe.posted("/v1/refunds")
    assert refund.params == {"payment_intent": intent, "amount": "24000"}
    assert refund.idempotency_key.startswith(f"refund-{booking.pk}-")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert booking.refunded_amount == Decimal("240.00")
    assert booking.payment_status == PaymentStatus.REFUNDED
    assert notified(booking, "refunded")
    invoice = booking.invoices.get(kind="380")  # credited once (the cancellation), settled
    assert [note.gross_total for note in invoice.credit_notes.all()] == [Decimal("240.00")]
    assert amount_due(invoice) == 0


def test_cancelling_one_participant_refunds_that_seats_share_by_policy(
    paid_session, company, fake_stripe, post_event, django_capture_on_commit_callbacks
):
    training = paid_session.training
    training.refund_before_deadline = 50
    training.save()
    booking = hold(paid_session, company)
    pay(fake_stripe, post_event, booking)
    first = booking.participants.first()

    with django_capture_on_commit_callbacks(execute=True):
        booking_cancel(booking=booking, by=company.user, participant_ids=[first.pk])

    [refund] = fake_stripe.posted("/v1/refunds")
    assert refund.params["amount"] == "6000"
    booking.refresh_from_db()
    assert booking.refunded_amount == Decimal("60.00")
    assert booking.payment_status == PaymentStatus.PAID


def test_staff_cancelling_after_the_deadline_refund_the_after_deadline_share(
    paid_session, company, fake_stripe, post_event, django_capture_on_commit_callbacks
):
    training = paid_session.training
    training.refund_after_deadline = 25
    training.save()
    booking = hold(paid_session, company)
    pay(fake_stripe, post_event, booking)
    Session.objects.filter(pk=paid_session.pk).update(
        booking_deadline=timezone.localdate() - timedelta(days=1)
    )

    with django_capture_on_commit_callbacks(execute=True):
        booking_cancel(booking=booking, by=None, as_staff=True)

    [refund] = fake_stripe.posted("/v1/refunds")
    assert refund.params["amount"] == "6000"  # 25 % of 2 × 120 €
    booking.refresh_from_db()
    assert booking.refunded_amount == Decimal("60.00")
    assert booking.payment_status == PaymentStatus.PAID


def test_no_refund_when_the_policy_gives_nothing_back(
    paid_session, company, fake_stripe, post_event, django_capture_on_commit_callbacks
):
    booking = hold(paid_session, company)
    pay(fake_stripe, post_event, booking)
    Session.objects.filter(pk=paid_session.pk).update(
        booking_deadline=timezone.localdate() - timedelta(days=1)
    )

    with django_capture_on_commit_callbacks(execute=True):
        booking_cancel(booking=booking, by=None, as_staff=True)  # default: 0 % after

    assert fake_stripe.posted("/v1/refunds") == []
    assert Booking.objects.get().refunded_amount == Decimal("0.00")


def test_cancelled_session_is_refunded_in_full(
    paid_session, company, fake_stripe, post_event, django_capture_on_commit_callbacks
):
    training = paid_session.training
    training.refund_before_deadline = 0
    training.save()
    paid = hold(paid_session, company, 3)
    intent = pay(fake_stripe, post_event, paid)
    still_held = hold(
        paid_session, MembershipFactory(organisation=OrganisationFactory(type=OrganisationType.SME))
    )

    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(session=paid_session, by=None)

    [refund] = fake_stripe.posted("/v1/refunds")
    assert refund.params == {"payment_intent": intent, "amount": "36000"}
    paid.refresh_from_db()
    assert paid.payment_status == PaymentStatus.REFUNDED
    assert paid.refunded_amount == Decimal("360.00")
    assert Booking.objects.get(pk=still_held.pk).refunded_amount == Decimal("0.00")


# --- Without keys -----------------------------------------------------------------------------


def test_without_stripe_keys_paid_trainings_are_invoiced(client, paid_session, company, settings):
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_WEBHOOK_SECRET = ""
    client.force_login(company.user)

    page = client.get(f"/account/book/{paid_session.pk}/").content.decode()
    assert "Kartenzahlung ist derzeit nicht möglich" in page
    response = client.post(f"/account/book/{paid_session.pk}/", booking_post(["Ada"]))

    booking = Booking.objects.get()
    assert response["Location"] == f"/account/bookings/{booking.reference}/"
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_method == PaymentMethod.INVOICE
    assert booking.payment_status == PaymentStatus.PENDING
    response = client.get(f"/account/bookings/{booking.reference}/pay/")
    assert response["Location"] == f"/account/bookings/{booking.reference}/"
    payload = event_payload("checkout.session.completed", {"id": "cs_1"})
    response = client.post(
        "/stripe/webhook/",
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=sign(payload, secret=""),
    )
    assert response.status_code == 400


def test_public_bodies_may_pay_by_invoice_instead(client, session, member, fake_stripe):
    training = session.training
    training.price_administration = PRICE
    training.save()
    client.force_login(member.user)

    assert "Zahlung per Rechnung" in client.get(f"/account/book/{session.pk}/").content.decode()
    response = client.post(
        f"/account/book/{session.pk}/", booking_post(["Ada"]) | {"pay_by_invoice": "on"}
    )

    booking = Booking.objects.get()
    assert response["Location"] == f"/account/bookings/{booking.reference}/"
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_method == PaymentMethod.INVOICE
    assert booking.payment_status == PaymentStatus.PENDING
    assert fake_stripe.requests == []
