"""Pages people reach from a personal link in an email, without an account: a participant's
materials and the one-click unsubscribe from reminders."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from bookings.participant_links import LinkExpired, LinkInvalid, participant_for_token
from bookings.unsubscribe import digest_from_token, resubscribe, unsubscribe
from catalogue.material_views import session_material_download
from catalogue.selectors.materials import materials_for_session


def _link_refused(request, error: LinkInvalid):
    expired = isinstance(error, LinkExpired)
    message = (
        _("This link has expired: materials stay available for some weeks after the session.")
        if expired
        else _(
            "This link is not valid (any more). It works only for a confirmed place; ask the "
            "person who booked for you."
        )
    )
    return render(
        request,
        "bookings/link_refused.html",
        {"message": message},
        status=410 if expired else 404,
    )


def materials(request, token):
    try:
        participant = participant_for_token(token)
    except LinkInvalid as error:
        return _link_refused(request, error)
    session = participant.booking.session
    return render(
        request,
        "bookings/participant_materials.html",
        {
            "participant": participant,
            "training": session.training.localized,
            "session": session,
            "materials": materials_for_session(session),
            "token": token,
        },
    )


def material_download(request, token, material_id):
    try:
        participant = participant_for_token(token)
    except LinkInvalid as error:
        return _link_refused(request, error)
    return session_material_download(participant.booking.session, material_id)


@csrf_exempt  # mail programs post the one-click unsubscribe without a form (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token):
    digest = digest_from_token(token)
    if digest is None:
        return render(
            request,
            "bookings/link_refused.html",
            {"message": _("This unsubscribe link is not valid.")},
            status=404,
        )
    done = None
    if request.method == "POST":
        if request.POST.get("action") == "resubscribe":
            resubscribe(digest)
            done = "resubscribed"
        else:  # the form's button and the mail program's "List-Unsubscribe=One-Click"
            unsubscribe(digest)
            done = "unsubscribed"
    return render(request, "bookings/unsubscribe.html", {"done": done})
