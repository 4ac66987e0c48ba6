"""Reads: which questionnaire a session uses, and the results of the answers.

The threshold: figures for answers (mean and distribution of a question) and the free-text
answers are shown only where at least THRESHOLD answers exist for what is shown; below it only
the number of answers and the response rate are given."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Count, IntegerField, Q, QuerySet, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from bookings.certificates import trainer_directory
from bookings.statistics import FeedbackFigures
from catalogue.models import Session, StateNetwork, Topic, TrainingPage
from catalogue.models.sessions import SessionStatus
from evaluations.models import (
    RATING_SCALE,
    Answer,
    Invitation,
    InvitationKind,
    ItemKind,
    Questionnaire,
    QuestionnaireItem,
    TrainingQuestionnaire,
)

THRESHOLD = 5
# The standard questionnaire's overall satisfaction, which the programme report shows.
OVERALL_KEY = "overall"


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
    # The answers the figures come from where that is not all of them (see _together).
    figures_from: int | None = None

    @property
    def response_rate(self) -> float | None:
        return round(self.answers / self.invited, 3) if self.invited else None

    @property
    def withheld(self) -> bool:
        return (self.answers if self.figures_from is None else self.figures_from) < THRESHOLD

    @property
    def partly_withheld(self) -> bool:
        return self.figures_from is not None and self.figures_from < self.answers


class _Questions:
    """The questions of the questionnaires answered, read once: a result asks for those of the
    questionnaires its answers used, in their order, each key once."""

    def __init__(self, questionnaire_ids):
        self._ids = set(questionnaire_ids)
        self._by_questionnaire = None  # read when first asked: withheld results ask nothing

    def of(self, questionnaire_ids) -> list[QuestionnaireItem]:
        if self._by_questionnaire is None:
            self._by_questionnaire = defaultdict(list)
            for item in QuestionnaireItem.objects.filter(questionnaire__in=self._ids).order_by(
                "questionnaire_id", "sort_order"
            ):
                self._by_questionnaire[item.questionnaire_id].append(item)
        items = {}
        for questionnaire in sorted(set(questionnaire_ids)):
            for item in self._by_questionnaire[questionnaire]:
                items.setdefault(item.key, item)
        return list(items.values())


def _results(values: list[tuple[int, dict]], *, invited: int, questions: _Questions) -> Results:
    """The results of answers given as (questionnaire id, values), with the figures only at or
    above the threshold."""
    found = Results(answers=len(values), invited=invited, items=[])
    if found.withheld:
        return found
    for item in questions.of(questionnaire for questionnaire, _values in values):
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


def _answers_by_session(session_ids) -> dict[int, list[tuple[int, dict]]]:
    found = defaultdict(list)
    for session, questionnaire, values in Answer.objects.filter(
        session__in=session_ids
    ).values_list("session_id", "questionnaire_id", "values"):
        found[session].append((questionnaire, values))
    return found


def _invited_by_session(session_ids) -> dict[int, int]:
    """Links given out per session: one per participant present (personal or handed out to
    the booker); the room link's are the same people again and count for nothing here."""
    return dict(
        Invitation.objects.filter(session__in=session_ids)
        .exclude(kind=InvitationKind.ROOM)
        .values_list("session")
        .annotate(Count("pk"))
    )


def session_results(session: Session) -> Results:
    return results_of_sessions([session.pk])


def results_of_sessions(session_ids) -> Results:
    """The results of these sessions' answers taken together."""
    session_ids = list(session_ids)
    answers = _answers_by_session(session_ids)
    values = [value for session in session_ids for value in answers.get(session, [])]
    return _results(
        values,
        invited=sum(_invited_by_session(session_ids).values()),
        questions=_Questions(questionnaire for questionnaire, _values in values),
    )


def _together(parts, *, answers: dict, invited: int, questions: _Questions) -> Results:
    """The results of parts (sessions, or groups of them) shown beside it, taken together so
    that no withheld part can be read off as the difference to the parts shown: the sessions
    of withheld parts count in only where they together reach the threshold. The numbers of
    answers and links are all the parts'."""
    shown, held_back = set(), set()
    for session_ids, results in parts:
        (held_back if results.withheld else shown).update(session_ids)
    held_back -= shown
    if sum(len(answers.get(pk, [])) for pk in held_back) >= THRESHOLD:
        shown |= held_back
    found = _results(
        [value for pk in sorted(shown) for value in answers.get(pk, [])],
        invited=invited,
        questions=questions,
    )
    found.figures_from = found.answers
    found.answers = sum(len(answers.get(pk, [])) for pk in {pk for ids, _r in parts for pk in ids})
    return found


@dataclass
class SessionsResults:
    each: dict[int, Results]  # session id -> its own results
    together: Results


