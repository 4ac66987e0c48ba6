"""Random input to every public form and to the Stripe webhook: the answer is 2xx, 3xx or 4xx,
never 5xx, and a refused request leaves nothing behind (property-based, hypothesis)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bookings.factories import MembershipFactory, UserFactory, participants
from bookings.models import (
    Attendance,
    Booking,
    InhouseRequest,
    Membership,
    Organisation,
    Participant,
    StripeEvent,
)
from bookings.services.bookings import booking_create
from catalogue.factories import make_session, make_training
from tests.trainers.helpers import accepted_assignment, confirmed_participants, past_session
from trainers.factories import make_trainer

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Any text a browser could send (no lone surrogates, which no browser can encode).
text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=250)
value = st.one_of(
    text,
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.dates().map(str),
    st.sampled_from(["", "0", "1", "-1", "on", "\x00", "2030-02-30", "9" * 40, "SN", "de"]),
)


def form_data(*fields):
    """Random values for the form's fields and for a few fields it does not have."""
    return st.dictionaries(st.sampled_from(fields) | text.filter(bool), value, max_size=12)


def counts(*models):
    return {model.__name__: model.objects.count() for model in models}


def check(response, before, after):
    assert response.status_code < 500
    if response.status_code >= 400:
        assert after == before, "a refused request changed data"


@pytest.fixture
def member_client(client):
    member = MembershipFactory()
    client.force_login(member.user)
    return client, member


@pytest.mark.django_db
@FUZZ
@given(data=form_data("email", "password1", "password2"))
def test_sign_up(client, data):
    before = counts(UserFactory._meta.model)
    response = client.post("/accounts/signup/", data)
    check(response, before, counts(UserFactory._meta.model))


@pytest.mark.django_db
@FUZZ
@given(
    data=form_data("name", "type", "state", "street", "postcode", "city", "leitweg_id", "vat_id")
)
def test_organisation(client, data):
    client.force_login(UserFactory())  # a new user each time, without an organisation
    before = counts(Organisation, Membership)
    response = client.post("/account/organisation/new/", data)
    check(response, before, counts(Organisation, Membership))


@pytest.fixture
def open_session(site_tree):
    return make_session(make_training(site_tree.index), capacity=5)


@pytest.mark.django_db
@FUZZ
@given(
    data=form_data(
        "form-TOTAL_FORMS",
        "form-INITIAL_FORMS",
        "form-0-name",
        "form-0-email",
        "form-0-function",
        "form-1-name",
        "form-1-function",
        "pay_by_invoice",
        "order_reference",
        "accept_terms",
        "colleagues_consent",
    ),
    seats=st.sampled_from(["1", "2", "0", "-3", "x", "1000"]),
)
def test_booking(member_client, open_session, data, seats):
    client, _member = member_client
    before = counts(Booking, Participant)
    response = client.post(f"/account/book/{open_session.pk}/?seats={seats}", data)
    check(response, before, counts(Booking, Participant))
    for booking in Booking.objects.all():
        assert booking.participants.count() == booking.seats


@pytest.mark.django_db
@FUZZ
@given(
    data=form_data(
        "form-TOTAL_FORMS",
        "form-INITIAL_FORMS",
        "form-0-id",
        "form-0-name",
        "form-0-email",
        "form-0-function",
    )
)
def test_participants_rename(member_client, open_session, data):
    client, member = member_client
    booking = Booking.objects.filter(organisation=member.organisation).first() or booking_create(
        session=open_session,
        organisation=member.organisation,
        participants=participants(1),
        by=member.user,
    )
    names = list(Participant.objects.order_by("pk").values_list("name", "email", "function"))
    response = client.post(f"/account/bookings/{booking.reference}/participants/", data)
    assert response.status_code < 500
    if response.status_code >= 400:
        assert list(
            Participant.objects.order_by("pk").values_list("name", "email", "function")
        ) == (names)


@pytest.mark.django_db
@FUZZ
@given(
    data=form_data(
        "training",
        "topic",
        "period_from",
        "period_to",
        "expected_participants",
        "delivery",
        "place",
        "message",
    )
)
def test_inhouse_request(member_client, site_tree, data):
    client, _member = member_client
    before = counts(InhouseRequest)
    response = client.post("/account/requests/new/", data)
    check(response, before, counts(InhouseRequest))


@pytest.fixture
def attendance_page(client, site_tree):
    training = make_training(site_tree.index)
    trainer = make_trainer(topic=training.topic)
    session = past_session(training)
    confirmed_participants(session, "Clara Vogel", "Deniz Kaya")
    assignment = accepted_assignment(session, trainer)
    occurrence = session.occurrences.order_by("start").first()
    client.force_login(trainer.user)
    return client, f"/account/trainer/assignments/{assignment.pk}/dates/{occurrence.pk}/attendance/"


@pytest.mark.django_db
@FUZZ
@given(data=st.data())
def test_attendance(attendance_page, data):
    client, url = attendance_page
    fields = [f"p{pk}" for pk in Participant.objects.values_list("pk", flat=True)]
    post = data.draw(form_data(*fields, "all_present"))
    before = list(Attendance.objects.order_by("pk").values_list("participant", "status"))
    response = client.post(url, post)
    assert response.status_code < 500
    if response.status_code >= 400:
        after = list(Attendance.objects.order_by("pk").values_list("participant", "status"))
        assert after == before


@pytest.mark.django_db
@FUZZ
@given(
    body=st.one_of(text, st.binary(max_size=500)),
    signature=st.one_of(st.none(), text, st.just("t=1,v1=00")),
)
def test_stripe_webhook(client, settings, body, signature):
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_test_secret"
    headers = {} if signature is None else {"HTTP_STRIPE_SIGNATURE": signature}
    response = client.post(
        "/stripe/webhook/", data=body, content_type="application/json", **headers
    )
    assert response.status_code == 400
    assert StripeEvent.objects.count() == 0
