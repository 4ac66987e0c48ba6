"""Presentation helpers for the public templates."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from catalogue.models import CatalogueIndexPage
from home.models import SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the same page (and sub-route, and query) in that language, the
    same route for the views outside the page tree (account, booking, login), else its home."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    site = Site.find_for_request(request)
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        locale = locales.get(code)
        if isinstance(page, Page) and locale is not None:
            translation = page.get_translation_or_none(locale)
            if translation is not None and translation.live:
                url = translation.get_url(request)
                page_url = page.get_url(request)
                if url and page_url and request.path.startswith(page_url):
                    url += request.path[len(page_url) :]
                    if request.GET:
                        url += "?" + request.GET.urlencode()
        elif not isinstance(page, Page) and _own_route(request):
            url = translate_url(request.get_full_path(), code)  # account, booking, login …
        if url is None and site is not None and locale is not None:
            home = site.root_page.get_translation_or_none(locale)
            url = home.get_url(request) if home else None
        links.append({"code": code, "name": name, "url": url or "/", "current": code == current})
    return links


def _own_route(request) -> bool:
    """A view of its own (not Wagtail's page serving, which a page not found also goes to)."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name != "wagtail_serve"


@register.filter
def localized_page(page):
    """The page in the active language, when it has been translated."""
    return page.localized if page else None


@register.filter
def with_error_description(field):
    """A bound field's widget, marked invalid and tied to its error message for screen readers."""
    if not field.errors:
        return field.as_widget()
    described_by = [f"{field.auto_id}_error"]
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    return field.as_widget(
        attrs={"aria-invalid": "true", "aria-describedby": " ".join(described_by)}
    )


@register.simple_tag(takes_context=True)
def catalogue_url(context) -> str | None:
    """The catalogue in the active language (the header's link to the trainings)."""
    locale = Locale.objects.filter(language_code=get_language()).first()
    index = CatalogueIndexPage.objects.live().filter(locale=locale).first() if locale else None
    return index.get_url(context.get("request")) if index else None


@register.simple_tag(takes_context=True)
def explanation_pages(context) -> list[Page]:
    """The pages in Leichte Sprache and in German Sign Language (BITV 2.0) in the active
    language, for the start page and the footer."""
    site_settings = SiteSettings.for_request(context["request"])
    pages = (site_settings.easy_language_page, site_settings.sign_language_page)
    return [page.localized for page in pages if page is not None and page.live]