def results_per_session(session_ids) -> SessionsResults:
    """Each session's results on its own and all together (the trainer's list of sessions)."""
    session_ids = list(dict.fromkeys(session_ids))
    answers = _answers_by_session(session_ids)
    invited = _invited_by_session(session_ids)
    questions = _Questions(q for values in answers.values() for q, _values in values)
    each = {
        pk: _results(answers.get(pk, []), invited=invited.get(pk, 0), questions=questions)
        for pk in session_ids
    }
    together = _together(
        [([pk], results) for pk, results in each.items()],
        answers=answers,
        invited=sum(invited.values()),
        questions=questions,
    )
    return SessionsResults(each=each, together=together)


def programme_feedback(session_ids: list[int], among: QuerySet) -> FeedbackFigures:
    """For the programme report (bookings.statistics): the feedback on these trainings held.

    As results_of_sessions decides (the overall rating's mean from THRESHOLD answers on), but
    counted per session in the database: a national year has tens of thousands of answers,
    and the report needs only their number and the overall rating's sum."""
    overall = Q(
        questionnaire__in=QuestionnaireItem.objects.filter(
            key=OVERALL_KEY, kind=ItemKind.RATING
        ).values("questionnaire"),
        values__has_key=OVERALL_KEY,
    )
    rating = KT(f"values__{OVERALL_KEY}")
    per_session = (
        Answer.objects.filter(session__in=among)
        .order_by()
        .values("session")
        .annotate(
            answers=Count("pk"),
            rated=Count(rating, filter=overall),
            rating_sum=Sum(Cast(rating, IntegerField()), filter=overall),
        )
        .values_list("session", "answers", "rated", "rating_sum")
    )
    held = set(session_ids)
    answers = rated = rating_sum = 0
    for session, session_answers, session_rated, session_sum in per_session:
        if session in held:
            answers += session_answers
            rated += session_rated
            rating_sum += session_sum or 0
    invited = sum(count for session, count in _invited_by_session(among).items() if session in held)
    return FeedbackFigures(
        invited=invited,
        answers=answers,
        response_rate=round(answers / invited, 3) if invited else None,
        overall_satisfaction=(
            round(rating_sum / rated, 2) if rated and answers >= THRESHOLD else None
        ),
    )


GROUPS = {
    "training": gettext_lazy("training"),
    "topic": gettext_lazy("topic"),
    "trainer": gettext_lazy("trainer"),
    "state": gettext_lazy("state network"),
    "month": gettext_lazy("month"),
    "session": gettext_lazy("session"),
}
BERLIN = ZoneInfo("Europe/Berlin")


@dataclass(frozen=True)
class Filters:
    date_from: date
    date_to: date
    state: str | None = None
    topic: str | None = None  # slug
    training: str | None = None  # translation key
    trainer: str | None = None  # name
    session: int | None = None
    within: frozenset[str] | None = None  # the state networks the viewer may see; None: all


@dataclass
class Group:
    """One row of the results: a training, topic, trainer, state network, month or session.
    `drill`: the filter (query parameters) that shows this row alone."""

    key: str
    label: str
    sessions: int
    results: Results
    drill: dict
    topic: str  # the topic's slug where the group has one (a training, a session, a topic)

    def mean_of(self, key: str) -> float | None:
        return next((item.mean for item in self.results.items if item.key == key), None)


@dataclass
class Report:
    filters: Filters
    group_by: str
    sessions: int
    overall: Results
    groups: list[Group]
    # The rating questions, (key, question), in the order of the first questionnaire.
    ratings: list[tuple[str, str]]


def held_sessions(filters: Filters):
    """The sessions held whose first date falls in the period, narrowed by the filters."""
    if filters.date_from > filters.date_to:
        raise ResultsError(_("The period must not end before it begins."))
    if filters.state is not None and filters.state not in StateNetwork.values:
        raise ResultsError(_("Unknown state network: %(state)s.") % {"state": filters.state})
    if filters.state is not None and filters.within is not None:
        if filters.state not in filters.within:
            raise ResultsError(_("These figures are not yours to see."))
    if filters.topic is not None and not Topic.objects.filter(slug=filters.topic).exists():
        raise ResultsError(_("Unknown topic: %(topic)s.") % {"topic": filters.topic})
    start = datetime.combine(filters.date_from, time.min, BERLIN)
    end = datetime.combine(filters.date_to + timedelta(days=1), time.min, BERLIN)
    sessions = Session.objects.filter(
        status=SessionStatus.HELD, starts_at__gte=start, starts_at__lt=end
    )
    narrowing = {
        "state": filters.state,
        "training__topic__slug": filters.topic,
        "training_key": filters.training,
        "pk": filters.session,
    }
    sessions = sessions.filter(**{key: value for key, value in narrowing.items() if value})
    if filters.within is not None:
        sessions = sessions.filter(state__in=sorted(filters.within))
    return sessions


