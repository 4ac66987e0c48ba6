"""The trainer portal (/account/trainer/…). Thin: every object is looked up through a selector
scoped to the trainer's own profile, so anything else is a 404; then one service is called."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bookings.services.attendance import (
    attendance_all_present,
    attendance_record,
    participant_on_the_day,
    session_mark_held,
)
from bookings.services.errors import BookingBusy, BookingError
from bookings.statistics_export import bar_chart
from catalogue.ics import calendar_response
from catalogue.material_views import session_material_download
from catalogue.models.sessions import SessionStatus
from catalogue.selectors.materials import materials_for_session
from evaluations.models import ItemKind
from evaluations.qr import qr_svg
from evaluations.selectors import (
    OVERALL_KEY,
    THRESHOLD,
    results_of_sessions,
    results_per_session,
)
from evaluations.services import room_link_for_session, room_url
from trainers import selectors, services
from trainers.forms import (
    AttendanceForm,
    AvailabilityRuleForm,
    DeclineForm,
    MaterialForm,
    OnTheDayForm,
)
from trainers.ics import title_for, trainer_feed, training_titles
from trainers.models import AssignmentStatus


def trainer_required(view):
    """Logged in with a trainer profile; everyone else gets a 404."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        request.trainer = selectors.trainer_for_user(request.user)
        if request.trainer is None:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _own_assignment(request, assignment_id, *, accepted=False):
    assignment = selectors.assignment_for_trainer(request.trainer, assignment_id, accepted=accepted)
    if assignment is None:
        raise Http404
    return assignment


@trainer_required
def portal_home(request):
    upcoming, past = selectors.upcoming_and_past_assignments(request.trainer)
    titles = training_titles(upcoming + past)
    for assignment in upcoming + past:
        assignment.title = title_for(assignment, titles)
    feed_url = request.build_absolute_uri(
        reverse("trainers:calendar_feed", args=[request.trainer.calendar_token])
    )
    return render(
        request,
        "trainers/portal_home.html",
        {
            "trainer": request.trainer,
            "upcoming": upcoming,
            "past": past,
            "feed_url": feed_url,
            "certifications": selectors.certifications_for_trainer(request.trainer),
            "certification_warnings": selectors.certification_warnings(request.trainer),
        },
    )


@trainer_required
def assignment_detail(request, assignment_id, status=200, **kwargs):
    assignment = _own_assignment(request, assignment_id)
    session = assignment.session
    accepted = assignment.status == AssignmentStatus.ACCEPTED
    context = {
        "assignment": assignment,
        "session": session,
        "title": session.training.localized.title,
        "occurrences": session.active_occurrences,
        "co_trainers": selectors.co_trainers(assignment),
        "accepted": accepted,
    }
    if assignment.status == AssignmentStatus.PENDING:
        context["decline_form"] = kwargs.get("decline_form") or DeclineForm()
    elif assignment.status == AssignmentStatus.DECLINED:
        context["take_back_refusal"] = selectors.decline_take_back_refusal(assignment)
    if accepted:
        context["participants"] = selectors.participants_for_session(session)
        recorded = selectors.attendance_progress(session)
        for occurrence in session.active_occurrences:
            occurrence.recorded = recorded.get(occurrence.pk, 0)
    if accepted and session.status == SessionStatus.HELD:
        context.update(_evaluation(request, session))
    if assignment.is_active:  # online access and materials while the trainer is assigned
        for occurrence in session.active_occurrences:
            occurrence.access = session.access_for(occurrence)
        context.update(
            materials=materials_for_session(session),
            material_form=kwargs.get("material_form") or MaterialForm(),
        )
    return render(request, "trainers/assignment_detail.html", context, status=status)


def _evaluation(request, session) -> dict:
    """The session's feedback: its results (withheld under the threshold) and, while it hands
    out links, the room link with its QR code."""
    results = results_of_sessions([session.pk])
    context = {
        "evaluation": results,
        "evaluation_charts": [
            (item, bar_chart(item.question, list(item.distribution.items())))
            for item in results.items
            if item.kind != ItemKind.TEXT
        ],
        "evaluation_texts": [item for item in results.items if item.kind == ItemKind.TEXT],
        "threshold": THRESHOLD,
        "room": room_link_for_session(session),
    }
    if context["room"] is not None:
        context["room_url"] = room_url(session, request.LANGUAGE_CODE)
        context["room_qr"] = qr_svg(context["room_url"])
    return context


