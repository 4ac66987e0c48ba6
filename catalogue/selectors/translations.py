"""Reads of page translations: whether a copy in another language is behind its source."""

from dataclasses import dataclass
from datetime import datetime

from wagtail.models import Locale, Page, PageLogEntry

TRANSLATION_CURRENT_ACTION = "catalogue.translation_current"


@dataclass(frozen=True)
class TranslationLag:
    source: Page
    source_changed_at: datetime
    translated_at: datetime
    compare_from: int | str  # the source's revision when the copy was translated, or "earliest"


def translation_lag(page: Page) -> TranslationLag | None:
    """How the source (the page in the default language) changed since this copy was last
    brought up to date; None for a source, a copy without one, or a copy that is current.
    The copy is up to date as of the last time it was made or marked so; a copy from before
    that was recorded counts from its last publication."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return None
    source = page.get_translation_or_none(default)
    if source is None or source.last_published_at is None:
        return None
    translated_at = (
        PageLogEntry.objects.filter(page=page, action=TRANSLATION_CURRENT_ACTION)
        .order_by("-timestamp")
        .values_list("timestamp", flat=True)
        .first()
    ) or page.last_published_at
    if translated_at is None or source.last_published_at <= translated_at:
        return None
    before = (
        source.revisions.filter(created_at__lte=translated_at)
        .order_by("-created_at")
        .values_list("pk", flat=True)
        .first()
    )
    return TranslationLag(
        source=source,
        source_changed_at=source.last_published_at,
        translated_at=translated_at,
        compare_from=before or "earliest",
    )
