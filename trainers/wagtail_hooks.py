from django.http import Http404
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.permissions import permission_policy as document_permission_policy
from wagtail.documents.views.bulk_actions import (
    AddTagsBulkAction,
    AddToCollectionBulkAction,
    DeleteBulkAction,
)

from bookings.log_actions import status_change_formatter
from catalogue.caching import cached
from trainers.admin_views import (
    URL_NAMESPACE,
    TrainerStaffViewSet,
    assignment_permissions,
    session_menu_items,
)
from trainers.dashboard import TrainerlessSessionsPanel
from trainers.models import AssignmentStatus, Certification
from trainers.selectors import trainers_for_training_page
from trainers.services import (
    ASSIGNMENT_ACTION,
    AVAILABILITY_ACTION,
    CALENDAR_ACTION,
    CERTIFICATES_COLLECTION,
)
from trainers.viewsets import TrainersGroup


@hooks.register("register_admin_viewset")
def register_trainers_viewsets():
    return TrainersGroup()


@hooks.register("register_admin_viewset")
def register_trainer_staff_views():
    return TrainerStaffViewSet(URL_NAMESPACE)


@hooks.register("register_catalogue_session_buttons")
def session_trainer_links(session, user):
    return session_menu_items(session, user)


@hooks.register("construct_homepage_panels")
def add_trainerless_sessions_panel(request, panels):
    if assignment_permissions.user_has_any_permission(request.user, ["add", "change"]):
        panels.append(TrainerlessSessionsPanel())


@hooks.register("before_serve_document")
def certificates_stay_private(document, request):
    """Certificate documents are served only to staff who may see certifications; trainers get
    their own through the portal. Everyone else gets a 404, as if there were no document."""
    is_certificate = (
        document.collection.name == CERTIFICATES_COLLECTION
        or Certification.objects.filter(document=document).exists()
    )
    if is_certificate and not request.user.has_perm("trainers.view_certification"):
        raise Http404


class PermittedDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's documents, limited to the collections the user may choose or change
    documents in (Wagtail's own endpoint lists every collection, the certificates' too)."""

    def get_queryset(self):
        permitted = document_permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["choose", "change"]
        )
        return super().get_queryset().filter(pk__in=permitted.values("pk"))


@hooks.register("construct_admin_api", order=100)  # after wagtail.documents registers its own
def documents_api_by_permission(router):
    router.register_endpoint("documents", PermittedDocumentsAPIViewSet)


class OnlyPermittedDocuments:
    """Wagtail's document bulk actions list by title every document asked for by id, also those
    in collections the user has no permission on (a certificate's title names its trainer);
    these are left out, as if they did not exist."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        refused = extra["items_with_no_access"]
        visible = set(
            document_permission_policy.instances_user_has_any_permission_for(
                self.request.user, ["choose", "change"]
            )
            .filter(pk__in=[document.pk for document in refused])
            .values_list("pk", flat=True)
        )
        extra["items_with_no_access"] = [doc for doc in refused if doc.pk in visible]
        return objects, extra


for wagtail_action in (AddTagsBulkAction, AddToCollectionBulkAction, DeleteBulkAction):
    hooks.register(  # after wagtail.documents registers its own, which these replace
        "register_bulk_action",
        type(wagtail_action.__name__, (OnlyPermittedDocuments, wagtail_action), {}),
        order=100,
    )


@hooks.register("register_log_actions")
def register_trainer_actions(actions):
    status_changed = status_change_formatter(_("Assignment status changed"), AssignmentStatus)

    @actions.register_action(ASSIGNMENT_ACTION)
    class AssignmentStatusChanged(status_changed):
        """The status change, with the trainer's reason for declining."""

        def format_message(self, log_entry):
            message = super().format_message(log_entry)
            reason = (log_entry.data or {}).get("reason")
            return (
                _("%(change)s: %(reason)s") % {"change": message, "reason": reason}
                if reason
                else message
            )

    actions.register_action(
        AVAILABILITY_ACTION, _("Availability changed"), _("Working times or absences changed")
    )
    actions.register_action(
        CALENDAR_ACTION, _("Calendar address renewed"), _("Calendar address renewed")
    )


@hooks.register("register_training_page_sections")
def training_page_trainers(page, request):
    """Trainers who agreed to be shown and run an upcoming session of the training (cached
    until the catalogue, a trainer or an assignment changes, and for a minute at most: the
    sessions end with the clock)."""

    def section() -> str:
        trainers = trainers_for_training_page(translation_key=page.translation_key)
        if not trainers:
            return ""
        return render_to_string("trainers/includes/training_trainers.html", {"trainers": trainers})

    return cached(
        ("training-trainers", str(page.translation_key), get_language()), section, per_minute=True
    )
