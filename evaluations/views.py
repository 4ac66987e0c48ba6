"""The questionnaire page a participant reaches from their link, and the room link that hands
out such links, without an account."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from evaluations.forms import AnswerForm
from evaluations.selectors import questionnaire_for_session
from evaluations.services import (
    VALID_FOR,
    EvaluationError,
    LinkExpired,
    LinkInvalid,
    LinkUsed,
    RoomLinkClosed,
    answer_submit,
    invitation_for_token,
    room_link_for_session,
    room_link_take,
    session_for_room_code,
)

ROOM_COOKIE = "evaluation_room_{}"


def _refused(request, error: LinkInvalid | LinkUsed | LinkExpired):
    return render(
        request,
        "evaluations/link_refused.html",
        {"message": str(error), "used": isinstance(error, LinkUsed)},
        status=404 if isinstance(error, LinkInvalid) else 410,
    )


@require_http_methods(["GET", "POST"])
def evaluation(request, token):
    try:
        invitation = invitation_for_token(token)
    except (LinkInvalid, LinkUsed, LinkExpired) as error:
        return _refused(request, error)
    session = invitation.session
    questionnaire = questionnaire_for_session(session)
    form = AnswerForm(
        request.POST if request.method == "POST" else None, questionnaire=questionnaire
    )
    if request.method == "POST" and form.is_valid():
        try:
            answer_submit(token=token, values=form.cleaned_data)
        except (LinkInvalid, LinkUsed, LinkExpired) as error:
            return _refused(request, error)
        except EvaluationError as error:
            form.add_error(None, str(error))
        else:
            return render(request, "evaluations/thanks.html", {"session": session})
    return render(
        request,
        "evaluations/questionnaire.html",
        {
            "form": form,
            "questionnaire": questionnaire,
            "session": session,
            "training": session.training.localized,
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def room(request, code):
    """The address the trainer shows in the room. Opening it takes nothing (link previews and
    scanners open addresses too); the button takes this person's own single-use link, and the
    browser keeps it, so that pressing again or reloading takes no second one."""
    try:
        session = session_for_room_code(code)
    except LinkInvalid as error:
        return _refused(request, error)
    training = session.training.localized
    context = {"session": session, "training": training, "room": room_link_for_session(session)}
    if request.method == "POST":
        cookie = ROOM_COOKIE.format(session.pk)
        try:
            token = room_link_take(session=session, kept=request.COOKIES.get(cookie))
        except RoomLinkClosed as error:
            context["message"] = str(error)
            return render(request, "evaluations/room.html", context, status=410)
        response = redirect(reverse("evaluation", args=[token]))
        response.status_code = 303
        response.set_cookie(
            cookie,
            token,
            max_age=int(VALID_FOR.total_seconds()),
            path=reverse("evaluation_room", args=[code]),
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
        return response
    return render(request, "evaluations/room.html", context, status=200 if context["room"] else 410)
