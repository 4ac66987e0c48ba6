from datetime import date, time, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from bookings.factories import MembershipFactory, UserFactory
from catalogue.factories import LanguageFactory, TopicFactory, make_session, make_training
from catalogue.roles import STAFF_GROUP
from tests.staff import national
from trainers.factories import make_trainer


def monday(weeks: int) -> date:
    """The Monday `weeks` weeks after this week's."""
    today = timezone.localdate()
    return today - timedelta(days=today.weekday()) + timedelta(weeks=weeks)


@pytest.fixture
def topic(db):
    return TopicFactory(name="Interkulturelle Kompetenz", name_en="Intercultural competence")


@pytest.fixture
def german(db):
    return LanguageFactory(code="de", name="Deutsch", name_en="German")


@pytest.fixture
def training(site_tree, topic, german):
    return make_training(
        site_tree.index,
        title="Interkulturelle Kompetenz im Jobcenter",
        topic=topic,
        languages=[german],
    )


@pytest.fixture
def session(training, german):
    """A one-day session on a Monday in four weeks, 09:00–16:30, in Berlin."""
    return make_session(
        training,
        first_date=monday(4),
        start_time=time(9, 0),
        end_time=time(16, 30),
        state="BE",
        language=german,
    )


@pytest.fixture
def trainer(topic, german):
    return make_trainer(
        topic=topic,
        languages=[german],
        name="Anna Schmidt",
        user=UserFactory(username="anna", email="anna@example.org"),
    )


@pytest.fixture
def other_trainer(topic, german):
    return make_trainer(
        topic=topic,
        languages=[german],
        name="Ben Otto",
        user=UserFactory(username="ben", email="ben@example.org"),
    )


@pytest.fixture
def staff(db):
    """A programme staff member with the trainer and attendance permissions."""
    group, _created = Group.objects.get_or_create(name=STAFF_GROUP)
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label__in=["trainers", "catalogue"]),
        *Permission.objects.filter(
            content_type__app_label="bookings",
            codename__in=["view_attendance", "change_attendance"],
        ),
    )
    user = UserFactory(username="staff", email="staff@example.org")
    user.groups.add(group)
    return national(user)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def booker(db):
    return MembershipFactory().user
