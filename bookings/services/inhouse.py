"""In-house requests: an organisation asks for a training for its own staff; staff accept or
decline it with a message and schedule it as a private session only that organisation can
book. The requester is told each answer by email."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from bookings.models import InhouseRequest, InhouseRequestStatus, Membership, Organisation
from bookings.notifications import notify_address, notify_staff
from bookings.services.errors import BookingError
from bookings.services.scope import check_staff_scope
from catalogue.models import Session
from catalogue.services import CatalogueError, session_save

INHOUSE_ACTION = "iq.inhouse.status"


def inhouse_request_create(
    *,
    organisation: Organisation,
    by,
    period_from,
    period_to,
    expected_participants: int,
    delivery: str,
    training=None,
    topic=None,
    place: str = "",
    message: str = "",
    language: str = "de",
    state: str = "",
) -> InhouseRequest:
    """A member asks for a training for their own organisation, of a state network (default:
    the organisation's); that network's staff are told."""
    if not Membership.objects.filter(user=by, organisation=organisation).exists():
        raise BookingError(_("Only members of the organisation can request in-house trainings."))
    if period_from and period_from < timezone.localdate():
        raise BookingError(_("The preferred period cannot start in the past."))
    request = InhouseRequest(
        organisation=organisation,
        state=state or organisation.state,
        requested_by=by,
        training=training,
        topic=topic,
        period_from=period_from,
        period_to=period_to,
        expected_participants=expected_participants,
        delivery=delivery,
        place=place.strip(),
        message=message.strip(),
        language=language,
    )
    try:
        request.full_clean()
    except ValidationError as error:
        raise BookingError(" ".join(error.messages)) from None
    with transaction.atomic():
        request.save()
        log(instance=request, action="wagtail.create", user=by)
        notify_staff("staff_inhouse_request", state=request.state, request=request.pk)
    return request


def inhouse_request_answer(
    *, inhouse_request: InhouseRequest, status: str, answer: str, by
) -> InhouseRequest:
    """Staff accept or decline a request with a message; the requester gets it by email.
    An open request can be accepted or declined, an accepted one still declined."""
    allowed = {
        InhouseRequestStatus.OPEN: (InhouseRequestStatus.ACCEPTED, InhouseRequestStatus.DECLINED),
        InhouseRequestStatus.ACCEPTED: (InhouseRequestStatus.DECLINED,),
    }
    if status not in (InhouseRequestStatus.ACCEPTED, InhouseRequestStatus.DECLINED):
        raise BookingError(_("Accept or decline the request."))
    if not answer.strip():
        raise BookingError(_("Write a message to the organisation."))
    with transaction.atomic():
        request = (
            InhouseRequest.objects.select_for_update(of=("self",))
            .select_related("requested_by", "training", "topic")
            .get(pk=inhouse_request.pk)
        )
        check_staff_scope(by, request.state)
        if status not in allowed.get(request.status, ()):
            raise BookingError(
                _("This request is %(status)s and cannot be answered that way.")
                % {"status": request.get_status_display()}
            )
        previous = request.status
        request.status = status
        request.answer = answer.strip()
        request.answered_by = by
        request.answered_at = timezone.now()
        request.save(update_fields=["status", "answer", "answered_by", "answered_at"])
        log(
            instance=request,
            action=INHOUSE_ACTION,
            user=by,
            data={"from": previous, "to": status},
        )
        _notify_requester(request)
    return request


def inhouse_request_schedule(*, inhouse_request: InhouseRequest, session: Session, by) -> Session:
    """Turn an accepted request into a private session for the organisation: not listed
    publicly, bookable only by its members."""
    with transaction.atomic():
        request = InhouseRequest.objects.select_for_update().get(pk=inhouse_request.pk)
        check_staff_scope(by, request.state, session.state)
        if request.status != InhouseRequestStatus.ACCEPTED:
            raise BookingError(
                _("Only accepted requests can be scheduled; this one is %(status)s.")
                % {"status": request.get_status_display()}
            )
        session.is_private = True
        try:
            session.full_clean(exclude=["training_key", "starts_at", "ends_at"])
            session_save(session=session, by=by)
        except ValidationError as error:
            raise BookingError(" ".join(error.messages)) from None
        except CatalogueError as error:
            raise BookingError(str(error)) from None
        previous = request.status
        request.session = session
        request.status = InhouseRequestStatus.SCHEDULED
        request.save(update_fields=["session", "status"])
        log(instance=session, action="wagtail.create", user=by, content_changed=True)
        log(
            instance=request,
            action=INHOUSE_ACTION,
            user=by,
            data={"from": previous, "to": request.status, "session": session.pk},
        )
        _notify_requester(request)
    return session


def _notify_requester(request: InhouseRequest) -> None:
    """Email the answer (accepted, declined) or the news that it is scheduled, once each."""
    requester = request.requested_by
    if requester is None or not requester.email:
        return
    notify_address(
        "inhouse_answer",
        recipient=requester.email,
        language=request.language,
        key=f"inhouse_answer:{request.pk}:{request.status}",
        status=request.status,
        answer=request.answer if request.status != InhouseRequestStatus.SCHEDULED else "",
        title=_inhouse_title(request),
    )


def _inhouse_title(request: InhouseRequest) -> str:
    """What was requested, in the request's language."""
    with translation.override(request.language):
        if request.training:
            return request.training.localized.title
        if request.topic:
            return request.topic.label
    return ""
