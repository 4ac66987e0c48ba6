"""Presentation helpers for the public templates."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from catalogue.caching import PAGES, cached
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
    chrome = site_chrome(request)
    translations = _translation_urls(request, page) if isinstance(page, Page) else None
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if translations is not None:
            url = translations.get(code)
            page_url = translations.get(None)
            if url and page_url and request.path.startswith(page_url):
                url += request.path[len(page_url) :]
                if request.GET:
                    url += "?" + request.GET.urlencode()
        elif _own_route(request):
            url = translate_url(request.get_full_path(), code)  # account, booking, login …
        links.append(
            {
                "code": code,
                "name": name,
                "url": url or chrome["homes"].get(code) or "/",
                "current": code == current,
            }
        )
    return links


def _translation_urls(request, page: Page) -> dict:
    """The page's own URL (key None) and that of its live translation per language code."""

    def compute() -> dict:
        urls = {None: page.get_url(request)}
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            urls[translation.locale.language_code] = translation.get_url(request)
        return urls

    if page.pk is None:  # the preview of a page not yet saved: nothing to share
        return compute()
    site = Site.find_for_request(request)
    return cached(("translations", page.pk, site.pk if site else None), compute, scope=PAGES)


def site_chrome(request) -> dict:
    """What the header and footer link to, in the active language, cached until a page, site
    or site setting changes: the catalogue, the explanation and legal pages, the contact, the
    logo and each language's home page."""
    site = Site.find_for_request(request)
    language = get_language()

    def compute() -> dict:
        site_settings = SiteSettings.for_request(request)
        locale = Locale.objects.filter(language_code=language).first()
        explanations = (site_settings.easy_language_page_id, site_settings.sign_language_page_id)
        legal = (
            site_settings.imprint_page_id,
            site_settings.privacy_page_id,
            site_settings.accessibility_page_id,
        )
        pages = Page.objects.in_bulk([pk for pk in (*explanations, *legal) if pk])
        # Each page in the active language where a live translation exists (as Page.localized
        # decides), in one query for all of them.
        localized = (
            {
                page.translation_key: page
                for page in Page.objects.live().filter(
                    locale=locale, translation_key__in=[p.translation_key for p in pages.values()]
                )
            }
            if locale
            else {}
        )

        def link(page_id):
            page = pages.get(page_id)
            if page is None:
                return None
            page = localized.get(page.translation_key, page)
            return {"title": page.title, "url": page.get_url(request)}

        index = CatalogueIndexPage.objects.live().filter(locale=locale).first() if locale else None
        homes = {}
        if site is not None:
            for home in site.root_page.get_translations(inclusive=True).select_related("locale"):
                homes[home.locale.language_code] = home.get_url(request)
        logo = site_settings.logo
        return {
            "catalogue_url": index.get_url(request) if index else None,
            "explanations": [link(pk) for pk in explanations if pk in pages and pages[pk].live],
            "legal": [found for pk in legal if (found := link(pk))],
            "contact_email": site_settings.contact_email,
            "contact_phone": site_settings.contact_phone,
            "logo": (
                logo.get_rendition("height-56").img_tag({"class": "brand-logo", "alt": ""})
                if logo
                else None
            ),
            "homes": homes,
        }

    return cached(("chrome", site.pk if site else None, language), compute, scope=PAGES)


def _own_route(request) -> bool:
    """A view of its own (not Wagtail's page serving, which a page not found also goes to)."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name != "wagtail_serve"


@register.simple_tag(takes_context=True)
def chrome(context) -> dict:
    return site_chrome(context["request"])


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
