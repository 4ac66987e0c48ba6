"""Forms of the member pages: organisation members, renaming participants, in-house requests."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bookings import selectors
from bookings.forms import MAX_PARTICIPANT_FORMS, ParticipantForm
from bookings.models import Booking, Delivery, InhouseRequest, Organisation, Role
from bookings.services.members import ORGANISATION_DETAILS
from catalogue.selectors.sessions import topics


class OrganisationDetailsForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ORGANISATION_DETAILS


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        error_messages={"invalid": _("Enter a valid email address.")},
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.BOOKER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        error_messages={"invalid_choice": _("Choose administrator or booker as the role.")},
    )


class RenameParticipantForm(ParticipantForm):
    participant = forms.IntegerField(widget=forms.HiddenInput)


RenameFormSet = forms.formset_factory(
    RenameParticipantForm, extra=0, max_num=MAX_PARTICIPANT_FORMS, validate_max=True
)


def rename_formset(booking: Booking, data=None):
    """One form per active participant of the booking, filled with their current data."""
    initial = [
        {"participant": p.pk, "name": p.name, "email": p.email, "function": p.function}
        for p in booking.participants.all()
        if p.cancelled_at is None
    ]
    return RenameFormSet(data, initial=initial, prefix="rename")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class InhouseRequestForm(forms.ModelForm):
    """Field rules (a training or a topic, the period in order, an address for in-person
    trainings) come from InhouseRequest.clean; the service checks them again."""

    class Meta:
        model = InhouseRequest
        fields = [
            "training",
            "topic",
            "state",
            "period_from",
            "period_to",
            "expected_participants",
            "delivery",
            "place",
            "message",
        ]
        widgets = {
            "period_from": DateInput(),
            "period_to": DateInput(),
            "delivery": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 5}),
        }
        labels = {
            "training": _("Training"),
            "topic": _("or a topic"),
            "state": _("State network"),
            "period_from": _("Preferred from"),
            "period_to": _("Preferred until"),
            "expected_participants": _("Expected participants"),
            "delivery": _("Where"),
            "place": _("Address (for a training at your premises)"),
            "message": _("Message"),
        }
        help_texts = {
            "training": _("Choose a training from the catalogue, or a topic below."),
            "state": _("The IQ state network that should run the training; usually your own."),
        }
        error_messages = {
            "period_from": {"invalid": _("Enter the date as YYYY-MM-DD.")},
            "period_to": {"invalid": _("Enter the date as YYYY-MM-DD.")},
            "expected_participants": {
                "invalid": _("Enter the number of participants as a whole number."),
                "min_value": _("Expect at least one participant."),
            },
        }

    def __init__(self, *args, language_code: str, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["state"].initial = organisation.state
        self.fields["state"].required = False
        self.fields["training"].queryset = selectors.trainings_for_requests(language_code)
        self.fields["topic"].queryset = topics()
        self.fields["delivery"].choices = Delivery.choices

    def clean_state(self):
        return self.cleaned_data["state"] or self.organisation.state

    def clean_period_from(self):
        period_from = self.cleaned_data["period_from"]
        if period_from < timezone.localdate():
            raise forms.ValidationError(_("The preferred period cannot start in the past."))
        return period_from
