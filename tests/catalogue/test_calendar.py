"""Calendar output, parsed back with vobject (an independent iCalendar parser)."""

import io
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject
from dateutil import tz
from recurrence import WEEKLY, Recurrence, Rule

from bookings.services.bookings import session_cancel
from catalogue.factories import TopicFactory, VenueFactory, make_session, make_training
from catalogue.models.sessions import SessionStatus
from catalogue.services import session_save

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    # vobject mis-reads VTIMEZONEs with RDATE lists; callers that need local times use
    # transform=False and check the VTIMEZONE with dateutil.
    return vobject.readOne(response.content.decode())


def events(calendar):
    return sorted(calendar.vevent_list, key=lambda event: event.dtstart.value)


@pytest.fixture
def series(site_tree):
    """A weekly 09:00–12:00 series across the switch to summer time (28 March 2027)."""
    training = make_training(site_tree.index, title="Interkulturelle Kompetenz")
    session = make_session(
        training,
        first_date=date(2027, 3, 15),
        recurrences=Recurrence(rrules=[Rule(WEEKLY, count=4)]),
    )
    return training, session


def session_ics(client, training, session):
    return client.get(training.url + training.reverse_subpage("session_ics", args=[session.pk]))


def test_session_ics_has_timezone_and_times_equal_to_the_page(client, series):
    training, session = series
    response = session_ics(client, training, session)
    raw = vobject.readOne(response.content.decode(), transform=False)
    page = client.get(training.url + training.reverse_subpage("session", args=[session.pk]))

    starts = sorted(raw.vevent_list, key=lambda event: event.dtstart.value)
    assert {event.dtstart.params["TZID"][0] for event in starts} == {"Europe/Berlin"}
    in_ics = [(e.dtstart.value, e.dtend.value) for e in starts]
    shown = re.findall(r'<time datetime="([^"]+)">', page.content.decode())
    on_page = [
        (
            datetime.fromisoformat(start).astimezone(BERLIN).strftime("%Y%m%dT%H%M%S"),
            datetime.fromisoformat(end).astimezone(BERLIN).strftime("%Y%m%dT%H%M%S"),
        )
        for start, end in zip(shown[::2], shown[1::2], strict=True)
    ]
    assert in_ics == on_page
    assert [start[9:] for start, _ in in_ics] == ["090000"] * 4

    # The VTIMEZONE itself, read by dateutil: winter time before the switch, summer after.
    text = response.content.decode().replace("\r\n ", "")
    block = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE") + len("END:VTIMEZONE")]
    assert raw.vtimezone.tzid.value == "Europe/Berlin"
    vtimezone = tz.tzical(io.StringIO(block)).get("Europe/Berlin")
    offsets = [vtimezone.utcoffset(datetime.strptime(s, "%Y%m%dT%H%M%S")) for s, _ in in_ics]
    assert offsets == [
        timedelta(hours=1),
        timedelta(hours=1),
        timedelta(hours=2),
        timedelta(hours=2),
    ]


def test_uids_are_stable_and_sequence_rises_when_the_session_changes(client, series):
    training, session = series
    first = events(parse(session_ics(client, training, session)))

    session.start_time = session.start_time.replace(hour=10)
    session_save(session=session)
    second = events(parse(session_ics(client, training, session)))

    assert [e.uid.value for e in first] == [e.uid.value for e in second]
    assert len({e.uid.value for e in first}) == 4
    assert {e.sequence.value for e in first} == {"0"}
    assert {e.sequence.value for e in second} == {"1"}
    assert all(e.dtstamp.value.tzinfo is not None for e in second)
    assert second[0].dtstart.value.astimezone(BERLIN).hour == 10


def test_excluded_date_of_an_open_session_is_marked_cancelled(client, series):
    training, session = series
    session.recurrences = Recurrence(
        rrules=[Rule(WEEKLY, count=4)], exdates=[datetime(2027, 3, 22)]
    )
    session_save(session=session)

    statuses = {
        e.dtstart.value.date(): e.status.value
        for e in events(parse(session_ics(client, training, session)))
    }
    assert statuses[date(2027, 3, 22)] == "CANCELLED"
    assert [s for s in statuses.values()].count("CONFIRMED") == 3