@trainer_required
def evaluation_room(request, assignment_id):
    """The room link's QR code, large, to show on a screen in the room."""
    assignment = _own_assignment(request, assignment_id, accepted=True)
    session = assignment.session
    room = room_link_for_session(session) if session.status == SessionStatus.HELD else None
    if room is None:
        raise Http404
    url = room_url(session, request.LANGUAGE_CODE)
    return render(
        request,
        "trainers/evaluation_room.html",
        {
            "assignment": assignment,
            "title": session.training.localized.title,
            "room": room,
            "room_url": url,
            "room_qr": qr_svg(url),
        },
    )


@trainer_required
def evaluations(request):
    """The feedback on every session the trainer ran: each on its own and all together."""
    held = selectors.held_assignments(request.trainer)
    titles = training_titles(held)
    found = results_per_session(assignment.session_id for assignment in held)
    rows = [
        {
            "assignment": assignment,
            "title": title_for(assignment, titles),
            "results": found.each[assignment.session_id],
            "overall": next(
                (
                    item.mean
                    for item in found.each[assignment.session_id].items
                    if item.key == OVERALL_KEY
                ),
                None,
            ),
        }
        for assignment in held
    ]
    total = found.together
    return render(
        request,
        "trainers/evaluations.html",
        {
            "rows": rows,
            "total": total,
            "total_charts": [
                (item, bar_chart(item.question, list(item.distribution.items())))
                for item in total.items
                if item.kind == ItemKind.RATING
            ],
            "threshold": THRESHOLD,
        },
    )


@trainer_required
@require_POST
def material_add(request, assignment_id):
    assignment = _own_assignment(request, assignment_id)
    form = MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.material_add_for_assignment(
                assignment=assignment,
                trainer=request.trainer,
                title=data["title"],
                upload=data["upload"],
                url=data["url"],
                for_training=data["for_training"],
            )
        except services.TrainerError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The material has been added."))
            return redirect("trainers:assignment", assignment_id=assignment.pk)
    return assignment_detail(request, assignment_id, material_form=form, status=400)


@trainer_required
@require_POST
def material_remove(request, assignment_id, material_id):
    assignment = _own_assignment(request, assignment_id)
    material = materials_for_session(assignment.session).filter(pk=material_id).first()
    if material is None:
        raise Http404
    try:
        services.material_remove_for_assignment(
            assignment=assignment, trainer=request.trainer, material=material
        )
    except services.TrainerError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The material has been removed."))
    return redirect("trainers:assignment", assignment_id=assignment.pk)


@trainer_required
def material_download(request, assignment_id, material_id):
    assignment = _own_assignment(request, assignment_id)
    if not assignment.is_active:
        raise Http404
    return session_material_download(assignment.session, material_id)


@trainer_required
@require_POST
def assignment_accept(request, assignment_id):
    assignment = _own_assignment(request, assignment_id)
    try:
        services.assignment_accept(assignment=assignment, trainer=request.trainer)
    except services.TrainerError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You have accepted the assignment."))
    return redirect("trainers:assignment", assignment_id=assignment.pk)


@trainer_required
@require_POST
def assignment_decline(request, assignment_id):
    assignment = _own_assignment(request, assignment_id)
    form = DeclineForm(request.POST)
    if form.is_valid():
        try:
            services.assignment_decline(
                assignment=assignment, trainer=request.trainer, reason=form.cleaned_data["reason"]
            )
        except services.TrainerError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("You have declined the assignment."))
        return redirect("trainers:assignment", assignment_id=assignment.pk)
    return assignment_detail(request, assignment_id, decline_form=form, status=400)


@trainer_required
@require_POST
def assignment_take_back(request, assignment_id):
    assignment = _own_assignment(request, assignment_id)
    try:
        services.assignment_decline_take_back(assignment=assignment, trainer=request.trainer)
    except services.TrainerError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("You have taken back your decline; the assignment awaits your answer.")
        )
    return redirect("trainers:assignment", assignment_id=assignment.pk)


