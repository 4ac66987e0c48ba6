from django.shortcuts import redirect
from django.urls import path
from wagtail import hooks
from wagtail.admin import messages
from wagtail.snippets.models import register_snippet

from evaluations.admin_views import URL_NAME, EvaluationResultsView, results_menu_item
from evaluations.models import STANDARD_STAYS, Questionnaire
from evaluations.viewsets import QuestionnaireViewSet

register_snippet(QuestionnaireViewSet)


@hooks.register("before_delete_snippet")
def keep_the_standard_questionnaire(request, instances):
    if any(isinstance(item, Questionnaire) and item.is_standard for item in instances):
        messages.error(request, str(STANDARD_STAYS))
        return redirect("wagtailsnippets_evaluations_questionnaire:list")


@hooks.register("register_admin_urls")
def register_results_url():
    return [path("evaluations/results/", EvaluationResultsView.as_view(), name=URL_NAME)]


@hooks.register("register_reports_menu_item")
def register_results_menu_item():
    return results_menu_item()