def _titles(training_keys) -> dict[str, str]:
    """Training key -> title in the active language (German where there is no translation)."""
    titles, language = {}, get_language()
    rows = TrainingPage.objects.filter(translation_key__in=set(training_keys)).values_list(
        "translation_key", "locale__language_code", "title"
    )
    for key, _code, title in sorted(rows, key=lambda row: row[1] == language):
        titles[str(key)] = title  # the active language's last, so it wins
    return titles


def evaluation_report(filters: Filters, *, group_by: str = "training") -> Report:
    """The results of the filtered sessions' answers, overall and per group; every figure
    under the threshold withheld."""
    if group_by not in GROUPS:
        raise ResultsError(_("Unknown grouping: %(group)s.") % {"group": group_by})
    rows = list(
        held_sessions(filters)
        .order_by("starts_at", "pk")
        .values_list("pk", "state", "training_key", "training__topic__slug", "starts_at")
    )
    trainers = trainer_directory().names_for_sessions([row[0] for row in rows])
    if filters.trainer:
        rows = [row for row in rows if filters.trainer in trainers.get(row[0], [])]
    session_ids = [row[0] for row in rows]
    answers = _answers_by_session(session_ids)
    invited = _invited_by_session(session_ids)
    questions = _Questions(q for values in answers.values() for q, _values in values)
    titles = _titles(row[2] for row in rows)
    topics = {topic.slug: topic.label for topic in Topic.objects.all()}

    members: dict[str, list[int]] = defaultdict(list)
    labels, drills, topic_of = {}, {}, {}
    for pk, state, training_key, topic, starts_at in rows:
        first_date = starts_at.astimezone(BERLIN).date()
        title = titles.get(str(training_key), "")
        if group_by == "training":
            keys = [(str(training_key), title, {"training": str(training_key)})]
        elif group_by == "topic":
            keys = [(topic, topics.get(topic, topic), {"topic": topic})]
        elif group_by == "trainer":
            names = trainers.get(pk) or [""]
            keys = [(name, name or _("no trainer recorded"), {"trainer": name}) for name in names]
        elif group_by == "state":
            keys = [(state, StateNetwork(state).label, {"state": state})]
        elif group_by == "month":
            month = first_date.replace(day=1)
            keys = [(month.isoformat()[:7], month.isoformat()[:7], {"month": month})]
        else:
            label = f"{title} · {first_date.isoformat()} · {StateNetwork(state).label}"
            keys = [(str(pk), label, {"session": pk})]
        for key, label, drill in keys:
            members[key].append(pk)
            labels[key], drills[key] = label, drill
            topic_of[key] = topic if topic_of.get(key, topic) == topic else ""
    groups = []
    for key, pks in members.items():
        values = [value for pk in pks for value in answers.get(pk, [])]
        groups.append(
            Group(
                key=key,
                label=labels[key],
                sessions=len(pks),
                results=_results(
                    values, invited=sum(invited.get(pk, 0) for pk in pks), questions=questions
                ),
                drill=_drill(drills[key], filters),
                topic=topic_of[key],
            )
        )
    if group_by not in ("month", "session"):  # those stay in the order of time
        groups.sort(key=lambda group: group.label.casefold())
    overall = _together(
        [(pks, group.results) for group, pks in zip(groups, members.values(), strict=True)],
        answers=answers,
        invited=sum(invited.values()),
        questions=questions,
    )
    overall_values = [value for pk in session_ids for value in answers.get(pk, [])]
    ratings = [
        (item.key, item.label)
        for item in questions.of(q for q, _values in overall_values)
        if item.kind == ItemKind.RATING
    ]
    return Report(filters, group_by, len(session_ids), overall, groups, ratings)


def _drill(drill: dict, filters: Filters) -> dict:
    """The query parameters of a group's own row (a month: its days within the period)."""
    month = drill.pop("month", None)
    if month is None:
        return drill
    next_month = (month + timedelta(days=32)).replace(day=1)
    return {
        "date_from": max(month, filters.date_from).isoformat(),
        "date_to": min(next_month - timedelta(days=1), filters.date_to).isoformat(),
    }


def report_by_training(
    *, date_from: date, date_to: date, state: str | None = None, topic: str | None = None
) -> list[dict]:
    """Per training, the sessions held that began in the period (Berlin dates): sessions,
    links given out, answers, response rate and, at or above the threshold, mean and
    distribution of each rating question. For report_evaluations."""
    report = evaluation_report(
        Filters(date_from=date_from, date_to=date_to, state=state, topic=topic),
        group_by="training",
    )
    return [
        {
            "training": group.label,
            "topic": group.topic,
            "sessions": group.sessions,
            "invited": group.results.invited,
            "answers": group.results.answers,
            "response_rate": group.results.response_rate,
            "withheld": group.results.withheld,
            "items": [
                {
                    "key": item.key,
                    "question": item.question,
                    "answered": item.answered,
                    "mean": item.mean,
                    "distribution": item.distribution,
                }
                for item in group.results.items
                if item.kind == ItemKind.RATING
            ],
        }
        for group in report.groups
    ]
