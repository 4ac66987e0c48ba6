"""Every write with rules about trainers: invitation, certifications, availability,
assignments and the calendar token.

Assignment writes lock the trainer's row, so two assignments of one trainer are never decided
at the same time; the eligibility check runs again under the lock. Emails go out after commit
(trainers.notifications); a failed email never undoes an assignment.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Collection

from bookings.selectors import user_with_verified_email
from catalogue.models import Material, Session
from catalogue.models.sessions import SessionStatus
from catalogue.schedule import ScheduleTooLong
from catalogue.selectors.staff import staff_scope
from catalogue.services import CatalogueError, material_remove, material_save
from trainers import notifications, selectors
from trainers.availability import HORIZON, KEEP_PAST, rule_windows
from trainers.models import (
    ACTIVE_STATUSES,
    Assignment,
    AssignmentRole,
    AssignmentStatus,
    AvailabilityKind,
    AvailabilityRule,
    AvailabilityWindow,
    Certification,
    Trainer,
    new_calendar_token,
)

ASSIGNMENT_ACTION = "iq.assignment.status"
AVAILABILITY_ACTION = "iq.trainer.availability"
CALENDAR_ACTION = "iq.trainer.calendar_renewed"
CERTIFICATES_COLLECTION = "Trainer certificates"
REMINDER_DAYS = selectors.EXPIRY_WARNING_DAYS
DECLINE_REASON_LENGTH = Assignment._meta.get_field("decline_reason").max_length


class TrainerError(Exception):
    """A trainer rule refused the change; the message says why, in the user's language."""


def _validated(instance) -> None:
    try:
        instance.full_clean()
    except ValidationError as error:
        raise TrainerError(" ".join(message for message in error.messages)) from None


# --- register -------------------------------------------------------------------------------


@transaction.atomic
def trainer_invite(*, email: str, name: str, by, language: str = "de") -> Trainer:
    """Register a trainer. A new account gets an unusable password and the email a link to set
    one; an existing account (for example a booker's) simply gains the trainer profile."""
    email = email.strip().lower()  # as allauth stores addresses
    name = name.strip()
    if not email or not name:
        raise TrainerError(_("Enter the trainer's name and email address."))
    User = get_user_model()
    # Only an account that has confirmed the address gains the profile: an address someone
    # added to their account without confirming it must not hand them a trainer's portal.
    user = user_with_verified_email(email)
    created = user is None
    if created:
        user = User(username=_unique_username(email), email=email, first_name=name[:150])
        user.set_unusable_password()
        user.save()
        # The password link goes to this address, so whoever sets the password owns it.
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    elif Trainer.objects.filter(user=user).exists():
        raise TrainerError(_("%(email)s is already registered as a trainer.") % {"email": email})
    trainer = Trainer.objects.create(user=user, name=name, language=language)
    log(instance=trainer, action="wagtail.create", user=by)
    notifications.trainer_invited(trainer, new_account=created)
    return trainer


def _unique_username(email: str) -> str:
    User = get_user_model()
    base = slugify(email.split("@")[0])[:120] or "trainer"
    username, number = base, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username


@transaction.atomic
def calendar_token_renew(*, trainer: Trainer) -> Trainer:
    """A new secret for the trainer's calendar feed; the old address stops working."""
    trainer.calendar_token = new_calendar_token()
    trainer.save(update_fields=["calendar_token"])
    log(instance=trainer, action=CALENDAR_ACTION, user=trainer.user)
    return trainer


# --- certifications -------------------------------------------------------------------------


def certificates_collection() -> Collection:
    """The collection that holds certificate documents (served only to staff and the owner)."""
    collection = Collection.objects.filter(name=CERTIFICATES_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=CERTIFICATES_COLLECTION)
    return collection


