from wagtail.snippets.models import register_snippet

from evaluations.viewsets import QuestionnaireViewSet

register_snippet(QuestionnaireViewSet)
