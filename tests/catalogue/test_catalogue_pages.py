import re
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from bookings.factories import MembershipFactory
from bookings.services.bookings import session_cancel
from catalogue.factories import (
    LanguageFactory,
    TargetGroupFactory,
    TopicFactory,
    VenueFactory,
    make_session,
    make_training,
    translate_training,
)
from catalogue.models import Session
from catalogue.models.sessions import SessionStatus
from tests.bookings.test_booking_pages import participant_post

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


def soon(days=30):
    return timezone.localdate() + timedelta(days=days)


@pytest.fixture
def catalogue(site_tree):
    """Three trainings that differ in every filterable respect."""
    asylum = TopicFactory(slug="asylum-and-forced-migration", name="Asyl und Fluchtmigration")
    agg = TopicFactory(slug="anti-discrimination-agg", name="Antidiskriminierung und AGG")
    jobcentre = TargetGroupFactory(slug="jobcentre-staff", name="Jobcenter")
    smes = TargetGroupFactory(slug="sme-hr", name="Personalabteilungen in KMU")
    german = LanguageFactory(code="de", name="Deutsch", name_en="German")
    english = LanguageFactory(code="en", name="Englisch", name_en="English")

    beratung = make_training(
        site_tree.index,
        title="Beratung von Geflüchteten im Jobcenter",
        summary="Beratungen sicher führen.",
        topic=asylum,
        target_groups=[jobcentre],
        format="in_person",
        languages=[german],
    )
    agg_online = make_training(
        site_tree.index,
        title="Das AGG in der Personalauswahl",
        summary="Diskriminierungsfreie Stellenanzeigen.",
        topic=agg,
        target_groups=[smes],
        format="online",
        languages=[german, english],
    )
    ohne_termin = make_training(
        site_tree.index, title="Zuhören ohne Termin", summary="Noch ohne Termin.", topic=agg
    )
    make_session(beratung, state="BE", venue=VenueFactory(state="BE"), first_date=soon(20))
    full = make_session(agg_online, state="BY", online=True, first_date=soon(60), capacity=10)
    Session.objects.filter(pk=full.pk).update(seats_taken=10)
    return {"beratung": beratung, "agg": agg_online, "ohne": ohne_termin}


