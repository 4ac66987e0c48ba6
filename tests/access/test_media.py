"""Attacks on file paths: under DEBUG (`make run`) /media/ serves images, never a document by any
spelling of its path (./, //, .., %2e, %2f, letter case, a path outside the media folder).
Documents are served only by Wagtail's view, which keeps private ones private."""

import importlib

import pytest
from django.urls import clear_url_caches

import urls

VARIANTS = [
    "/media/documents/{name}",
    "/media/./documents/{name}",
    "/media//documents/{name}",
    "/media/x/../documents/{name}",
    "/media/%2e/documents/{name}",
    "/media/%2E%2E/media/documents/{name}",
    "/media/images/../documents/{name}",
    "/media/documents%2f{name}",
    "/media/Documents/{name}",
    "/media/DOCUMENTS/{name}",
    "/media/.//./documents/{name}",
    "/media/documents/./{name}",
    "/media/%2e%2e/secret.txt",
    "/media/../secret.txt",
]


@pytest.fixture
def debug_urls(settings, tmp_path):
    """The site's real URLs as `make run` has them (DEBUG on), with a media folder holding a
    private document, an image and, beside it, a file outside the media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "zertifikat.pdf").write_bytes(
        b"%PDF private-certificate-bytes"
    )
    (settings.MEDIA_ROOT / "images").mkdir()
    (settings.MEDIA_ROOT / "images" / "logo.png").write_bytes(b"\x89PNG public")
    (tmp_path / "secret.txt").write_bytes(b"bytes-outside-media")
    settings.DEBUG = True
    importlib.reload(urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(urls)
    clear_url_caches()


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_spelling_of_a_path_serves_a_document(client, debug_urls, variant):
    response = client.get(variant.format(name="zertifikat.pdf"))

    assert response.status_code == 404
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"private-certificate-bytes" not in content
    assert b"bytes-outside-media" not in content


def test_images_are_still_served_under_debug(client, debug_urls):
    response = client.get("/media/images/logo.png")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\x89PNG public"
