"""Attacks on the staff's admin: every admin URL of the platform's own views (found by walking the
URL configuration, so a new view is covered the day it is added) × every role without staff
rights (editor, member, trainer): GET shows none of the object, POST changes nothing.
Wagtail answers such users with its "no permission" redirect to the dashboard (or the login
page), a 403 or a 404."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLResolver, get_resolver

from bookings.models import (
    Booking,
    ClosedReportFile,
    InhouseRequest,
    Invoice,
    Organisation,
    ReportingPeriod,
)
from catalogue.models import Session, StateStaff
from tests.access.test_objects_by_id import world  # noqa: F401 (the fixture)
from trainers.factories import make_trainer
from trainers.models import Assignment, Certification, Trainer

OUR_NAMESPACES = ("catalogue_", "bookings_", "trainers_", "evaluation")
SECRET_TEXTS = ("Teilnehmende 1", "Clara Vogel", "neu@example.org", "iq-geheim-4711", "Handout")


def admin_routes():
    """(route, namespace, name) of every admin URL of our apps."""

    def walk(patterns, prefix="", namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(
                    pattern.url_patterns,
                    prefix + str(pattern.pattern),
                    pattern.namespace or namespace,
                )
            else:
                yield prefix + str(pattern.pattern), namespace, pattern.name

    for route, namespace, name in walk(get_resolver().url_patterns):
        ours = (namespace or "").startswith(OUR_NAMESPACES) or (name or "").startswith(
            OUR_NAMESPACES
        )
        if route.startswith("admin/") and ours:
            yield route, namespace or name


def concrete(route: str, namespace: str, w) -> str:
    by_namespace = {
        "bookings_periods": ReportingPeriod.objects.values_list("pk", flat=True).first(),
        "bookings_invoice": Invoice.objects.values_list("pk", flat=True).first(),
        "catalogue_statestaff": StateStaff.objects.get(user=w["colleague"].user).pk,
        "catalogue_session": w["session"].pk,
        "catalogue_material": w["material"].pk,
        "bookings_booking": w["booking"].pk,
        "bookings_organisation": w["booking"].organisation_id,
        "bookings_organisation_chooser": w["booking"].organisation_id,
        "bookings_inhouserequest": w["request"].pk,
        "trainers_trainer": w["assignment"].trainer_id,
        "trainers_certification": w["certification"].pk,
        "trainers_assignment": w["assignment"].pk,
    }
    values = {
        "pk": by_namespace.get(namespace),
        "session_id": w["assignment"].session_id,
        "booking_id": w["booking"].pk,
        "organisation_id": w["booking"].organisation_id,
        "file_id": ClosedReportFile.objects.values_list("pk", flat=True).first(),
        "invoice_id": Invoice.objects.values_list("pk", flat=True).first(),
        "page_id": w["training"].pk,
    }
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)


def counts():
    models = (
        Session,
        Booking,
        Organisation,
        InhouseRequest,
        Trainer,
        Certification,
        Assignment,
        StateStaff,
    )
    return {model.__name__: model.objects.count() for model in models}


def refused(response) -> bool:
    if response.status_code in (403, 404, 405):
        return True
    if response.status_code == 302:
        return urlsplit(response["Location"]).path in ("/admin/", "/accounts/login/")
    return False


@pytest.mark.django_db
def test_no_role_without_staff_rights_reaches_an_admin_url(world, closed_period):  # noqa: F811
    editor = Client()
    editor_user = make_trainer(name="Erika Redaktion").user  # a trainer who is also an editor
    editor_user.groups.add(Group.objects.get(name="Editors"))
    editor.force_login(editor_user)
    member = Client()
    member.force_login(world["booking"].created_by)
    trainer = Client()
    trainer.force_login(world["assignment"].trainer.user)
    StateStaff.objects.create(user=world["colleague"].user, state="BE")
    routes = sorted(set(admin_routes()))
    assert len(routes) > 60  # the walk found the views
    before = counts()

    problems = []
    for role, client in [("editor", editor), ("member", member), ("trainer", trainer)]:
        for route, namespace in routes:
            url = concrete(route, namespace, world)
            query = {"id": world["booking"].organisation_id} if "chosen" in url else None
            for method in ("get", "post"):
                response = getattr(client, method)(url, query)
                content = response.content.decode(errors="ignore") if not response.streaming else ""
                if not refused(response) or any(text in content for text in SECRET_TEXTS):
                    problems.append(f"{role}: {method.upper()} {url} → {response.status_code}")

    assert problems == []
    assert counts() == before
    world["booking"].refresh_from_db()
    assert world["booking"].status == "confirmed"
