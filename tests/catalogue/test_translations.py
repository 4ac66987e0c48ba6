"""Editors translate pages, and a translation says when the page it was made from changed."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, PageLogEntry

from bookings.factories import UserFactory
from catalogue.factories import make_training
from catalogue.models import TrainingPage

pytestmark = pytest.mark.django_db

WARNING = "nachdem diese Übersetzung zuletzt abgeglichen wurde"


@pytest.fixture
def editor(client):
    user = UserFactory(email="redaktion@example.org")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


@pytest.fixture
def training(site_tree):
    return make_training(site_tree.index, title="Vielfalt im Jobcenter", summary="Erste Fassung.")


def translate(client, page) -> TrainingPage:
    english = Locale.objects.get(language_code="en")
    response = client.post(f"/admin/translation/submit/page/{page.pk}/", {"locales": [english.pk]})
    assert response.status_code == 302
    return TrainingPage.objects.get(translation_key=page.translation_key, locale=english)


def publish_german_change(page, summary):
    page = TrainingPage.objects.get(pk=page.pk)
    page.summary = summary
    page.save_revision().publish()


def test_editors_have_the_translate_action_and_translate_a_training(client, editor, training):
    edit_page = client.get(f"/admin/pages/{training.pk}/edit/").content.decode()
    assert f"/admin/translation/submit/page/{training.pk}/" in edit_page

    copy = translate(client, training)

    assert copy.title == "Vielfalt im Jobcenter"
    assert PageLogEntry.objects.filter(page=copy, action="catalogue.translation_current").exists()
    assert WARNING not in client.get(f"/admin/pages/{copy.pk}/edit/").content.decode()


def test_a_translation_says_when_its_source_changed_and_is_marked_current(client, editor, training):
    copy = translate(client, training)
    PageLogEntry.objects.filter(page=copy).update(timestamp=timezone.now() - timedelta(hours=1))
    publish_german_change(training, "Zweite Fassung mit neuem Inhalt.")

    edit_page = client.get(f"/admin/pages/{copy.pk}/edit/").content.decode()
    german_edit_page = client.get(f"/admin/pages/{training.pk}/edit/").content.decode()

    assert WARNING in edit_page
    assert WARNING not in german_edit_page
    compare = edit_page.split(f"/admin/pages/{training.pk}/revisions/compare/")[1].split('"')[0]
    changes = client.get(f"/admin/pages/{training.pk}/revisions/compare/{compare}")
    assert changes.status_code == 200
    assert "Zweite" in changes.content.decode() and "Erste" in changes.content.decode()

    assert client.get(f"/admin/catalogue/translations/{copy.pk}/current/").status_code == 200
    response = client.post(f"/admin/catalogue/translations/{copy.pk}/current/")

    assert response.status_code == 302
    assert WARNING not in client.get(f"/admin/pages/{copy.pk}/edit/").content.decode()
    entry = PageLogEntry.objects.filter(page=copy).latest("timestamp")
    assert (entry.action, entry.user) == ("catalogue.translation_current", editor)
    history = client.get(f"/admin/pages/{copy.pk}/history/").content.decode()
    assert "Übersetzung als aktuell markiert" in history


def test_only_who_may_edit_the_page_marks_it_current(client, site_tree, training):
    copy = translate_as_editor(training)
    outsider = UserFactory()
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)

    response = client.post(f"/admin/catalogue/translations/{copy.pk}/current/")

    assert response.status_code == 404
    assert not PageLogEntry.objects.filter(page=copy, user=outsider).exists()


def translate_as_editor(page):
    client = Client()
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return translate(client, page)


def test_a_page_in_the_default_language_is_no_translation_to_mark(client, editor, training):
    response = client.post(f"/admin/catalogue/translations/{training.pk}/current/")

    assert response.status_code == 404
    assert not PageLogEntry.objects.filter(page=training, action="catalogue.translation_current")
