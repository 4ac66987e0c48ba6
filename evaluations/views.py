"""The questionnaire page a participant reaches from their link, without an account."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from evaluations.forms import AnswerForm
from evaluations.selectors import questionnaire_for_session
from evaluations.services import (
    EvaluationError,
    LinkExpired,
    LinkInvalid,
    LinkUsed,
    answer_submit,
    invitation_for_token,
)


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
