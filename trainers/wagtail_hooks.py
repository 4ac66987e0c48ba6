from django.http import Http404
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from bookings.log_actions import status_change_formatter
from trainers.models import AssignmentStatus
from trainers.services import (
    ASSIGNMENT_ACTION,
    AVAILABILITY_ACTION,
    CALENDAR_ACTION,
    CERTIFICATES_COLLECTION,
)


@hooks.register("register_admin_viewset")
def register_trainers_viewsets():
    from trainers.viewsets import TrainersGroup

    return TrainersGroup()


@hooks.register("register_admin_viewset")
def register_trainer_staff_views():
    from trainers.admin_views import URL_NAMESPACE, TrainerStaffViewSet

    return TrainerStaffViewSet(URL_NAMESPACE)


@hooks.register("register_catalogue_session_buttons")
def session_trainer_links(session, user):
    from trainers.admin_views import session_menu_items

    return session_menu_items(session, user)


@hooks.register("before_serve_document")
def certificates_stay_private(document, request):
    """Certificate documents are served only to staff who may see certifications; trainers get
    their own through the portal. Everyone else gets a 404, as if there were no document."""
    from trainers.models import Certification

    is_certificate = (
        document.collection.name == CERTIFICATES_COLLECTION
        or Certification.objects.filter(document=document).exists()
    )
    if is_certificate and not request.user.has_perm("trainers.view_certification"):
        raise Http404


@hooks.register("register_log_actions")
def register_trainer_actions(actions):
    actions.register_action(ASSIGNMENT_ACTION)(
        status_change_formatter(_("Assignment status changed"), AssignmentStatus)
    )

    actions.register_action(
        AVAILABILITY_ACTION, _("Availability changed"), _("Working times or absences changed")
    )
    actions.register_action(
        CALENDAR_ACTION, _("Calendar address renewed"), _("Calendar address renewed")
    )


@hooks.register("register_training_page_sections")
def training_page_trainers(page, request):
    """Trainers who agreed to be shown and run an upcoming session of the training."""
    from trainers.selectors import trainers_for_training_page

    trainers = trainers_for_training_page(translation_key=page.translation_key)
    if not trainers:
        return ""
    return render_to_string("trainers/includes/training_trainers.html", {"trainers": trainers})
