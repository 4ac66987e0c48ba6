"""The questionnaire as a form: one field per question, none required."""

from django import forms
from django.utils.translation import gettext_lazy as _

from evaluations.models import RATING_SCALE, ItemKind, Questionnaire
from evaluations.services import TEXT_MAX_LENGTH

RATING_LABELS = {
    1: _("1 – poor"),
    2: "2",
    3: "3",
    4: "4",
    5: _("5 – very good"),
}


class AnswerForm(forms.Form):
    def __init__(self, *args, questionnaire: Questionnaire, **kwargs):
        super().__init__(*args, **kwargs)
        for item in questionnaire.items.all():
            self.fields[item.key] = _field(item)


def _field(item) -> forms.Field:
    label = item.label
    if item.kind == ItemKind.RATING:
        return forms.TypedChoiceField(
            label=label,
            choices=[(n, RATING_LABELS[n]) for n in RATING_SCALE],
            coerce=int,
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
        )
    if item.kind == ItemKind.SINGLE:
        return forms.ChoiceField(
            label=label, choices=item.options, required=False, widget=forms.RadioSelect
        )
    if item.kind == ItemKind.MULTIPLE:
        return forms.MultipleChoiceField(
            label=label,
            choices=item.options,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("Choose all that apply."),
        )
    return forms.CharField(
        label=label,
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
