"""Certificates of attendance: the rule, the PDF read back with pypdf, who may download it, and
the public verification page."""

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from pypdf import PdfReader

from bookings.certificates import certificate_is_genuine, participants_with_certificate
from bookings.factories import MembershipFactory, UserFactory
from bookings.models import BookingStatus, Certificate
from catalogue.factories import make_training, translate_training
from catalogue.models.sessions import SessionStatus
from tests.bookings.statistics_data import administration, attend, book, held_session
from trainers.factories import TrainerFactory
from trainers.models import Assignment

P, A, E = "present", "absent", "excused"
DATES = (date(2030, 1, 7), date(2030, 1, 8), date(2030, 1, 9), date(2030, 1, 10))


@pytest.fixture
def course(site_tree):
    """A four-day training that needs three dates in four for a certificate."""
    training = make_training(
        site_tree.index,
        title="Kultursensible Beratung",
        units=24,
        days=4,
        certificate_share=Decimal("0.75"),
    )
    translate_training(training, "en", title="Culturally sensitive counselling")
    return held_session(training, *DATES)


@pytest.fixture
def booker(db):
    return MembershipFactory(organisation=administration(name="Jobcenter Leipzig"))


@pytest.fixture
def attendee(course, booker):
    (participant,) = book(course, booker.organisation, "employee")
    participant.name = "Şükrü Łukasiewicz-Müller"
    participant.save()
    attend(participant, P, P, E, P)
    return participant


@pytest.fixture
def trainer(course):
    """The session's lead trainer (accepted), a co-trainer, and one who has not answered."""
    lead = TrainerFactory(name="Dr. Ada Beispiel", user__username="trainerin")
    Assignment.objects.create(session=course, trainer=lead, role="lead", status="accepted")
    co = TrainerFactory(name="Ben Zweiter")
    Assignment.objects.create(session=course, trainer=co, role="co", status="accepted")
    pending = TrainerFactory(name="Cem Offen", user__username="offen")
    Assignment.objects.create(session=course, trainer=pending, role="co", status="pending")
    return lead.user


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_rule_needs_the_training_share_of_dates(course, booker):
    three, two, excused, cancelled = book(course, booker.organisation, *["employee"] * 4)
    attend(three, P, A, P, P)
    attend(two, P, P, A, A)
    attend(excused, P, P, E, E)
    attend(cancelled, P, P, P, P)
    cancelled.cancelled_at = course.starts_at
    cancelled.save()

    assert set(participants_with_certificate()) == {three}


def test_dates_cancelled_do_not_count_either_way(site_tree, booker):
    training = make_training(site_tree.index, certificate_share=Decimal("1.00"))
    session = held_session(training, *DATES[:3], cancelled=(DATES[2],))
    all_dates, first_only = book(session, booker.organisation, "employee", "manager")
    attend(all_dates, P, P, A)
    attend(first_only, P, A, P)

    assert set(participants_with_certificate()) == {all_dates}


@pytest.mark.parametrize("status", [SessionStatus.OPEN, SessionStatus.CANCELLED])
def test_only_held_sessions_give_certificates(site_tree, booker, status):
    session = held_session(make_training(site_tree.index), DATES[0], status=status)
    (participant,) = book(session, booker.organisation, "employee")
    attend(participant, P)

    assert not participants_with_certificate().exists()


def test_only_confirmed_bookings_give_certificates(course, booker):
    (participant,) = book(course, booker.organisation, "employee", status=BookingStatus.CANCELLED)
    attend(participant, P, P, P, P)

    assert not participants_with_certificate().exists()


def test_the_german_pdf(client, booker, attendee, trainer):
    client.force_login(booker.user)

    response = client.get(f"/account/certificates/{attendee.pk}/")

    text = pdf_text(response)
    code = Certificate.objects.get(participant=attendee).code
    assert "Teilnahmebescheinigung" in text
    assert "Şükrü Łukasiewicz-Müller" in text
    assert "Kultursensible Beratung" in text
    assert "7. Januar 2030, 09:00–16:00" in text
    assert "8. Januar 2030" in text
    assert "9. Januar 2030" not in text  # excused that day
    assert "24 UE" in text
    assert "Dr. Ada Beispiel, Ben Zweiter" in text
    assert "Cem Offen" not in text
    assert re.sub(r"(.{4})(?!$)", r"\1-", code) in text
    assert "http://testserver/certificates/verify/" in text
    assert 'filename="teilnahmebescheinigung-' in response["Content-Disposition"]


