from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin import messages
from wagtail.snippets.models import register_snippet

from evaluations.models import STANDARD_STAYS, Questionnaire
from evaluations.viewsets import QuestionnaireViewSet

register_snippet(QuestionnaireViewSet)


@hooks.register("before_delete_snippet")
def keep_the_standard_questionnaire(request, instances):
    if any(isinstance(item, Questionnaire) and item.is_standard for item in instances):
        messages.error(request, str(STANDARD_STAYS))
        return redirect("wagtailsnippets_evaluations_questionnaire:list")
