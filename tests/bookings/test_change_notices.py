"""Change notices: when staff change a session, everyone concerned is told in their language with
calendars that update the entries they have (same UIDs, higher SEQUENCE, METHOD:REQUEST; a
cancelled date METHOD:CANCEL), read back by an independent parser (vobject)."""

from datetime import date, time

import pytest
import vobject
from django.core import mail
from recurrence import WEEKLY, Recurrence, Rule

from bookings.factories import UserFactory
from bookings.models import BookingStatus, Notification
from bookings.services.bookings import session_cancel
from catalogue.ics import occurrence_uid
from catalogue.services import session_access_save, session_save
from tests.bookings.test_emails import book, people
from tests.staff import national
from trainers.factories import make_trainer
from trainers.ics import assignment_uid
from trainers.models import Assignment, AssignmentRole, AssignmentStatus

pytestmark = pytest.mark.django_db
LINK = "https://meet.example.org/iq-kompetenz-4711"


@pytest.fixture
def series(training):
    """Weekly 09:00–12:00, three dates across the switch to summer time (31 March 2030)."""
    from catalogue.factories import make_session

    return make_session(
        training,
        capacity=2,
        first_date=date(2030, 3, 18),
        recurrences=Recurrence(rrules=[Rule(WEEKLY, count=3)]),
    )


@pytest.fixture
def booked(series, member, committed):
    """A confirmed booking (booker and Anna), a waitlisted one (its booker and Ben) and a lead
    trainer."""
    from bookings.factories import MembershipFactory

    other = MembershipFactory()
    with committed():
        confirmed = book(series, member, people("Anna Schmidt", "Carla Weber"))
        waitlisted = book(series, other, people("Ben Braun"))
    assert waitlisted.status == BookingStatus.WAITLISTED
    trainer = make_trainer(user__email="trainer@example.org", name="Tina Trainer")
    assignment = Assignment.objects.create(
        session=series,
        trainer=trainer,
        role=AssignmentRole.LEAD,
        status=AssignmentStatus.ACCEPTED,
        assigned_by=None,
    )
    mail.outbox.clear()
    return confirmed, waitlisted, assignment, other


def to(address):
    return [message for message in mail.outbox if message.to == [address]]


