"""The session admin as programme staff read it: inspect pages in Berlin time with nothing shown
as "None", the form's "Preview dates" before saving, and session lists that start with the
next session."""

import re
from datetime import UTC, date, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format
from recurrence import WEEKLY, Recurrence, Rule
from wagtail.users.models import UserProfile

from bookings.factories import UserFactory
from catalogue.factories import LanguageFactory, VenueFactory, make_session, make_training
from catalogue.models import Material, Session
from catalogue.models.sessions import SessionStatus
from catalogue.schedule import BERLIN
from catalogue.services import material_save, staff_grant
from tests.admin_pages import inspect, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(site_tree):
    """The federal office's staff, as staff@example.org in the demo."""
    user = UserFactory(username="bund", email="bund@example.org")
    staff_grant(user=user, federal=True)
    return user


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def across_summer_time(training, **fields):
    """Weekly at 09:00–12:00 Berlin time across the switch to summer time (31 March 2030)."""
    return make_session(
        training,
        first_date=date(2030, 3, 25),
        start_time=time(9),
        end_time=time(12),
        recurrences=Recurrence(rrules=[Rule(WEEKLY, count=3)]),
        **fields,
    )


# --- inspect pages ---------------------------------------------------------------------------


def test_a_sessions_inspect_page_shows_berlin_times_across_summer_time(staff_client, site_tree):
    session = across_summer_time(make_training(site_tree.index))

    details = inspect(staff_client, f"/admin/catalogue_session/inspect/{session.pk}/")

    for day in ("Montag, 25.03.2030", "Montag, 01.04.2030", "Montag, 08.04.2030"):
        assert f"{day}, 09:00–12:00" in details
    assert "08:00" not in details and "07:00" not in details  # the UTC times
    created = session.created_at
    assert date_format(created.astimezone(BERLIN), "DATETIME_FORMAT") in details
    assert date_format(created.astimezone(UTC), "DATETIME_FORMAT") not in details


def test_inspect_pages_of_objects_with_empty_fields_show_no_none(staff_client, site_tree):
    training = make_training(site_tree.index)
    online = make_session(training, online=True, venue=None, booking_deadline=None)
    material = material_save(
        material=Material(training=training, title="Leitfaden", url="https://example.org/"),
        upload=None,
        by=None,
    )

    for url in (
        f"/admin/catalogue_session/inspect/{online.pk}/",
        f"/admin/catalogue_material/inspect/{material.pk}/",
    ):
        details = inspect(staff_client, url)
        assert not re.search(r"\b(None|True|False)\b", details), details
        assert "—" in details  # the deadline and meeting link; the session, file and adder


def test_the_session_inspect_page_in_english_labels_every_field(staff_client, staff, site_tree):
    session = make_session(make_training(site_tree.index))
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"
    profile.save()

    details = inspect(staff_client, f"/admin/catalogue_session/inspect/{session.pk}/")

    assert "All dates (Berlin time)" in details
    assert "Created" in details and "Last changed" in details
    assert "In-house (private) No" in details
    for internal in ("Created at", "Updated at", "Training key", "Sequence"):
        assert internal not in details


def test_staff_cannot_choose_another_time_zone_or_a_half_translated_language(staff_client):
    html = staff_client.get("/admin/account/").content.decode()

    assert "current_time_zone" not in html
    languages = re.search(r'<select name="locale-preferred_language".*?</select>', html, re.S)[0]
    assert re.findall(r'<option value="(\w+)"', languages) == ["de", "en"]


# --- "Preview dates" on the session form -----------------------------------------------------


def form_data(training, **overrides):
    return {
        "training": training.pk,
        "state": "BE",
        "language": LanguageFactory().pk,
        "venue": VenueFactory().pk,
        "capacity": "14",
        "status": "open",
        "booking_deadline": "",
        "first_date": "2030-03-25",
        "start_time": "09:00",
        "end_time": "12:00",
        "recurrences": "RRULE:FREQ=WEEKLY;COUNT=3",
        **overrides,
    }


def preview(html: str) -> str:
    return text(html, 'id="dates_preview"', "</ol>")


def test_preview_shows_the_dates_of_a_new_session_and_saves_nothing(staff_client, site_tree):
    training = make_training(site_tree.index)

    response = staff_client.post(
        "/admin/catalogue_session/new/", {**form_data(training), "preview_dates": "1"}
    )

    assert response.status_code == 200
    shown = preview(response.content.decode())
    assert "Dieser Zeitplan ergibt 3 Einzeltermine (noch nicht gespeichert)" in shown
    # The weekly 09:00 stays 09:00 across the switch to summer time.
    assert re.findall(r"\d\d\.\d\d\.2030, \d\d:\d\d–\d\d:\d\d", shown) == [
        "25.03.2030, 09:00–12:00",
        "01.04.2030, 09:00–12:00",
        "08.04.2030, 09:00–12:00",
    ]
    assert not Session.objects.exists()
    # The form keeps what was typed, to be saved with the same button as ever.
    assert response.context["form"]["recurrences"].value() == "RRULE:FREQ=WEEKLY;COUNT=3"


