"""Thin views behind the catalogue pages' routes: parse input, call a selector, render."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Paginator
from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from catalogue.caching import cached
from catalogue.forms import CatalogueFilterForm, FeedFilterForm
from catalogue.ics import build_calendar, calendar_response, date_event
from catalogue.selectors import sessions, trainings
from catalogue.visitors import visitor_sector

TRAININGS_PER_PAGE = 10


def catalogue_listing(request, index):
    form = CatalogueFilterForm(request.GET)
    context = {"form": form, "feed_query": ""}
    status = 200
    if form.is_valid():
        filters = form.filters()
        context["active_filters"] = form.active_count()
        query = request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        context["feed_query"] = urlencode(
            {key: request.GET[key] for key in ("topic", "state") if request.GET.get(key)}
        )
        paginator = Paginator(
            trainings.catalogue_trainings(index=index, filters=filters), TRAININGS_PER_PAGE
        )
        number = form.cleaned_data["page"] or 1
        try:
            page_obj = paginator.page(number)
        except EmptyPage:
            status = 404
            context["page_error"] = _(
                "There is no page %(number)s; the results have %(pages)s page(s)."
            ) % {"number": number, "pages": paginator.num_pages}
        else:
            sector = visitor_sector(request)  # the prices shown depend on it
            context["results_html"] = cached(
                ("listing-html", index.pk, get_language(), context["filter_query"], number, sector),
                lambda: _render_results(request, page_obj, context["filter_query"], sector),
                per_minute=True,
                with_seats=filters.free_only,
            )
    else:
        status = 400
    response = index.render(request, context_overrides=context)
    response.status_code = status
    return response


def _render_results(request, page_obj, filter_query: str, sector: str) -> str:
    page_obj.object_list = trainings.trainings_for_listing(page_obj.object_list)
    return render_to_string(
        "catalogue/includes/listing_results.html",
        {"page_obj": page_obj, "filter_query": filter_query, "visitor_sector": sector},
        request=request,
    )


def catalogue_feed(request, index):
    form = FeedFilterForm(request.GET)
    if not form.is_valid():
        messages = [str(message) for errors in form.errors.values() for message in errors]
        return HttpResponseBadRequest(" ".join(messages), content_type="text/plain; charset=utf-8")
    topic, state = form.cleaned_data["topic"], form.cleaned_data["state"]
    occurrences = sessions.feed_occurrences(topic=topic, state=state)
    links = trainings.training_links(
        translation_keys=sessions.feed_sessions(topic=topic, state=state).values("training_key"),
        language_code=get_language(),
    )
    base_urls = {
        key: request.build_absolute_uri(f"{link.url}sessions/") for key, link in links.items()
    }
    events = [
        date_event(
            occurrence.session,
            occurrence,
            title=links[occurrence.session.translation_key].title,
            url=f"{base_urls[occurrence.session.translation_key]}{occurrence.session.pk}/",
        )
        for occurrence in occurrences
    ]
    return calendar_response(
        build_calendar(events, name=_("IQ trainings: upcoming sessions")),
        filename="iq-trainings.ics",
        inline=True,
    )