@trainer_required
@require_http_methods(["GET", "POST"])
def attendance(request, assignment_id, occurrence_id):
    assignment = _own_assignment(request, assignment_id, accepted=True)
    session = assignment.session
    occurrence = next((o for o in session.active_occurrences if o.pk == occurrence_id), None)
    if occurrence is None:
        raise Http404
    participants = selectors.participants_for_session(session)
    adding = request.method == "POST" and "on_the_day" in request.POST
    on_the_day = OnTheDayForm(request.POST if adding else None, participants=participants)
    form = AttendanceForm(
        None if adding else request.POST or None,
        participants=participants,
        recorded=selectors.attendance_by_participant(occurrence),
    )
    status = 200
    if adding:
        if add_on_the_day(request, session, on_the_day):
            return redirect(request.path)
        status = 400
    elif request.method == "POST":
        try:
            if "all_present" in request.POST:
                attendance_all_present(occurrence=occurrence, by=request.user)
            elif form.is_valid():
                attendance_record(occurrence=occurrence, statuses=form.statuses(), by=request.user)
            else:
                raise BookingError(_("Choose present, absent or excused for every participant."))
        except BookingBusy as error:
            messages.error(request, str(error))
            status = 503
        except BookingError as error:
            messages.error(request, str(error))
            status = 400
        else:
            messages.success(request, _("The attendance has been saved."))
            return redirect("trainers:assignment", assignment_id=assignment.pk)
    return render(
        request,
        "trainers/attendance.html",
        {
            "assignment": assignment,
            "session": session,
            "occurrence": occurrence,
            "title": session.training.localized.title,
            "form": form,
            "on_the_day": on_the_day if occurrence.day_has_come and participants else None,
        },
        status=status,
    )


def add_on_the_day(request, session, form, *, as_staff: bool = False) -> bool:
    """Record a walk-in or a substitute from `form`; a message says how it went."""
    if not form.is_valid():
        messages.error(request, _("Check the participant's details."))
        return False
    data = form.cleaned_data
    try:
        participant = participant_on_the_day(
            session=session,
            booking_id=data["booking"],
            name=data["name"],
            function=data["function"],
            replaces_id=data["replaces"],
            by=request.user,
            as_staff=as_staff,
        )
    except BookingError as error:
        messages.error(request, str(error))
        return False
    messages.success(
        request, _("%(name)s has been added; record the attendance.") % {"name": participant.name}
    )
    return True


@trainer_required
@require_POST
def mark_held(request, assignment_id):
    assignment = _own_assignment(request, assignment_id, accepted=True)
    try:
        session_mark_held(session=assignment.session, by=request.user)
    except BookingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The session has been marked as held."))
    return redirect("trainers:assignment", assignment_id=assignment.pk)


@trainer_required
@require_http_methods(["GET", "POST"])
def availability(request):
    form = AvailabilityRuleForm(request.POST or None, trainer=request.trainer)
    status = 200
    if request.method == "POST":
        if _save_rule(request, form):
            return redirect("trainers:availability")
        status = 400
    return render(
        request,
        "trainers/availability.html",
        {
            "rules": selectors.availability_rules_for_trainer(request.trainer),
            "form": form,
        },
        status=status,
    )


@trainer_required
@require_http_methods(["GET", "POST"])
def availability_edit(request, rule_id):
    rule = selectors.availability_rule_for_trainer(request.trainer, rule_id)
    if rule is None:
        raise Http404
    form = AvailabilityRuleForm(request.POST or None, instance=rule, trainer=request.trainer)
    status = 200
    if request.method == "POST":
        if _save_rule(request, form):
            return redirect("trainers:availability")
        status = 400
    return render(
        request, "trainers/availability_edit.html", {"rule": rule, "form": form}, status=status
    )


@trainer_required
@require_POST
def availability_delete(request, rule_id):
    rule = selectors.availability_rule_for_trainer(request.trainer, rule_id)
    if rule is None:
        raise Http404
    services.availability_rule_delete(rule=rule, by=request.user)
    messages.success(request, _("The entry has been deleted."))
    return redirect("trainers:availability")


def _save_rule(request, form) -> bool:
    if not form.is_valid():
        return False
    try:
        services.availability_rule_save(rule=form.save(commit=False), by=request.user)
    except services.TrainerError as error:
        form.add_error(None, str(error))
        return False
    messages.success(request, _("Your availability has been saved."))
    return True


@trainer_required
def certificate_document(request, certification_id):
    certification = selectors.certification_for_trainer(request.trainer, certification_id)
    if certification is None or certification.document is None:
        raise Http404
    document = certification.document
    response = FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@trainer_required
@require_POST
def calendar_renew(request):
    services.calendar_token_renew(trainer=request.trainer)
    messages.success(
        request,
        _(
            "Your calendar has a new address; the old one no longer works. Subscribe to the new one."
        ),
    )
    return redirect("trainers:home")


def calendar_feed(request, token):
    """The trainer's accepted assignments; the secret in the address is the only key."""
    trainer = selectors.trainer_by_calendar_token(token)
    if trainer is None:
        raise Http404
    body = trainer_feed(trainer, selectors.accepted_assignments_for_feed(trainer))
    response = calendar_response(body, filename="iq-assignments.ics", inline=True)
    response["Cache-Control"] = "private, max-age=300"
    response["X-Robots-Tag"] = "noindex"
    return response
