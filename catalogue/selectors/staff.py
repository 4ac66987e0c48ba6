"""What a staff member may see and change: the state networks they work for (StateStaff), or
the whole programme (the federal office's group, superusers). Every staff selector, view and
service asks this (DESIGN.md rule 10); a view never filters on its own."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Case, F, OuterRef, Q, QuerySet, Subquery, When
from django.utils import timezone

from catalogue.models.sessions import Occurrence, Session, SessionStatus
from catalogue.models.staff import StateStaff
from catalogue.roles import FEDERAL_GROUP, STAFF_GROUP


@dataclass(frozen=True)
class StaffScope:
    """The state networks a user works for; `states` None: all of them."""

    states: frozenset[str] | None

    @property
    def national(self) -> bool:
        return self.states is None

    def allows(self, *states: str) -> bool:
        """Whether every one of `states` is in scope (a blank state is nobody's)."""
        return self.national or all(state in self.states for state in states)

    def filter(self, queryset: QuerySet, *lookups: str) -> QuerySet:
        """Rows whose state (at any of `lookups`, e.g. "session__state") is in scope."""
        if self.national:
            return queryset
        condition = Q(pk__in=[])
        for lookup in lookups:
            condition |= Q(**{f"{lookup}__in": self.states})
        return queryset.filter(condition)


def staff_scope(user) -> StaffScope:
    """Cached on the user object for the request."""
    scope = getattr(user, "_staff_scope", None)
    if scope is None:
        if not user.is_authenticated:
            scope = StaffScope(states=frozenset())
        elif user.is_superuser or user.groups.filter(name=FEDERAL_GROUP).exists():
            scope = StaffScope(states=None)
        else:
            scope = StaffScope(
                states=frozenset(
                    StateStaff.objects.filter(user=user).values_list("state", flat=True)
                )
            )
        user._staff_scope = scope
    return scope


def staff_of_state(state: str) -> QuerySet:
    """The active staff who work for `state`; the federal office when nobody does (work is
    never announced to no one)."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    state_staff = users.filter(state_networks__state=state, groups__name=STAFF_GROUP)
    if state_staff.exists():
        return state_staff.distinct()
    return users.filter(groups__name=FEDERAL_GROUP).distinct()


def sessions_for_staff(user) -> QuerySet:
    """The sessions of the state networks `user` works for."""
    return staff_scope(user).filter(Session.objects.all(), "state")


def next_first(sessions: QuerySet) -> QuerySet:
    """`sessions` as staff list them: those with dates to come first, by their next date (one
    under way counts); then the past and cancelled ones, the latest first."""
    next_date = (
        Occurrence.objects.filter(session=OuterRef("pk"), end__gt=timezone.now())
        .exclude(is_cancelled=True)
        .order_by("start")
        .values("start")[:1]
    )
    return sessions.alias(
        next_date=Case(When(status=SessionStatus.CANCELLED, then=None), default=Subquery(next_date))
    ).order_by(F("next_date").asc(nulls_last=True), F("starts_at").desc(nulls_last=True), "pk")