@transaction.atomic
def certification_save(*, certification: Certification, by) -> Certification:
    """Save a certification; its document moves into the private certificates collection, and a
    changed expiry date makes a new reminder due. Staff keep the certifications of the trainers
    who work in their state networks."""
    if (
        by is not None
        and not selectors.trainers_for_staff(by).filter(pk=certification.trainer_id).exists()
    ):
        raise TrainerError(_("This trainer does not work in your state networks."))
    _validated(certification)
    if certification.pk:
        previous = Certification.objects.get(pk=certification.pk)
        if previous.valid_until != certification.valid_until:
            certification.reminded_for = None
    created = certification.pk is None
    certification.save()
    document = certification.document
    if document is not None:
        collection = certificates_collection()
        if document.collection_id != collection.pk:
            document.collection = collection
            document.save(update_fields=["collection"])
    log(
        instance=certification,
        action="wagtail.create" if created else "wagtail.edit",
        user=by,
        content_changed=True,
    )
    return certification


def certification_reminders_send(*, today=None) -> int:
    """Remind trainer and staff of certifications that expire within REMINDER_DAYS; once per
    certification and expiry date, so running it twice sends nothing new. Returns how many."""
    today = today or timezone.localdate()
    due = Certification.objects.filter(
        valid_until__gte=today,
        valid_until__lte=today + timedelta(days=REMINDER_DAYS),
        trainer__is_active=True,
    ).values_list("pk", flat=True)
    sent = 0
    for certification_id in due:
        with transaction.atomic():
            certification = (
                Certification.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("trainer__user", "topic")
                .filter(pk=certification_id)
                .first()
            )
            if certification is None or certification.reminded_for == certification.valid_until:
                continue
            notifications.certification_expiring(certification)
            certification.reminded_for = certification.valid_until
            certification.save(update_fields=["reminded_for"])
            sent += 1
    return sent


# --- availability ---------------------------------------------------------------------------


@transaction.atomic
def availability_rule_save(*, rule: AvailabilityRule, by) -> AvailabilityRule:
    """Save a working pattern or an absence and expand it into windows."""
    _validated(rule)
    if rule.kind == AvailabilityKind.ABSENCE and not rule.start_time:
        rule.end_time = None
    rule.save()
    availability_rule_expand(rule=rule)
    log(instance=rule.trainer, action=AVAILABILITY_ACTION, user=by, data={"rule": rule.pk})
    return rule


@transaction.atomic
def availability_rule_delete(*, rule: AvailabilityRule, by) -> None:
    trainer = rule.trainer
    rule_id = rule.pk
    rule.delete()
    log(instance=trainer, action=AVAILABILITY_ACTION, user=by, data={"rule": rule_id})


def availability_rule_expand(*, rule: AvailabilityRule, today=None) -> int:
    """Replace the rule's windows with its expansion from a little in the past to HORIZON."""
    today = today or timezone.localdate()
    until = today + HORIZON
    try:
        windows = rule_windows(
            first_date=rule.first_date,
            last_date=rule.last_date,
            start_time=rule.start_time,
            end_time=rule.end_time,
            recurrence=rule.recurrences,
            since=max(rule.first_date, today - KEEP_PAST),
            until=until,
        )
    except ScheduleTooLong as error:
        raise TrainerError(
            _("This rule gives more than %(max)s days; give it an end date or fewer days.")
            % {"max": error.args[0]}
        ) from None
    AvailabilityWindow.objects.filter(rule=rule).delete()
    AvailabilityWindow.objects.bulk_create(
        AvailabilityWindow(
            rule=rule,
            trainer_id=rule.trainer_id,
            is_absence=rule.kind == AvailabilityKind.ABSENCE,
            start=window.start,
            end=window.end,
        )
        for window in windows
    )
    AvailabilityRule.objects.filter(pk=rule.pk).update(expanded_until=until)
    rule.expanded_until = until
    return len(windows)


def availability_extend(*, today=None) -> int:
    """Move the horizon of every rule that falls behind by more than a week (daily task)."""
    today = today or timezone.localdate()
    behind = AvailabilityRule.objects.filter(expanded_until__lt=today + HORIZON - timedelta(days=7))
    count = 0
    for rule in behind.iterator():
        with transaction.atomic():
            availability_rule_expand(rule=rule, today=today)
        count += 1
    return count


# --- assignments ----------------------------------------------------------------------------


def _locked_trainer(trainer_id: int) -> Trainer:
    return Trainer.objects.select_for_update().get(pk=trainer_id)


