"""The portal's home: warnings of certifications about to expire, and the participants of each
assignment's session."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format

from bookings.factories import OrganisationFactory
from bookings.models import Booking, BookingStatus, Participant
from catalogue.factories import TopicFactory, make_session
from trainers.factories import certify
from trainers.models import Assignment

from .conftest import monday
from .helpers import accepted_assignment, confirmed_participants

pytestmark = pytest.mark.django_db


def in_days(days: int):
    return timezone.localdate() + timedelta(days=days)


def test_the_home_warns_of_certifications_expiring_within_60_days_and_expired_ones(client, trainer):
    soon = TopicFactory(name="Antidiskriminierung", name_en="Anti-discrimination")
    gone = TopicFactory(name="Diversity Management", name_en="Diversity management")
    renewed = TopicFactory(name="Deutsch im Beruf", name_en="German at work")
    later = TopicFactory(name="Asyl und Flucht", name_en="Asylum and refuge")
    certify(trainer, soon, valid_until=in_days(30))
    certify(trainer, gone, valid_until=in_days(-10))
    certify(trainer, renewed, valid_until=in_days(5))
    certify(trainer, renewed, issued_on=in_days(-1), valid_until=in_days(700))
    certify(trainer, later, valid_until=in_days(61))
    client.force_login(trainer.user)

    page = client.get("/en/account/trainer/").content.decode()

    start = page.index('id="certification-warnings"')
    warning = page[start : page.index("</div>", start)]
    with translation.override("en"):
        soon_date, gone_date = (date_format(in_days(d), "DATE_FORMAT") for d in (30, -10))
    assert f"“Anti-discrimination” is valid until {soon_date} (30 days left)." in warning
    assert f"“Diversity management” expired on {gone_date}" in warning
    assert warning.index("Diversity management") < warning.index("Anti-discrimination")
    assert "German at work" not in warning and "Asylum and refuge" not in warning
    german = client.get("/account/trainer/").content.decode()
    assert "„Antidiskriminierung“ ist bis" in german and "noch 30 Tage" in german


def test_no_warning_while_every_certification_is_valid_for_longer(client, trainer):
    client.force_login(trainer.user)

    assert 'id="certification-warnings"' not in client.get("/account/trainer/").content.decode()


def booking(session, status, *names):
    organisation = OrganisationFactory()
    booking = Booking.objects.create(
        reference=f"IQ-W{Booking.objects.count() + 1:05d}",
        session=session,
        organisation=organisation,
        organisation_type=organisation.type,
        status=status,
        seats=len(names),
    )
    for name in names:
        Participant.objects.create(booking=booking, name=name, function="employee")


def test_assignments_show_their_confirmed_participants_in_the_lists_and_the_detail(
    client, session, trainer
):
    clara, _deniz, _emil = confirmed_participants(session, "Clara Vogel", "Deniz Kaya", "Emil Roth")
    clara.cancelled_at = timezone.now()
    clara.save()
    booking(session, BookingStatus.WAITLISTED, "Fiona Lang")
    booking(session, BookingStatus.CANCELLED, "Gero Hahn")
    assignment = Assignment.objects.create(session=session, trainer=trainer, role="lead")
    client.force_login(trainer.user)

    home = client.get("/en/account/trainer/").content.decode()
    detail = client.get(f"/en/account/trainer/assignments/{assignment.pk}/").content.decode()

    assert "<td>2 of 12</td>" in home
    assert "2 of 12 places confirmed" in detail
    assert (
        "2 von 12 Plätzen bestätigt"
        in client.get(f"/account/trainer/assignments/{assignment.pk}/").content.decode()
    )


def test_the_home_takes_as_many_queries_for_many_assignments_as_for_one(client, training, trainer):
    def add_assignment(weeks):
        session = make_session(training, first_date=monday(weeks))
        confirmed_participants(session, f"Teilnehmerin {weeks}")
        accepted_assignment(session, trainer)

    add_assignment(5)
    client.force_login(trainer.user)
    client.get("/account/trainer/")  # sessions and caches are warm
    with CaptureQueriesContext(connection) as one:
        assert client.get("/account/trainer/").status_code == 200
    for weeks in range(6, 12):
        add_assignment(weeks)
    with CaptureQueriesContext(connection) as seven:
        page = client.get("/account/trainer/").content.decode()

    assert page.count("<td>1 von 12</td>") == 7
    assert len(seven) == len(one)