def test_listing_shows_every_training_ordered_by_next_date(client, catalogue):
    response = client.get("/schulungen/")
    assert response.status_code == 200
    assert titles(response) == [
        "Beratung von Geflüchteten im Jobcenter",
        "Das AGG in der Personalauswahl",
        "Zuhören ohne Termin",
    ]
    assert "3 Schulungen gefunden" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "topic=anti-discrimination-agg",
            ["Das AGG in der Personalauswahl", "Zuhören ohne Termin"],
        ),
        ("target_group=jobcentre-staff", ["Beratung von Geflüchteten im Jobcenter"]),
        ("state=BY", ["Das AGG in der Personalauswahl"]),
        ("format=online", ["Das AGG in der Personalauswahl"]),
        ("language=en", ["Das AGG in der Personalauswahl"]),
        ("free=on", ["Beratung von Geflüchteten im Jobcenter"]),
        ("date_from={d40}", ["Das AGG in der Personalauswahl"]),
        ("date_to={d40}", ["Beratung von Geflüchteten im Jobcenter"]),
        ("date_from={d40}&date_to={d50}", []),
    ],
)
def test_filters(client, catalogue, query, expected):
    query = query.format(d40=soon(40).isoformat(), d50=soon(50).isoformat())
    response = client.get(f"/schulungen/?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_german_search_uses_stemming(client, catalogue):
    # "Beratungen" only appears in the summary, "Beratung" in the title: both stem alike.
    response = client.get("/schulungen/?q=Beratungen")
    assert titles(response) == ["Beratung von Geflüchteten im Jobcenter"]


def test_english_search_uses_english_stemming(client, catalogue):
    translate_training(
        catalogue["agg"],
        "en",
        title="The AGG in recruiting",
        summary="Job advertisements free of bias.",
        slug="agg-recruiting",
    )
    response = client.get("/en/trainings/?q=advertisement")
    assert titles(response) == ["The AGG in recruiting"]


def test_pagination_keeps_filters(client, site_tree):
    topic = TopicFactory(slug="many")
    for number in range(12):
        make_training(site_tree.index, title=f"Schulung {number:02}", topic=topic)

    first = client.get("/schulungen/?topic=many")
    second = client.get("/schulungen/?topic=many&page=2")

    assert len(titles(first)) == 10
    assert len(titles(second)) == 2
    assert 'href="?topic=many&amp;page=2"' in first.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("topic=unknown", "Dieses Thema gibt es nicht."),
        ("state=XX", "Dieses Landesnetzwerk gibt es nicht."),
        ("date_from=31.02.2027", "Bitte geben Sie das Datum als JJJJ-MM-TT ein."),
        (
            "date_from=2027-05-01&date_to=2027-04-01",
            "Der Beginn des Zeitraums darf nicht nach seinem Ende liegen.",
        ),
        ("page=abc", "Die Seitenzahl muss eine ganze Zahl sein."),
        ("page=0", "Die Seitenzahl muss 1 oder größer sein."),
    ],
)
def test_bad_query_strings_get_a_clear_message(client, catalogue, query, message):
    response = client.get(f"/schulungen/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_page_beyond_the_last_gets_a_message(client, catalogue):
    response = client.get("/schulungen/?page=7")
    assert response.status_code == 404
    assert "Seite 7 gibt es nicht" in response.content.decode()


def test_private_and_cancelled_sessions_are_not_offered(client, catalogue):
    training = catalogue["ohne"]
    make_session(training, is_private=True, first_date=soon(10))
    make_session(training, status=SessionStatus.CANCELLED, first_date=soon(12))

    listing = client.get("/schulungen/?state=BE")
    page = client.get(training.url)

    assert titles(listing) == ["Beratung von Geflüchteten im Jobcenter"]
    assert "Derzeit sind keine Termine geplant" in page.content.decode()


def test_training_page_shows_upcoming_sessions_with_times_place_and_free_places(client, catalogue):
    training = catalogue["beratung"]
    session = training.sessions.get()
    response = client.get(training.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert "09:00–12:00" in html
    assert session.venue.name in html
    assert "12 freie Plätze" in html
    assert training.reverse_subpage("session", args=[session.pk]) in html


def test_session_page_lists_all_occurrences(client, catalogue):
    from recurrence import WEEKLY, Recurrence, Rule

    training = catalogue["beratung"]
    session = make_session(
        training,
        first_date=date(2030, 3, 18),
        recurrences=Recurrence(rrules=[Rule(WEEKLY, count=3)]),
    )
    url = training.url + training.reverse_subpage("session", args=[session.pk])
    html = client.get(url).content.decode()

    for day in ("18. März 2030", "25. März 2030", "1. April 2030"):
        assert day in html
    assert html.count("09:00</time>–<time") == 3


def test_unknown_or_private_session_is_404(client, catalogue):
    training = catalogue["beratung"]
    private = make_session(training, is_private=True)
    for session_id in (private.pk, 999999):
        url = training.url + training.reverse_subpage("session", args=[session_id])
        assert client.get(url).status_code == 404


def test_english_pages_show_the_sessions_of_the_german_training(client, catalogue):
    training = catalogue["beratung"]
    english = translate_training(training, "en", title="Counselling refugees", slug="counselling")

    response = client.get(english.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "12 free places" in html
    assert f'href="{training.url}"' in html  # the language switcher leads back to German
    german_html = client.get(training.url).content.decode()
    assert f'href="{english.url}"' in german_html


def test_home_page_lists_topics_and_next_sessions(client, catalogue):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Asyl und Fluchtmigration" in html
    assert "Beratung von Geflüchteten im Jobcenter" in html


def test_listing_shows_changes_at_once_despite_caching(client, catalogue, site_tree):
    assert "3 Schulungen gefunden" in client.get("/schulungen/").content.decode()

    new = make_training(site_tree.index, title="Neue Schulung")
    assert "4 Schulungen gefunden" in client.get("/schulungen/").content.decode()

    make_session(new, first_date=soon(5), state="HH")
    assert titles(client.get("/schulungen/?state=HH")) == ["Neue Schulung"]

    session_cancel(session=new.sessions.get(), by=None)
    assert titles(client.get("/schulungen/?state=HH")) == []


def test_a_booking_shows_at_once_where_free_places_count_and_leaves_the_rest_cached(
    client, catalogue, member_client
):
    training = catalogue["beratung"]
    (session,) = training.sessions.all()
    Session.objects.filter(pk=session.pk).update(capacity=1)
    cache.clear()
    assert titles(client.get("/schulungen/?free=on")) == [training.title]
    assert "1 freier Platz" in client.get(training.url).content.decode()
    assert "1 freier Platz" in client.get("/").content.decode()
    client.get("/schulungen/")
    with CaptureQueriesContext(connection) as cached_listing:
        client.get("/schulungen/")

    booked = member_client.post(f"/account/book/{session.pk}/", participant_post(["Anna Weber"]))

    assert booked.status_code == 302
    assert titles(client.get("/schulungen/?free=on")) == []
    assert "ausgebucht" in client.get(training.url).content.decode()
    assert "ausgebucht" in client.get("/").content.decode()
    # The listing without the filter shows no seats: it is still served from the cache.
    with CaptureQueriesContext(connection) as after_booking:
        listing = client.get("/schulungen/")
    assert titles(listing)[0] == training.title
    assert len(after_booking) == len(cached_listing)


@pytest.fixture
def member_client(db):
    member = Client()
    member.force_login(MembershipFactory().user)
    return member


def test_sessions_of_an_unpublished_training_are_nowhere(client, catalogue, member_client):
    """Unpublishing a training takes its sessions off the home page, the listing, the feed and
    the booking page (before, the home page and the feed answered 500)."""
    training = catalogue["beratung"]
    (session,) = training.sessions.all()
    training.unpublish()

    for url in ["/", "/schulungen/", "/schulungen/feed/", "/en/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Beratung von Geflüchteten" not in response.content.decode(), url
    assert member_client.get(f"/account/book/{session.pk}/").status_code == 404


def test_sessions_of_a_training_behind_a_view_restriction_are_nowhere(
    client, catalogue, member_client
):
    training = catalogue["beratung"]
    (session,) = training.sessions.all()
    PageViewRestriction.objects.create(page=training, restriction_type="login")

    for url in ["/", "/schulungen/", "/schulungen/feed/"]:
        assert "Beratung von Geflüchteten" not in client.get(url).content.decode(), url
    assert member_client.get(f"/account/book/{session.pk}/").status_code == 404
    # A restriction on a parent page counts as well.
    PageViewRestriction.objects.all().delete()
    assert member_client.get(f"/account/book/{session.pk}/").status_code == 200
    PageViewRestriction.objects.create(page=training.get_parent(), restriction_type="login")
    assert member_client.get(f"/account/book/{session.pk}/").status_code == 404


def test_the_english_listing_counts_the_dates_of_the_german_training_only_while_it_is_public(
    client, site_tree
):
    german = make_training(site_tree.index, title="Vielfalt im Jobcenter")
    translate_training(german, "en", title="Diversity at the job centre", slug="diversity")
    make_session(german)
    make_session(german, first_date=date(2030, 4, 1))

    def next_date_line():
        page = client.get("/en/trainings/").content.decode()
        assert "Diversity at the job centre" in page
        return re.search(r'<p class="next-date">([^<]+)</p>', page).group(1)

    assert "(2 dates in total)" in next_date_line()
    restriction = PageViewRestriction.objects.create(page=german, restriction_type="login")
    assert "No dates scheduled" in next_date_line()
    restriction.delete()
    assert "(2 dates in total)" in next_date_line()
    german.unpublish()
    assert "No dates scheduled" in next_date_line()


def test_a_session_page_in_english_follows_its_german_training(client, site_tree):
    german = make_training(site_tree.index, title="Vielfalt im Jobcenter")
    english = german.copy_for_translation(site_tree.home_en.locale)
    english.title, english.slug = "Diversity at the job centre", "diversity-at-the-job-centre"
    english.save_revision().publish()
    english.refresh_from_db()
    session = make_session(german)
    url = english.url + english.reverse_subpage("session", args=[session.pk])
    assert client.get(url).status_code == 200

    PageViewRestriction.objects.create(page=german, restriction_type="login")
    assert client.get(url).status_code == 404
    PageViewRestriction.objects.all().delete()
    assert client.get(url).status_code == 200
    german.unpublish()
    assert client.get(url).status_code == 404
