"""The catalogue's pages run a number of queries that does not grow with the data."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from recurrence import WEEKLY, Recurrence, Rule

from catalogue.factories import TargetGroupFactory, TopicFactory, make_session, make_training

pytestmark = pytest.mark.django_db


def add_trainings(index, count, topic, group):
    trainings = []
    for number in range(count):
        training = make_training(index, topic=topic, target_groups=[group])
        for offset in range(3):
            make_session(
                training,
                first_date=timezone.localdate() + timedelta(days=10 + number + 7 * offset),
                recurrences=Recurrence(rrules=[Rule(WEEKLY, count=2)]),
            )
        trainings.append(training)
    return trainings


def count_queries(client, url):
    """Queries of a request with cold caches and of the same request served from them."""
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        response = client.get(url)
    assert response.status_code == 200
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    return len(cold), len(warm)


@pytest.mark.parametrize(
    "url",
    [
        "/schulungen/",
        "/schulungen/?topic=t&target_group=g&state=BE&free=on&format=in_person",
        "/schulungen/?q=Schulung",
        "/",
    ],
)
def test_listing_queries_do_not_grow(client, site_tree, url):
    topic, group = TopicFactory(slug="t"), TargetGroupFactory(slug="g")
    add_trainings(site_tree.index, 2, topic, group)
    small = count_queries(client, url)
    add_trainings(site_tree.index, 10, topic, group)
    large = count_queries(client, url)
    assert small == large


def test_training_page_queries_do_not_grow_with_sessions(client, site_tree):
    topic, group = TopicFactory(slug="t"), TargetGroupFactory(slug="g")
    training = add_trainings(site_tree.index, 1, topic, group)[0]
    small = count_queries(client, training.url)
    for offset in range(8):
        make_session(training, first_date=timezone.localdate() + timedelta(days=40 + offset))
    large = count_queries(client, training.url)
    assert small == large