def test_the_english_pdf_and_the_same_code_every_time(client, booker, attendee):
    client.force_login(booker.user)

    first = pdf_text(client.get(f"/en/account/certificates/{attendee.pk}/"))
    second = pdf_text(client.get(f"/en/account/certificates/{attendee.pk}/"))

    code = Certificate.objects.get(participant=attendee).code
    assert "Certificate of attendance" in first
    assert "Culturally sensitive counselling" in first
    assert "7 January 2030" in first
    assert "24 UE" in first
    assert "http://testserver/en/certificates/verify/" in first
    assert code[:4] in first and code[:4] in second
    assert Certificate.objects.count() == 1


def test_the_booking_page_links_the_certificates(client, booker, attendee):
    client.force_login(booker.user)

    page = client.get(f"/account/bookings/{attendee.booking.reference}/").content.decode()

    assert f'href="/account/certificates/{attendee.pk}/"' in page
    assert f'href="/en/account/certificates/{attendee.pk}/"' in page


def test_the_sessions_trainer_may_download(client, attendee, trainer):
    client.force_login(trainer)

    response = client.get(f"/account/certificates/{attendee.pk}/")

    assert response.status_code == 200
    assert "Şükrü" in pdf_text(response)


def test_anyone_else_gets_404(client, attendee, trainer, course, booker):
    other_member = MembershipFactory()
    elsewhere = held_session(course.training, date(2030, 2, 4))
    other_trainer = TrainerFactory(name="Anderswo")
    Assignment.objects.create(
        session=elsewhere, trainer=other_trainer, role="lead", status="accepted"
    )
    (no_certificate,) = book(course, booker.organisation, "manager")
    attend(no_certificate, P, A, A, A)
    url = f"/account/certificates/{attendee.pk}/"

    pending_trainer = User.objects.get(username="offen")
    for user in (
        other_member.user,
        other_trainer.user,
        pending_trainer,
        UserFactory(username="ohne-organisation"),
    ):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.force_login(booker.user)
    assert client.get(f"/account/certificates/{no_certificate.pk}/").status_code == 404
    assert client.get("/account/certificates/999999/").status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_anonymised_participants_have_no_pdf_but_their_code_stays_genuine(client, booker, attendee):
    client.force_login(booker.user)
    client.get(f"/account/certificates/{attendee.pk}/")
    code = Certificate.objects.get(participant=attendee).code
    attendee.name, attendee.email = "", ""
    attendee.save()

    assert client.get(f"/account/certificates/{attendee.pk}/").status_code == 404
    assert certificate_is_genuine(code)


def test_the_verification_page_says_genuine_and_nothing_more(client, booker, attendee):
    client.force_login(booker.user)
    client.get(f"/account/certificates/{attendee.pk}/")
    code = Certificate.objects.get(participant=attendee).code
    client.logout()

    typed = "-".join(code[i : i + 4] for i in range(0, 16, 4)).lower()
    genuine = client.get("/certificates/verify/", {"code": typed})
    forged = client.get("/certificates/verify/", {"code": "ABCD-EFGH-JKLM-NPQR"})
    english = client.get("/en/certificates/verify/", {"code": code})

    assert genuine.status_code == 200
    assert "Echt." in genuine.content.decode()
    for page in (genuine, english):
        content = page.content.decode()
        assert "Şükrü" not in content
        assert "Kultursensible" not in content and "Culturally" not in content
        assert "Leipzig" not in content and "2030" not in content
    assert "Nicht echt." in forged.content.decode()
    assert "Genuine." in english.content.decode()
    assert client.get("/certificates/verify/").status_code == 200
    assert client.get("/certificates/verify/", {"code": ""}).status_code == 400


def test_a_certificate_stops_being_genuine_when_attendance_is_corrected(client, booker, attendee):
    client.force_login(booker.user)
    client.get(f"/account/certificates/{attendee.pk}/")
    code = Certificate.objects.get(participant=attendee).code
    attendee.attendances.filter(status=P).update(status=A)

    assert not certificate_is_genuine(code)
