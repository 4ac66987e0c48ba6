"""What the catalogue search finds of a training: the words of its live content."""

import re
import unicodedata

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Value

# PostgreSQL text search configurations by page language; other languages use "simple".
SEARCH_CONFIGS = {"de": "german", "en": "english"}
SEARCH_INDEX = "catalogue_training_search_gin"


def search_config(language_code: str) -> str:
    return SEARCH_CONFIGS.get(language_code, "simple")


def folded(text: str) -> str:
    """Text as the search compares it: Unicode-normalised, case-folded ("Ä" and "ä" alike,
    "ß" as "ss"), single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def search_words(query: str) -> list[str]:
    """The words of a query (punctuation and quotes split them), folded."""
    return re.findall(r"\w+", folded(query))


def search_document(page, *, postgresql: bool) -> dict:
    """The fields of a training page's search document from its content in memory: `text`
    always, `vector` (title weighted A, summary and topic B, body C) on PostgreSQL. Reads only
    title, summary, body, topic and locale, so migrations can pass their historical pages."""
    body = " ".join(page.body.stream_block.get_searchable_content(page.body))
    topic = f"{page.topic.name} {page.topic.name_en}"
    document = {"text": folded(" ".join((page.title, page.summary, topic, body)))}
    if postgresql:
        config = search_config(page.locale.language_code)
        document["vector"] = (
            SearchVector(Value(page.title), weight="A", config=config)
            + SearchVector(Value(page.summary), Value(topic), weight="B", config=config)
            + SearchVector(Value(body), weight="C", config=config)
        )
    return document


class TrainingSearch(models.Model):
    """The search document of a live training page: its title, summary, body text and topic
    names as folded plain text, and (on PostgreSQL) as a weighted search vector in the page's
    language. Only catalogue.services writes it, when the page is published or its
    topic changes; drafts and unpublished pages have none."""

    page = models.OneToOneField(
        "catalogue.TrainingPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    text = models.TextField()
    # GIN-indexed on PostgreSQL (SEARCH_INDEX, made by migration 0007 there only: SQLite, the
    # quick start, matches `text` and has no such index).
    vector = SearchVectorField(null=True)

    def __str__(self) -> str:
        return self.text[:80]