def test_preview_of_a_changed_schedule_leaves_the_session_as_it_was(staff_client, site_tree):
    training = make_training(site_tree.index)
    session = across_summer_time(training)
    before = list(session.occurrences.values_list("start", "end"))

    response = staff_client.post(
        f"/admin/catalogue_session/edit/{session.pk}/",
        {
            **form_data(training, recurrences="RRULE:FREQ=WEEKLY;COUNT=5", start_time="10:00"),
            "venue": session.venue_id,
            "language": session.language_id,
            "capacity": session.capacity,
            "preview_dates": "1",
        },
    )

    assert response.status_code == 200
    shown = preview(response.content.decode())
    assert "5 Einzeltermine" in shown
    assert "Montag, 22.04.2030, 10:00–12:00" in shown
    session.refresh_from_db()
    assert (session.start_time, session.sequence) == (time(9), 0)
    assert list(session.occurrences.values_list("start", "end")) == before
    assert mail.outbox == []


def test_preview_of_an_impossible_schedule_says_what_to_correct(staff_client, site_tree):
    training = make_training(site_tree.index)

    for wrong, field, message in (
        ({"end_time": "08:00"}, "end_time", "Das Ende muss nach dem Beginn liegen."),
        ({"recurrences": "RRULE:FREQ=DAILY"}, "recurrences", "höchstens 200 Einzeltermine"),
    ):
        response = staff_client.post(
            "/admin/catalogue_session/new/", {**form_data(training, **wrong), "preview_dates": "1"}
        )
        html = response.content.decode()
        assert "Korrigieren Sie den Zeitplan, um seine Einzeltermine zu sehen." in html
        assert message in str(response.context["form"].errors[field])
    assert not Session.objects.exists()


def test_preview_of_an_unfinished_form_still_shows_the_dates(staff_client, site_tree):
    """The schedule is enough: a training not chosen yet is said on its field, as on saving."""
    training = make_training(site_tree.index)

    response = staff_client.post(
        "/admin/catalogue_session/new/",
        {**form_data(training, recurrences=""), "training": "", "preview_dates": "1"},
    )

    assert "Dieser Zeitplan ergibt einen Einzeltermin" in preview(response.content.decode())
    assert "training" in response.context["form"].errors
    assert not Session.objects.exists()


def test_preview_stays_within_the_users_state_networks(client, site_tree):
    berlin = across_summer_time(make_training(site_tree.index), state="BE")
    nrw_staff = UserFactory(username="nrw", email="nrw@example.org")
    staff_grant(user=nrw_staff, states=["NW"])
    client.force_login(nrw_staff)

    other_state = client.post(
        f"/admin/catalogue_session/edit/{berlin.pk}/",
        {**form_data(berlin.training), "preview_dates": "1"},
    )
    new_in_berlin = client.post(
        "/admin/catalogue_session/new/",
        {**form_data(berlin.training, state="BE"), "preview_dates": "1"},
    )

    assert other_state.status_code == 404
    assert "state" in new_in_berlin.context["form"].errors  # Berlin is not a choice for them


def test_saving_after_the_preview_saves_the_dates_shown(staff_client, site_tree):
    training = make_training(site_tree.index)
    data = form_data(training)
    staff_client.post("/admin/catalogue_session/new/", {**data, "preview_dates": "1"})

    assert staff_client.post("/admin/catalogue_session/new/", data).status_code == 302

    starts = [timezone.localtime(o.start) for o in Session.objects.get().occurrences.all()]
    assert [(s.day, s.hour) for s in starts] == [(25, 9), (1, 9), (8, 9)]


# --- session lists start with the next session -----------------------------------------------


@pytest.fixture
def sessions_around_today(site_tree):
    """Keyed by name: past ones, coming ones, one under way and a cancelled one."""
    today = timezone.localdate()
    training = make_training(site_tree.index, title="Reihe")

    def on(days, **fields):
        return make_session(training, first_date=today + timedelta(days=days), **fields)

    return {
        "long ago": on(-40),
        "past": on(-20),
        "soon": on(2),
        "under way": on(-3, recurrences=Recurrence(rrules=[Rule(WEEKLY, count=2)])),  # and +4
        "later": on(30),
        "cancelled": on(1, status=SessionStatus.CANCELLED),
    }


NEXT_FIRST = ["soon", "under way", "later", "cancelled", "past", "long ago"]


def test_the_session_listing_starts_with_the_next_session(staff_client, sessions_around_today):
    listing = staff_client.get("/admin/catalogue_session/")

    names = {session.pk: name for name, session in sessions_around_today.items()}
    assert [names[session.pk] for session in listing.context["object_list"]] == NEXT_FIRST


def test_staff_can_still_sort_the_listing_by_start(staff_client, sessions_around_today):
    listing = staff_client.get("/admin/catalogue_session/?ordering=-starts_at")

    starts = [session.starts_at for session in listing.context["object_list"]]
    assert starts == sorted(starts, reverse=True)


def test_a_trainings_edit_page_lists_its_next_session_first(
    client, site_tree, sessions_around_today
):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("admin", "admin@example.org", "pw"))
    training = sessions_around_today["soon"].training

    html = client.get(f"/admin/pages/{training.pk}/edit/").content.decode()

    panel = html[html.index("catalogue_session/new/?training") :]
    shown = [
        pk
        for pk in map(int, re.findall(r"/admin/catalogue_session/edit/(\d+)/", panel))
        if pk in {s.pk for s in sessions_around_today.values()}
    ]
    expected = [sessions_around_today[name].pk for name in NEXT_FIRST]
    assert list(dict.fromkeys(shown)) == expected