@transaction.atomic
def assignment_create(*, session: Session, trainer: Trainer, role: str, by) -> Assignment:
    """Assign a trainer to a session as lead or co-trainer; the trainer is asked to accept.
    Refused, with the reason, when the trainer cannot run every date of the session."""
    if role not in AssignmentRole.values:
        raise TrainerError(_("Choose lead trainer or co-trainer."))
    _check_staff_scope(by, session.state)
    locked = _locked_trainer(trainer.pk)
    if by is not None and not staff_scope(by).national and session.state not in locked.states:
        raise TrainerError(
            _("%(name)s does not work in the state network of this session.")
            % {"name": locked.name}
        )
    if not locked.is_active:
        raise TrainerError(_("%(name)s is not an active trainer.") % {"name": locked.name})
    # Locked, as a trainer taking back their decline locks it (assignment_decline_take_back).
    session = (
        Session.objects.select_for_update(of=("self",))
        .select_related("training__topic")
        .get(pk=session.pk)
    )
    _check_assignable(session)
    if role == AssignmentRole.LEAD:
        lead = (
            Assignment.objects.filter(
                session=session, role=AssignmentRole.LEAD, status__in=ACTIVE_STATUSES
            )
            .select_related("trainer")
            .first()
        )
        if lead is not None:
            raise TrainerError(
                _("%(name)s is already the lead trainer; withdraw that assignment first.")
                % {"name": lead.trainer.name}
            )
    reasons = selectors.refusals(session=session, trainer=locked)
    if reasons:
        raise TrainerError(_refusal_message(locked, reasons))
    try:
        with transaction.atomic():
            assignment = Assignment.objects.create(
                session=session, trainer=locked, role=role, assigned_by=by
            )
    except IntegrityError:
        raise TrainerError(
            _("The session changed in the meantime; please look at its assignments again.")
        ) from None
    _log_status(assignment, "", assignment.status, by)
    notifications.assignment_changed("assigned", assignment)
    return assignment


@transaction.atomic
def assignment_accept(*, assignment: Assignment, trainer: Trainer) -> Assignment:
    """The trainer accepts; checked again, since their calendar may have changed."""
    locked_trainer = _locked_trainer(trainer.pk)
    assignment = _locked_assignment(assignment, trainer)
    if assignment.status != AssignmentStatus.PENDING:
        raise TrainerError(_("This assignment is no longer waiting for an answer."))
    session = Session.objects.select_related("training__topic").get(pk=assignment.session_id)
    _check_assignable(session)
    reasons = selectors.refusals(session=session, trainer=locked_trainer, ignore=assignment)
    if reasons:
        raise TrainerError(_refusal_message(locked_trainer, reasons))
    return _set_status(assignment, AssignmentStatus.ACCEPTED, trainer.user, "accepted")


@transaction.atomic
def assignment_decline(*, assignment: Assignment, trainer: Trainer, reason: str = "") -> Assignment:
    """The trainer declines, optionally saying why (shown to the staff)."""
    reason = reason.strip()
    if len(reason) > DECLINE_REASON_LENGTH:
        raise TrainerError(
            _("Please keep the reason to %(max)s characters.") % {"max": DECLINE_REASON_LENGTH}
        )
    _locked_trainer(trainer.pk)
    assignment = _locked_assignment(assignment, trainer)
    if assignment.status != AssignmentStatus.PENDING:
        raise TrainerError(
            _(
                "Only an assignment waiting for an answer can be declined; "
                "please contact the programme team."
            )
        )
    return _set_status(
        assignment, AssignmentStatus.DECLINED, trainer.user, "declined", decline_reason=reason
    )


@transaction.atomic
def assignment_decline_take_back(*, assignment: Assignment, trainer: Trainer) -> Assignment:
    """The trainer takes back their decline while the staff have not acted on it (see
    selectors.decline_take_back_refusal): the assignment waits for their answer again, as
    before. The session's row is locked, as assignment_create locks it, so a trainer the staff
    assign meanwhile and the taken-back decline never both stand."""
    _locked_trainer(trainer.pk)
    assignment = _locked_assignment(assignment, trainer)
    assignment.session = Session.objects.select_for_update().get(pk=assignment.session_id)
    refusal = selectors.decline_take_back_refusal(assignment)
    if refusal:
        raise TrainerError(refusal)
    try:
        with transaction.atomic():
            return _set_status(
                assignment,
                AssignmentStatus.PENDING,
                trainer.user,
                "decline_taken_back",
                responded_at=None,
                decline_reason="",
            )
    except IntegrityError:
        raise TrainerError(str(selectors.STAFF_ACTED_ON_DECLINE)) from None


