"""Questionnaires, the invitations to answer them and the anonymous answers.

Anonymity by construction: an Answer names its session, questionnaire and the date it came in,
nothing else: no invitation, no participant, no time of day, and a random id (a running number
would give away the order in which answers and used invitations came in). An Invitation knows
its session, never its participant; only the hash of its token is stored."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

RATING_SCALE = range(1, 6)


STANDARD_STAYS = _(
    "Every training without a questionnaire of its own uses the standard one: make another "
    "questionnaire the standard first."
)


def _localised(german: str, english: str) -> str:
    return english if get_language() == "en" and english else german


class Questionnaire(ClusterableModel):
    name = models.CharField(_("name (German)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    intro = models.TextField(_("introduction (German)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    is_standard = models.BooleanField(
        _("standard questionnaire"),
        default=False,
        help_text=_("Used for every training that has no questionnaire of its own."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("intro"), FieldPanel("intro_en")]),
        FieldPanel("is_standard"),
        InlinePanel("items", label=_("questions"), min_num=1),
        InlinePanel("trainings", label=_("trainings using this questionnaire")),
    ]

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [
            models.UniqueConstraint(
                fields=["is_standard"],
                condition=models.Q(is_standard=True),
                name="evaluations_one_standard_questionnaire",
                violation_error_message=_("There is already a standard questionnaire."),
            )
        ]

    def clean(self):
        was_standard = (
            self.pk is not None
            and Questionnaire.objects.filter(pk=self.pk, is_standard=True).exists()
        )
        if was_standard and not self.is_standard:
            raise ValidationError({"is_standard": STANDARD_STAYS})

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return _localised(self.name, self.name_en)

    @property
    def intro_text(self) -> str:
        return _localised(self.intro, self.intro_en)


class ItemKind(models.TextChoices):
    RATING = "rating", _("rating from 1 (poor) to 5 (very good)")
    SINGLE = "single", _("single choice")
    MULTIPLE = "multiple", _("multiple choice")
    TEXT = "text", _("free text")


class QuestionnaireItem(Orderable):
    """One question. Answers store their values by `key`, so a question keeps its key once
    answers exist. Choices are one per line, in the same order in both languages."""

    questionnaire = ParentalKey(Questionnaire, on_delete=models.CASCADE, related_name="items")
    key = models.SlugField(
        _("key"), max_length=50, help_text=_("Short and unique in the questionnaire.")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ItemKind.choices)
    text = models.CharField(_("question (German)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    choices = models.TextField(_("choices (German)"), blank=True, help_text=_("One per line."))
    choices_en = models.TextField(_("choices (English)"), blank=True, help_text=_("One per line."))

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("text"), FieldPanel("text_en")]),
        FieldRowPanel([FieldPanel("choices"), FieldPanel("choices_en")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "key"], name="evaluations_item_key_unique"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return _localised(self.text, self.text_en)

    @property
    def has_choices(self) -> bool:
        return self.kind in (ItemKind.SINGLE, ItemKind.MULTIPLE)

    @property
    def options(self) -> list[tuple[str, str]]:
        """(value stored, label shown): the value is the German text's position, from 1."""
        german = [line.strip() for line in self.choices.splitlines() if line.strip()]
        english = [line.strip() for line in self.choices_en.splitlines() if line.strip()]
        labels = english if get_language() == "en" and len(english) == len(german) else german
        return [(str(number), label) for number, label in enumerate(labels, start=1)]

    def clean(self):
        german = [line for line in self.choices.splitlines() if line.strip()]
        english = [line for line in self.choices_en.splitlines() if line.strip()]
        if self.has_choices and len(german) < 2:
            raise ValidationError({"choices": _("Give at least two choices, one per line.")})
        if self.has_choices and english and len(english) != len(german):
            raise ValidationError({"choices_en": _("Give as many English choices as German ones.")})
        if not self.has_choices and (german or english):
            raise ValidationError({"choices": _("Only choice questions have choices.")})


class TrainingQuestionnaire(models.Model):
    """A training that uses its own questionnaire instead of the standard one. Any language
    version of the training may be chosen: it counts for all of them."""

    questionnaire = ParentalKey(Questionnaire, on_delete=models.CASCADE, related_name="trainings")
    training = models.OneToOneField(
        "catalogue.TrainingPage",
        verbose_name=_("training"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("training")]

    class Meta:
        verbose_name = _("training with its own questionnaire")
        verbose_name_plural = _("trainings with their own questionnaire")

    def __str__(self) -> str:
        return str(self.training)


class InvitationKind(models.TextChoices):
    PERSONAL = "personal", _("personal (emailed to the participant)")
    HANDED_OUT = "handed_out", _("handed out (sent to the booker to pass on)")
    ROOM = "room", _("taken from the room link the trainer showed")


class Invitation(models.Model):
    """One link to answer once. It records only that it was used, on which day."""

    session = models.ForeignKey(
        "catalogue.Session", on_delete=models.CASCADE, related_name="evaluation_invitations"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=16, choices=InvitationKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    used_on = models.DateField(_("used on"), null=True, blank=True)

    class Meta:
        verbose_name = _("evaluation invitation")
        verbose_name_plural = _("evaluation invitations")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.session})"


class Answer(models.Model):
    """One filled-in questionnaire: `values` by item key (a rating as a number 1–5, a single
    choice as its value, a multiple choice as a list of values, free text as text)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(
        "catalogue.Session", on_delete=models.PROTECT, related_name="evaluation_answers"
    )
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="answers"
    )
    submitted_on = models.DateField(_("submitted on"))
    values = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        # No ordering by anything that reveals when an answer came in beyond its date.
        ordering = ["submitted_on"]

    def __str__(self) -> str:
        return f"{self.session} ({self.submitted_on})"
