import pytest
from django.db import connection

from catalogue.factories import make_session, make_training, translate_training

pytestmark = pytest.mark.django_db


def test_sitemap_lists_pages_in_both_languages_and_session_pages(client, site_tree):
    training = make_training(site_tree.index, slug="agg")
    session = make_session(training)
    translate_training(training, "en", slug="agg-en", title="AGG")

    xml = client.get("/sitemap.xml").content.decode()

    assert "http://localhost/schulungen/agg/</loc>" in xml
    assert "http://localhost/en/trainings/agg-en/</loc>" in xml
    assert f"http://localhost/schulungen/agg/sessions/{session.pk}/</loc>" in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_healthz_answers_200_with_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200


def test_healthz_answers_503_without_the_database(client):
    settings_dict = connection.settings_dict
    original_port = settings_dict["PORT"]
    connection.close()
    settings_dict["PORT"] = "1"  # nothing listens there
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        settings_dict["PORT"] = original_port
    assert response.status_code == 503


def test_unknown_page_is_a_friendly_404_in_german(client, site_tree):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()