def test_feed_lists_open_sessions_and_filters_by_topic_and_state(client, site_tree):
    asylum = TopicFactory(slug="asylum")
    agg = TopicFactory(slug="agg")
    make_session(make_training(site_tree.index, title="Asyl Berlin", topic=asylum), state="BE")
    make_session(make_training(site_tree.index, title="AGG Bayern", topic=agg), state="BY")
    make_session(make_training(site_tree.index, title="Geplant"), status=SessionStatus.PLANNED)
    make_session(make_training(site_tree.index, title="Privat"), is_private=True)

    def summaries(query=""):
        calendar = parse(client.get(f"/schulungen/feed/{query}"))
        return sorted(e.summary.value for e in calendar.contents.get("vevent", []))

    assert summaries() == ["AGG Bayern", "Asyl Berlin"]
    assert summaries("?topic=asylum") == ["Asyl Berlin"]
    assert summaries("?state=BY") == ["AGG Bayern"]
    assert summaries("?topic=asylum&state=BY") == []


def test_feed_marks_a_cancelled_session(client, series):
    training, session = series
    session_cancel(session=session, by=None)

    feed = parse(client.get("/schulungen/feed/"))
    assert {e.status.value for e in feed.vevent_list} == {"CANCELLED"}
    assert {e.sequence.value for e in feed.vevent_list} == {"1"}


def test_feed_rejects_unknown_filters_with_a_message(client, site_tree):
    response = client.get("/schulungen/feed/?state=ZZ")
    assert response.status_code == 400
    assert "Dieses Landesnetzwerk gibt es nicht." in response.content.decode()


def test_catalogue_page_advertises_the_feed(client, site_tree):
    html = client.get("/schulungen/?topic=&state=BE").content.decode()
    assert '<link rel="alternate" type="text/calendar"' in html
    assert 'href="/schulungen/feed/?state=BE"' in html


@pytest.mark.parametrize("line_break", ["\r", "\n", "\r\n", "\x0b", "\x0c", "\x85", "\u2028"])
def test_no_line_break_in_a_text_starts_a_property_of_its_own(client, site_tree, line_break):
    """A title or place with a line break of any kind (a lone CR too) stays one escaped value;
    it cannot add an attendee, an alarm or anything else to the calendar."""
    title = f"Vielfalt{line_break}ATTENDEE:mailto:evil@example.org"
    training = make_training(site_tree.index, title=title)
    session = make_session(training, venue=VenueFactory(name=f"Saal 1{line_break}X-EVIL:1"))

    text = session_ics(client, training, session).content.decode()
    calendar = vobject.readOne(text)

    lines = text.split("\r\n")
    assert not [line for line in lines if line.startswith(("ATTENDEE", "X-EVIL"))]
    assert "\r" not in text.replace("\r\n", "")
    (event,) = calendar.vevent_list
    assert "attendee" not in event.contents
    assert event.summary.value.startswith("Vielfalt\nATTENDEE:mailto:evil@example.org")
    assert "X-EVIL:1" in event.location.value


def test_feed_links_each_date_to_its_session_page_in_the_visitors_language(client, site_tree):
    translated = make_training(site_tree.index, title="Vielfalt im Jobcenter")
    english = translated.copy_for_translation(site_tree.home_en.locale)
    english.title = "Diversity at the job centre"
    english.slug = "diversity-at-the-job-centre"
    english.save_revision().publish()
    english.refresh_from_db()
    german_only = make_training(site_tree.index, title="Nur auf Deutsch")
    sessions = {make_session(translated).pk: english, make_session(german_only).pk: german_only}

    feed = parse(client.get(f"{site_tree.index_en.url}feed/"))
    by_title = {event.summary.value: event.url.value for event in feed.vevent_list}
    assert set(by_title) == {"Diversity at the job centre", "Nur auf Deutsch"}
    for title, url in by_title.items():
        session_id = int(url.rstrip("/").rsplit("/", 1)[1])
        page = sessions[session_id]
        assert title == page.title
        assert url == f"http://testserver{page.url}sessions/{session_id}/"
        assert client.get(url).status_code == 200
