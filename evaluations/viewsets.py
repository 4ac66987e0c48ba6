from wagtail.snippets.views.snippets import SnippetViewSet

from evaluations.models import Questionnaire


class QuestionnaireViewSet(SnippetViewSet):
    model = Questionnaire
    icon = "form"
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["name", "name_en", "is_standard"]
    search_fields = ["name", "name_en"]
