"""Programme staff's trainer work in the Wagtail admin: a session's assignments with the ranked
list of eligible trainers, and a session's attendance (staff may change it after the session is
marked held). Every change goes through a service; the views only parse input and show."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from bookings.models import Attendance, AttendanceStatus
from bookings.services.attendance import (
    attendance_all_present,
    attendance_record,
    session_mark_held,
    session_reopen,
)
from bookings.services.errors import BookingError
from catalogue.models.sessions import SessionStatus
from trainers import selectors, services
from trainers.forms import AttendanceForm, OnTheDayForm
from trainers.models import Assignment, AssignmentRole
from trainers.views import add_on_the_day

URL_NAMESPACE = "trainers_staff"
assignment_permissions = ModelPermissionPolicy(Assignment)
attendance_permissions = ModelPermissionPolicy(Attendance)


def session_url(session_id: int) -> str:
    return reverse(f"{URL_NAMESPACE}:session", args=[session_id])


def attendance_url(session_id: int) -> str:
    return reverse(f"{URL_NAMESPACE}:attendance", args=[session_id])


def session_menu_items(session, user) -> list[MenuItem]:
    """Links for the session listing and edit view (catalogue's session buttons hook)."""
    items = []
    if assignment_permissions.user_has_any_permission(user, ["add", "change"]):
        items.append(
            MenuItem(_("Trainers"), session_url(session.pk), icon_name="user", priority=16)
        )
    if attendance_permissions.user_has_permission(user, "change"):
        items.append(
            MenuItem(_("Attendance"), attendance_url(session.pk), icon_name="tasks", priority=17)
        )
    return items


class SessionMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    header_icon = "user"

    @cached_property
    def session(self):
        """Looked up once the permission is checked: among the user's state networks'."""
        session = selectors.staff_session(self.request.user, self.kwargs["session_id"])
        if session is None:
            raise Http404
        return session

    def get_page_subtitle(self):
        return str(self.session)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("catalogue_session:index"), "label": _("Sessions")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]


class SessionAssignmentView(SessionMixin, TemplateView):
    """The session's trainers, and every other trainer: eligible ones ranked, the others with
    the reasons they cannot run it. Assign as lead or co-trainer, or withdraw."""

    permission_policy = assignment_permissions
    any_permission_required = ["add", "change"]
    page_title = gettext_lazy("Trainers")
    template_name = "trainers/admin/session_assignment.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        candidates = selectors.candidates_for_session(session=self.session, user=self.request.user)
        context.update(
            session=self.session,
            assignments=selectors.session_assignments(self.session),
            eligible=[c for c in candidates if c.eligible],
            ineligible=[c for c in candidates if not c.eligible and c.assignment is None],
            roles=AssignmentRole,
            attendance_url=attendance_url(self.session.pk),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            if "withdraw" in request.POST:
                self.withdraw(request.POST["withdraw"])
            else:
                self.assign(request.POST.get("trainer"), request.POST.get("role", ""))
        except services.TrainerError as error:
            messages.error(request, str(error))
        return redirect(session_url(self.session.pk))

    def assign(self, trainer_id, role):
        trainer = (
            selectors.trainers_for_staff(self.request.user).filter(pk=_int(trainer_id)).first()
        )
        if trainer is None:
            raise services.TrainerError(_("Choose a trainer."))
        assignment = services.assignment_create(
            session=self.session, trainer=trainer, role=role, by=self.request.user
        )
        messages.success(
            self.request,
            _("%(name)s has been assigned as %(role)s and asked to accept.")
            % {"name": trainer.name, "role": assignment.get_role_display()},
        )

    def withdraw(self, assignment_id):
        assignment = Assignment.objects.filter(pk=_int(assignment_id), session=self.session).first()
        if assignment is None:
            raise services.TrainerError(_("There is no such assignment."))
        services.assignment_withdraw(assignment=assignment, by=self.request.user)
        messages.success(
            self.request,
            _("The assignment of %(name)s has been withdrawn.") % {"name": assignment.trainer},
        )


class SessionAttendanceView(SessionMixin, TemplateView):
    """Attendance of every date; staff may change it at any time, also after "held"."""

    permission_policy = attendance_permissions
    permission_required = "change"
    page_title = gettext_lazy("Attendance")
    header_icon = "tasks"
    template_name = "trainers/admin/session_attendance.html"

    @cached_property
    def participants(self):
        return selectors.participants_for_session(self.session)

    def forms(self, data=None, bound_id=None):
        return [
            (
                occurrence,
                AttendanceForm(
                    data if occurrence.pk == bound_id else None,
                    participants=self.participants,
                    recorded=selectors.attendance_by_participant(occurrence),
                    prefix=f"o{occurrence.pk}",
                ),
            )
            for occurrence in self.session.active_occurrences
        ]

    def on_the_day_form(self, data=None):
        session = self.session
        open_ = session.status not in (SessionStatus.HELD, SessionStatus.CANCELLED)
        if open_ and any(o.day_has_come for o in session.active_occurrences) and self.participants:
            return OnTheDayForm(data, participants=self.participants)
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("forms", self.forms())
        context.setdefault("on_the_day", self.on_the_day_form())
        context.update(
            session=self.session,
            statuses=AttendanceStatus,
            trainers_url=session_url(self.session.pk),
        )
        return context

    def post(self, request, *args, **kwargs):
        if "held" in request.POST:
            return self.mark_held()
        if "reopen" in request.POST:
            return self.reopen()
        if "on_the_day" in request.POST:
            form = self.on_the_day_form(request.POST)
            if form is None:
                raise Http404
            if add_on_the_day(request, self.session, form, as_staff=True):
                return redirect(attendance_url(self.session.pk))
            return self.render_to_response(self.get_context_data(on_the_day=form), status=400)
        occurrence_id = _int(request.POST.get("occurrence"))
        forms = self.forms(request.POST, occurrence_id)
        match = next(((o, f) for o, f in forms if o.pk == occurrence_id), None)
        if match is None:
            raise Http404
        occurrence, form = match
        try:
            if "all_present" in request.POST:
                attendance_all_present(occurrence=occurrence, by=request.user, as_staff=True)
            elif form.is_valid():
                attendance_record(
                    occurrence=occurrence, statuses=form.statuses(), by=request.user, as_staff=True
                )
            else:
                raise BookingError(_("Choose present, absent or excused for every participant."))
        except BookingError as error:
            messages.error(request, str(error))
            return self.render_to_response(self.get_context_data(forms=forms), status=400)
        messages.success(request, _("The attendance has been saved."))
        return redirect(attendance_url(self.session.pk))

    def mark_held(self):
        try:
            session_mark_held(session=self.session, by=self.request.user, as_staff=True)
        except BookingError as error:
            messages.error(self.request, str(error))
        else:
            messages.success(self.request, _("The session has been marked as held."))
        return redirect(attendance_url(self.session.pk))

    def reopen(self):
        try:
            session_reopen(
                session=self.session,
                by=self.request.user,
                reason=self.request.POST.get("reason", "")[:500],
            )
        except BookingError as error:
            messages.error(self.request, str(error))
        else:
            messages.success(self.request, _("The session has been reopened."))
        return redirect(attendance_url(self.session.pk))


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class TrainerStaffViewSet(ViewSet):
    """Staff pages about one session's trainers and attendance; linked from the session listing
    and edit view (no menu item of their own)."""

    def get_urlpatterns(self):
        return [
            path("sessions/<int:session_id>/", SessionAssignmentView.as_view(), name="session"),
            path(
                "sessions/<int:session_id>/attendance/",
                SessionAttendanceView.as_view(),
                name="attendance",
            ),
        ]
