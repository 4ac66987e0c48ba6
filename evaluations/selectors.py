"""Reads: which questionnaire a session uses, and the results of the answers.

The threshold: figures for answers (mean and distribution of a question) and the free-text
answers are shown only where at least THRESHOLD answers exist for what is shown; below it only
the number of answers and the response rate are given."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count
from django.utils.translation import gettext as _

from catalogue.models import Session, StateNetwork, Topic
from catalogue.models.sessions import SessionStatus
from evaluations.models import (
    RATING_SCALE,
    Answer,
    ItemKind,
    Questionnaire,
    QuestionnaireItem,
    TrainingQuestionnaire,
)

THRESHOLD = 5


class ResultsError(ValueError):
    """The filters cannot be answered; the message says why, in the user's language."""


def standard_questionnaire() -> Questionnaire:
    return Questionnaire.objects.get(is_standard=True)


def questionnaire_for_session(session: Session) -> Questionnaire:
    """The training's own questionnaire, otherwise the standard one."""
    own = (
        TrainingQuestionnaire.objects.filter(training__translation_key=session.training_key)
        .select_related("questionnaire")
        .first()
    )
    return own.questionnaire if own else standard_questionnaire()


@dataclass
class ItemResult:
    key: str
    question: str
    kind: str
    answered: int = 0
    mean: float | None = None
    # Value (a rating 1–5 or a choice's label) -> how many chose it.
    distribution: dict[str, int] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)


@dataclass
class Results:
    answers: int
    invited: int
    items: list[ItemResult]

    @property
    def response_rate(self) -> float | None:
        return round(self.answers / self.invited, 3) if self.invited else None

    @property
    def withheld(self) -> bool:
        return self.answers < THRESHOLD


def _items(questionnaire_ids) -> list[QuestionnaireItem]:
    """The questions of these questionnaires in their order, each key once."""
    items = {}
    for item in QuestionnaireItem.objects.filter(questionnaire__in=questionnaire_ids).order_by(
        "questionnaire_id", "sort_order"
    ):
        items.setdefault(item.key, item)
    return list(items.values())


def results(answers, *, invited: int) -> Results:
    """The results of `answers` (a queryset), with the figures only at or above the
    threshold."""
    values = list(answers.values_list("questionnaire_id", "values"))
    found = Results(answers=len(values), invited=invited, items=[])
    if found.withheld:
        return found
    for item in _items({questionnaire for questionnaire, _values in values}):
        given = [answer[item.key] for _q, answer in values if item.key in answer]
        result = ItemResult(key=item.key, question=item.label, kind=item.kind, answered=len(given))
        if item.kind == ItemKind.RATING:
            counts = Counter(given)
            result.distribution = {str(n): counts[n] for n in RATING_SCALE}
            result.mean = round(sum(given) / len(given), 2) if given else None
        elif item.has_choices:
            chosen = Counter(
                choice
                for value in given
                for choice in (value if isinstance(value, list) else [value])
            )
            result.distribution = {label: chosen[value] for value, label in item.options}
        else:
            result.texts = sorted(given)  # sorted: the order they came in says nothing
        found.items.append(result)
    return found


def session_results(session: Session) -> Results:
    return results(
        Answer.objects.filter(session=session), invited=session.evaluation_invitations.count()
    )


def report_by_training(
    *, date_from: date, date_to: date, state: str | None = None, topic: str | None = None
) -> list[dict]:
    """Per training, the sessions held that began in the period (Berlin dates): sessions,
    links given out, answers, response rate and, at or above the threshold, mean and
    distribution of each rating question. For report_evaluations."""
    if date_from > date_to:
        raise ResultsError(_("The period must not end before it begins."))
    sessions = Session.objects.filter(
        status=SessionStatus.HELD, starts_at__date__range=(date_from, date_to)
    )
    if state:
        if state not in StateNetwork.values:
            raise ResultsError(_("Unknown state network: %(state)s.") % {"state": state})
        sessions = sessions.filter(state=state)
    if topic:
        if not Topic.objects.filter(slug=topic).exists():
            raise ResultsError(_("Unknown topic: %(topic)s.") % {"topic": topic})
        sessions = sessions.filter(training__topic__slug=topic)
    sessions = sessions.annotate(invited=Count("evaluation_invitations")).select_related(
        "training__topic"
    )
    by_training: dict = {}
    for session in sessions.order_by("training__title", "starts_at"):
        by_training.setdefault(session.training_key, []).append(session)
    rows = []
    for held in by_training.values():
        training = held[0].training
        found = results(
            Answer.objects.filter(session__in=held), invited=sum(s.invited for s in held)
        )
        rows.append(
            {
                "training": training.localized.title,
                "topic": training.topic.slug,
                "sessions": len(held),
                "invited": found.invited,
                "answers": found.answers,
                "response_rate": found.response_rate,
                "withheld": found.withheld,
                "items": [
                    {
                        "key": item.key,
                        "question": item.question,
                        "answered": item.answered,
                        "mean": item.mean,
                        "distribution": item.distribution,
                    }
                    for item in found.items
                    if item.kind == ItemKind.RATING
                ],
            }
        )
    return rows
