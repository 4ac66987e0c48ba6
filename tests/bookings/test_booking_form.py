"""The booking form as a training officer uses it: every date, price and total; a full session
says it books onto the waiting list and at which place; too few free places let the booker
split or waitlist all; a second booking of the same session is flagged; large groups come from
a pasted or uploaded list (CSV, XLSX) with an error per row, up to the session's capacity."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from recurrence import WEEKLY, Recurrence, Rule

from bookings.factories import MembershipFactory, participants
from bookings.models import Booking, BookingStatus
from bookings.services.bookings import booking_create
from catalogue.factories import make_session
from tests.bookings.test_booking_pages import participant_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(training):
    from datetime import date

    return make_session(
        training,
        capacity=40,
        first_date=date(2030, 3, 18),
        recurrences=Recurrence(rrules=[Rule(WEEKLY, count=3)]),
    )


def test_the_form_shows_every_date_and_books_more_than_thirty_up_to_the_capacity(
    client, series, member
):
    client.force_login(member.user)
    page = client.get(f"/account/book/{series.pk}/", {"seats": 35}).content.decode()
    for day in ("18. März 2030", "25. März 2030", "1. April 2030"):
        assert day in page
    response = client.post(
        f"/account/book/{series.pk}/", participant_post([f"P {n}" for n in range(35)])
    )
    assert response.status_code == 302
    assert Booking.objects.get().seats == 35

    too_many = client.get(f"/account/book/{series.pk}/", {"seats": 41})
    assert too_many.status_code == 400
    assert "Der Termin hat 40 Plätze" in too_many.content.decode()


def test_a_full_session_says_it_goes_on_the_waiting_list_and_at_which_place(
    client, session, member
):
    booking_create(
        session=session,
        organisation=MembershipFactory().organisation,
        participants=participants(10),
        by=None,
    )
    booking_create(
        session=session,
        organisation=MembershipFactory().organisation,
        participants=participants(1),
        by=None,
    )
    client.force_login(member.user)
    page = client.get(f"/account/book/{session.pk}/").content.decode()
    assert "ausgebucht" in page and "an Platz 2" in page
    response = client.post(f"/account/book/{session.pk}/", participant_post(["Dana Roth"]))
    booking = Booking.objects.get(organisation=member.organisation)
    assert booking.status == BookingStatus.WAITLISTED
    detail = client.get(response["Location"]).content.decode()
    assert "Platz 2" in detail
    assert "Platz 2" in client.get("/account/").content.decode()


@pytest.mark.parametrize("choice", ["split", "waitlist"])
def test_too_few_free_places_the_booker_splits_or_waitlists_all(client, session, member, choice):
    booking_create(
        session=session,
        organisation=MembershipFactory().organisation,
        participants=participants(8),
        by=None,
    )
    client.force_login(member.user)
    page = client.get(f"/account/book/{session.pk}/", {"seats": 3}).content.decode()
    assert "Nur 2 Plätze sind für 3 Teilnehmende frei." in page
    data = {**participant_post(["Ana", "Ben", "Cem"]), "when_full": choice}
    assert client.post(f"/account/book/{session.pk}/", data).status_code == 302
    mine = list(Booking.objects.filter(organisation=member.organisation).order_by("created_at"))
    if choice == "split":
        assert [(b.status, b.seats) for b in mine] == [
            (BookingStatus.CONFIRMED, 2),
            (BookingStatus.WAITLISTED, 1),
        ]
        assert [p.name for p in mine[1].participants.all()] == ["Cem"]
    else:
        assert [(b.status, b.seats) for b in mine] == [(BookingStatus.WAITLISTED, 3)]


def test_a_second_booking_of_the_same_session_is_flagged(client, session, member):
    first = booking_create(
        session=session, organisation=member.organisation, participants=participants(2), by=None
    )
    client.force_login(member.user)
    page = client.get(f"/account/book/{session.pk}/").content.decode()
    assert "Ihre Organisation hat diesen Termin bereits gebucht" in page
    assert first.reference in page


def csv_file(text, name="teilnehmende.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_file(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("liste.xlsx", buffer.getvalue())


@pytest.mark.parametrize(
    "data",
    [
        {
            "text": "Name\tE-Mail\tFunktion\nAylin Demir\taylin@example.org\tFührungskraft\nJonas Weber\t\t"
        },
        {"upload": "csv"},
        {"upload": "xlsx"},
    ],
)
def test_participants_come_from_a_pasted_or_uploaded_list(client, series, member, data):
    files = {
        "csv": csv_file(
            "Name;E-Mail;Funktion\nAylin Demir;aylin@example.org;manager\nJonas Weber;;\n",
            encoding="cp1252",
        ),
        "xlsx": xlsx_file(
            [
                ["Name", "E-Mail", "Funktion"],
                ["Aylin Demir", "aylin@example.org", "Führungskraft"],
                ["Jonas Weber", None, "Mitarbeiter*in"],
            ]
        ),
    }
    post = {"import": "1", "text": data.get("text", "")}
    if "upload" in data:
        post["upload"] = files[data["upload"]]
    client.force_login(member.user)
    response = client.post(f"/account/book/{series.pk}/", post)
    assert response.status_code == 200
    formset = response.context["formset"]
    assert [form.initial for form in formset.forms] == [
        {"name": "Aylin Demir", "email": "aylin@example.org", "function": "manager"},
        {"name": "Jonas Weber", "email": "", "function": "employee"},
    ]
    assert not Booking.objects.exists()  # taken into the form, to check and book


def test_a_list_with_mistakes_names_every_wrong_row_and_takes_nothing(client, series, member):
    client.force_login(member.user)
    text = (
        "Aylin Demir;keine-adresse;\n;jonas@example.org;\nCem Kaya;cem@example.org;Chef\nDana Roth"
    )
    response = client.post(f"/account/book/{series.pk}/", {"import": "1", "text": text})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Zeile 1: „keine-adresse“ ist keine E-Mail-Adresse." in page
    assert "Zeile 2: der Name fehlt." in page
    assert "Zeile 3: „Chef“ ist keine Funktion" in page
    assert "Zeile 4" not in page
    for bad in (
        {"upload": SimpleUploadedFile("liste.pdf", b"%PDF")},
        {"upload": SimpleUploadedFile("liste.xlsx", b"not a zip")},
        {"text": "\n".join(f"P {n}" for n in range(41))},
        {},
    ):
        response = client.post(f"/account/book/{series.pk}/", {"import": "1", **bad})
        assert response.status_code == 400
    assert not Booking.objects.exists()
