from datetime import timedelta

import pytest
from django.utils import timezone

from bookings.factories import MembershipFactory
from catalogue.factories import make_session, make_training


@pytest.fixture
def training(site_tree):
    return make_training(site_tree.index, title="Interkulturelle Kompetenz im Jobcenter")


@pytest.fixture
def session(training):
    return make_session(training, capacity=10, first_date=timezone.localdate() + timedelta(days=30))


@pytest.fixture
def member(db):
    return MembershipFactory()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the block, then what the transaction does on commit (as a real commit would)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