def calendar(message):
    """The .ics attachment, parsed as it is written (vobject mis-reads the RDATE lists of the
    VTIMEZONE when it converts times, so local times are compared as written)."""
    parts = [p for p in message.attachments if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, [p.get_content_type() for p in message.attachments]
    return vobject.readOne(parts[0].get_payload(decode=True).decode(), transform=False)


def has_calendar(message):
    return any(p.get_content_type() == "text/calendar" for p in message.attachments)


def edit(session, **fields):
    for name, value in fields.items():
        setattr(session, name, value)
    return session_save(session=session, by=national(UserFactory(is_staff=True)), notice=True)


def test_moved_times_update_every_calendar_across_the_switch_to_summer_time(
    series, booked, member, committed
):
    confirmed, waitlisted, assignment, other = booked
    before = series.sequence
    occurrences = list(series.occurrences.order_by("start"))
    with committed():
        edit(series, start_time=time(10, 0), end_time=time(13, 30))

    for address in (member.user.email, "anna@example.org", "carla@example.org"):
        (message,) = to(address)
        assert message.subject == "Geändert: Interkulturelle Kompetenz im Jobcenter"
        assert "Termine und Uhrzeiten" in message.body
        parsed = calendar(message)
        assert parsed.method.value == "REQUEST"
        found = sorted(parsed.vevent_list, key=lambda e: e.dtstart.value)
        assert [e.uid.value for e in found] == [occurrence_uid(o.pk) for o in occurrences]
        assert {int(e.sequence.value) for e in found} == {before + 1}
        # 10:00 Berlin wall-clock time on either side of 31 March (09:00 UTC in winter, 08:00
        # UTC in summer), which is what the stored dates say.
        assert [e.dtstart.value for e in found] == [
            f"2030{day}T100000" for day in ("0318", "0325", "0401")
        ]
        assert {e.dtstart.params["TZID"][0] for e in found} == {"Europe/Berlin"}
        assert [e.dtend.value[9:] for e in found] == ["133000"] * 3
        moved = [o.start for o in series.occurrences.order_by("start")]
        assert [(s.hour, s.minute) for s in moved] == [(9, 0), (9, 0), (8, 0)]  # UTC
    # The waiting list hears of the new times, with no calendar entry to update.
    (waiting,) = to(other.user.email)
    assert not has_calendar(waiting)
    assert "Warteliste" in waiting.body
    assert "10:00–13:30" in waiting.body
    assert to("ben@example.org") == []
    # The trainer's own entries (their UIDs) move too.
    (trainer_mail,) = to("trainer@example.org")
    parsed = calendar(trainer_mail)
    assert parsed.method.value == "REQUEST"
    assert sorted(e.uid.value for e in parsed.vevent_list) == sorted(
        assignment_uid(assignment.pk, o.pk) for o in occurrences
    )
    assert {int(e.sequence.value) for e in parsed.vevent_list} == {before + 1}


def test_a_cancelled_date_is_withdrawn_by_its_own_uid(series, booked, member, committed):
    confirmed, waitlisted, assignment, other = booked
    occurrences = list(series.occurrences.order_by("start"))
    dropped = occurrences[1]
    with committed():
        edit(
            series,
            recurrences=Recurrence(
                rrules=[Rule(WEEKLY, count=3)], exdates=[dropped.start.replace(tzinfo=None)]
            ),
        )
    assert series.occurrences.get(pk=dropped.pk).is_cancelled

    (anna,) = to("anna@example.org")  # only the cancellation: the other dates did not move
    parsed = calendar(anna)
    assert parsed.method.value == "CANCEL"
    (event,) = parsed.vevent_list
    assert event.uid.value == occurrence_uid(dropped.pk)
    assert event.status.value == "CANCELLED"
    assert int(event.sequence.value) > 0
    assert "Montag, 25. März 2030" in anna.body
    (trainer_mail,) = to("trainer@example.org")
    (event,) = calendar(trainer_mail).vevent_list
    assert event.uid.value == assignment_uid(assignment.pk, dropped.pk)
    (waiting,) = to(other.user.email)
    assert not has_calendar(waiting) and "25. März 2030" in waiting.body


def test_online_access_reaches_only_confirmed_participants_and_trainers(
    series, booked, member, committed
):
    confirmed, waitlisted, assignment, other = booked
    with committed():
        edit(series, online=True, meeting_url=LINK, access_notes="Meeting-ID 4711, Code 0815")

    for address in (member.user.email, "anna@example.org", "trainer@example.org"):
        (message,) = to(address)
        assert LINK in message.body and "Code 0815" in message.body
        for event in calendar(message).vevent_list:
            assert event.url.value == LINK
            assert LINK in event.location.value
            assert LINK in event.description.value and "Code 0815" in event.description.value
    (waiting,) = to(other.user.email)  # the place changed (now hybrid), the link is not theirs
    assert LINK not in waiting.body and "0815" not in waiting.body
    assert not has_calendar(waiting)

    mail.outbox.clear()
    with committed():  # a new link alone is no news to the waiting list
        session_access_save(
            session=series,
            dates={series.occurrences.order_by("start")[0].pk: (LINK + "-a", "")},
            by=national(UserFactory(is_staff=True)),
        )
    assert to(other.user.email) == []
    (anna,) = to("anna@example.org")
    assert LINK + "-a" in anna.body
    assert not any(LINK in m.body for m in mail.outbox if m.to[0] in (other.user.email,))
    assert not Notification.objects.filter(recipient="ben@example.org").exists()


def test_without_notice_nobody_is_told_but_the_sequence_still_rises(series, booked, committed):
    before = series.sequence
    with committed():
        series.start_time = time(8, 30)
        session_save(session=series, by=national(UserFactory(is_staff=True)), notice=False)
    assert mail.outbox == []
    series.refresh_from_db()
    assert series.sequence == before + 1


def test_cancelling_the_session_withdraws_the_trainers_entries(series, booked, committed):
    confirmed, waitlisted, assignment, other = booked
    with committed():
        session_cancel(session=series, by=national(UserFactory(is_staff=True)))
    (trainer_mail,) = to("trainer@example.org")
    parsed = calendar(trainer_mail)
    assert parsed.method.value == "CANCEL"
    assert len(parsed.vevent_list) == 3
    assert {e.status.value for e in parsed.vevent_list} == {"CANCELLED"}
    (anna,) = to("anna@example.org")  # the bookings' own cancellation, once
    assert calendar(anna).method.value == "CANCEL"


def test_staff_see_who_is_told_before_saving_and_may_skip_a_trivial_fix(
    series, booked, member, committed, client
):
    from django.contrib.auth.models import Group
    from wagtail.models import ModelLogEntry

    from catalogue.roles import STAFF_GROUP

    staff = national(UserFactory(username="planung", is_staff=False))
    staff.groups.add(Group.objects.get(name=STAFF_GROUP))
    client.force_login(staff)
    url = f"/admin/catalogue_session/edit/{series.pk}/"
    data = {
        "training": series.training_id,
        "state": series.state,
        "language": series.language_id,
        "venue": series.venue_id,
        "online": "",
        "meeting_url": "",
        "access_notes": "",
        "status": series.status,
        "booking_deadline": "",
        "is_private": "",
        "first_date": "2030-03-18",
        "start_time": "09:30",
        "end_time": "12:00",
        "recurrences": "RRULE:FREQ=WEEKLY;COUNT=3",
    }
    with committed():
        first = client.post(url, data)
    assert first.status_code == 200  # not saved yet: who is told is shown
    page = first.content.decode()
    for address in (member.user.email, "anna@example.org", "trainer@example.org"):
        assert address in page
    assert "ben@example.org" not in page  # the waiting list's participant hears nothing
    series.refresh_from_db()
    assert series.start_time == time(9, 0) and mail.outbox == []

    checked = first.context["form"]["notice_checked"].value()
    with committed():
        second = client.post(url, {**data, "notice": "skip", "notice_checked": checked})
    assert second.status_code == 302
    series.refresh_from_db()
    assert series.start_time == time(9, 30)
    assert mail.outbox == []
    entry = ModelLogEntry.objects.filter(action="catalogue.change_notice").get()
    assert entry.data == {"sent": False, "people": 5, "what": ["schedule"]}
    assert entry.user_id == staff.pk

    # Another change, told this time; a stale confirmation shows the list again.
    data["start_time"] = "10:00"
    with committed():
        stale = client.post(url, {**data, "notice": "send", "notice_checked": checked})
    assert stale.status_code == 200 and mail.outbox == []
    checked = stale.context["form"]["notice_checked"].value()
    with committed():
        told = client.post(url, {**data, "notice": "send", "notice_checked": checked})
    assert told.status_code == 302
    assert {m.to[0] for m in mail.outbox} == {
        member.user.email,
        "anna@example.org",
        "carla@example.org",
        other_booker(booked),
        "trainer@example.org",
    }


def other_booker(booked):
    return booked[3].user.email


def test_an_added_date_reaches_every_calendar_with_its_own_uid(series, booked, committed):
    confirmed, waitlisted, assignment, other = booked
    with committed():
        edit(series, recurrences=Recurrence(rrules=[Rule(WEEKLY, count=4)]))
    added = series.occurrences.order_by("start").last()
    (anna,) = to("anna@example.org")
    parsed = calendar(anna)
    assert parsed.method.value == "REQUEST"
    assert occurrence_uid(added.pk) in {e.uid.value for e in parsed.vevent_list}
    assert len(parsed.vevent_list) == 4
    (waiting,) = to(other.user.email)
    assert "8. April 2030" in waiting.body


def test_staff_give_one_date_its_own_link_and_everyone_with_access_is_told(
    series, booked, member, committed, client
):
    from django.contrib.auth.models import Group
    from wagtail.models import ModelLogEntry

    from catalogue.roles import STAFF_GROUP

    series.online, series.meeting_url = True, LINK
    session_save(session=series)
    staff = national(UserFactory(username="planung"))
    staff.groups.add(Group.objects.get(name=STAFF_GROUP))
    client.force_login(staff)
    url = f"/admin/catalogue_session/{series.pk}/access/"
    page = client.get(url).content.decode()
    assert "anna@example.org" in page and "ben@example.org" not in page
    data = {"form-TOTAL_FORMS": "3", "form-INITIAL_FORMS": "3", "notice": "send"}
    for index in range(3):
        data[f"form-{index}-meeting_url"] = LINK + "-zwei" if index == 1 else ""
        data[f"form-{index}-access_notes"] = "Raum B" if index == 1 else ""
    with committed():
        response = client.post(url, data)
    assert response.status_code == 302
    second = series.occurrences.order_by("start")[1]
    assert (second.meeting_url, second.access_notes) == (LINK + "-zwei", "Raum B")
    (anna,) = to("anna@example.org")
    events = {e.uid.value: e for e in calendar(anna).vevent_list}
    assert events[occurrence_uid(second.pk)].url.value == LINK + "-zwei"
    first = series.occurrences.order_by("start")[0]
    assert events[occurrence_uid(first.pk)].url.value == LINK
    assert to(other_booker(booked)) == []
    assert ModelLogEntry.objects.get(action="catalogue.change_notice").data["what"] == ["access"]

    bad = {**data, "form-0-meeting_url": "keine adresse"}
    response = client.post(url, bad)
    assert response.status_code == 200
    assert "form-0-meeting_url" in response.content.decode()


def test_the_booking_calendar_and_the_trainer_feed_carry_the_link_only_while_confirmed(
    series, booked, member, client
):
    confirmed, waitlisted, assignment, other = booked
    series.online, series.meeting_url = True, LINK
    session_save(session=series)
    client.force_login(member.user)
    body = client.get(f"/account/bookings/{confirmed.reference}/calendar/").content.decode()
    assert LINK in body
    client.force_login(other.user)
    body = client.get(f"/account/bookings/{waitlisted.reference}/calendar/").content.decode()
    page = client.get(f"/account/bookings/{waitlisted.reference}/").content.decode()
    assert LINK not in body and LINK not in page
    feed = client.get(f"/account/trainer/calendar/{assignment.trainer.calendar_token}.ics")
    assert LINK in feed.content.decode()
    # The public calendar of the same session has none.
    training = series.training
    public = client.get(f"{training.url}sessions/{series.pk}/calendar/").content.decode()
    assert "BEGIN:VEVENT" in public and LINK not in public