@transaction.atomic
def assignment_withdraw(*, assignment: Assignment, by) -> Assignment:
    """Staff take an assignment back; the trainer's calendar entries are cancelled."""
    _locked_trainer(assignment.trainer_id)
    assignment = (
        Assignment.objects.select_for_update().select_related("session").get(pk=assignment.pk)
    )
    _check_staff_scope(by, assignment.session.state)
    if assignment.status not in ACTIVE_STATUSES:
        raise TrainerError(_("This assignment has already ended."))
    return _set_status(assignment, AssignmentStatus.WITHDRAWN, by, "withdrawn")


def _check_staff_scope(by, state: str) -> None:
    """Staff assign and withdraw for the sessions of their state networks (None: the system)."""
    if by is not None and not staff_scope(by).allows(state):
        raise TrainerError(_("This session belongs to another state network."))


def _check_assignable(session: Session) -> None:
    if session.status in (SessionStatus.CANCELLED, SessionStatus.HELD):
        raise TrainerError(_("Trainers can only be assigned to planned or open sessions."))


def _locked_assignment(assignment: Assignment, trainer: Trainer) -> Assignment:
    locked = (
        Assignment.objects.select_for_update().filter(pk=assignment.pk, trainer=trainer).first()
    )
    if locked is None:
        raise TrainerError(_("There is no such assignment."))
    return locked


def _set_status(assignment: Assignment, status: str, by, kind: str, **changes) -> Assignment:
    """Change the status (and the fields in `changes`), log it with the reason for declining,
    if any, and tell those concerned."""
    previous = assignment.status
    assignment.status = status
    assignment.sequence += 1
    if kind in ("accepted", "declined"):
        assignment.responded_at = timezone.now()
    for name, value in changes.items():
        setattr(assignment, name, value)
    assignment.save(
        update_fields=["status", "sequence", "responded_at", "decline_reason", "updated_at"]
    )
    _log_status(assignment, previous, status, by, reason=changes.get("decline_reason", ""))
    notifications.assignment_changed(kind, assignment)
    return assignment


def _refusal_message(trainer: Trainer, reasons: list[str]) -> str:
    return _("%(name)s cannot run this session: %(reasons)s") % {
        "name": trainer.name,
        "reasons": " ".join(reasons),
    }


def _log_status(assignment: Assignment, previous: str, new: str, by, reason: str = "") -> None:
    data = {"from": previous, "to": new, "role": assignment.role}
    if reason:
        data["reason"] = reason
    log(instance=assignment, action=ASSIGNMENT_ACTION, user=by, data=data)


# --- materials --------------------------------------------------------------------------------


@transaction.atomic
def material_add_for_assignment(
    *,
    assignment: Assignment,
    trainer: Trainer,
    title: str,
    upload=None,
    url: str = "",
    for_training: bool = False,
) -> Material:
    """A trainer attaches a file or a link to their session (or to every session of its
    training), while they are assigned to it."""
    if assignment.trainer_id != trainer.pk or not assignment.is_active:
        raise TrainerError(_("You are not assigned to this session."))
    session = assignment.session
    material = Material(
        title=title,
        url=url,
        training=session.training if for_training else None,
        session=None if for_training else session,
        added_by=trainer.user,
    )
    try:
        material = material_save(material=material, upload=upload)
    except CatalogueError as error:
        raise TrainerError(str(error)) from None
    log(instance=material, action="wagtail.create", user=trainer.user)
    return material


@transaction.atomic
def material_remove_for_assignment(
    *, assignment: Assignment, trainer: Trainer, material: Material
) -> None:
    """A trainer removes material they added, while they are assigned."""
    if assignment.trainer_id != trainer.pk or not assignment.is_active:
        raise TrainerError(_("You are not assigned to this session."))
    if material.added_by_id != trainer.user_id:
        raise TrainerError(_("Only the programme team removes material others added."))
    log(instance=material, action="wagtail.delete", user=trainer.user)
    material_remove(material=material)
