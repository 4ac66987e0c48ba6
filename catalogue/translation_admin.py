"""The admin side of translations: a copy whose source changed says so when it is edited, with
the changes one click away, and is marked up to date again by its editor."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.log_actions import LogFormatter
from wagtail.models import Locale, Page

from catalogue.selectors.translations import translation_lag
from catalogue.services import CatalogueError, translation_mark_current


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _compare_url(lag) -> str:
    return reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[lag.source.pk, lag.compare_from, "live"],
    )


def warn_of_a_changed_source(request, page):
    """Before the edit view of a page: a warning when it is a copy behind its source."""
    if request.method != "GET":
        return
    lag = translation_lag(page)
    if lag is None:
        return
    messages.warning(
        request,
        _(
            "The page in %(language)s was changed on %(changed)s, after this translation was "
            "last brought up to date (%(translated)s)."
        )
        % {
            "language": lag.source.locale.get_display_name(),
            "changed": _when(lag.source_changed_at),
            "translated": _when(lag.translated_at),
        },
        buttons=[
            messages.button(_compare_url(lag), _("Show the changes"), new_window=True),
            messages.button(
                reverse("catalogue_translation_current", args=[page.pk]),
                _("Mark as up to date"),
            ),
        ],
    )


@login_required
@require_http_methods(["GET", "POST"])
def translation_current_view(request, page_id):
    page = Page.objects.filter(pk=page_id).exclude(locale=Locale.get_default()).first()
    if page is None or not page.permissions_for_user(request.user).can_edit():
        raise Http404  # only a translation is brought up to date, by who may edit it
    page = page.specific
    lag = translation_lag(page)
    if request.method == "POST":
        try:
            translation_mark_current(page=page, by=request.user)
        except CatalogueError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The translation is marked as up to date."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "catalogue/admin/translation_current.html",
        {
            "page": page,
            "lag": lag,
            "compare_url": _compare_url(lag) if lag else None,
            "page_title": _("Translation up to date?"),
            "header_title": _("Translation up to date?"),
        },
    )


class TranslationCurrent(LogFormatter):
    label = gettext_lazy("Translation up to date")

    def format_message(self, log_entry):
        if (log_entry.data or {}).get("copied"):
            return _("Copied for translation")
        return _("Translation marked as up to date")
