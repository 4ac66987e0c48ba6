"""Forms of the programme staff's booking views in the Wagtail admin."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from bookings.choosers import organisation_chooser_viewset
from bookings.forms import MAX_PARTICIPANT_FORMS, ParticipantForm
from bookings.models import Function, Organisation
from bookings.selectors import organisations_for_staff, sessions_bookable_by_staff
from catalogue.models import Session

DEFAULT_PARTICIPANT_ROWS = 5


class PaymentForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount received (EUR)"),
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0.01"),
        error_messages={"invalid": _("Enter the amount as a number, e.g. 120.00.")},
    )
    date = forms.DateField(label=_("Received on"), widget=AdminDateInput)
    reference = forms.CharField(
        label=_("Reference"), max_length=100, required=False, help_text=_("E.g. the bank entry.")
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the history of every booking that changes."),
    )


class CapacityForm(forms.Form):
    capacity = forms.IntegerField(
        label=_("Capacity"),
        min_value=1,
        max_value=32767,
        error_messages={"invalid": _("Enter the capacity as a whole number.")},
    )


class StaffParticipantForm(ParticipantForm):
    """A row left empty is skipped: the function preset does not count as a change."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["function"].initial = Function.EMPLOYEE


def participant_formset_class(rows: int):
    return forms.formset_factory(
        StaffParticipantForm,
        extra=max(rows - 1, 0),
        min_num=1,
        validate_min=True,
        max_num=MAX_PARTICIPANT_FORMS,
        validate_max=True,
    )


class BookOnBehalfForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        widget=organisation_chooser_viewset.widget_class(),
        error_messages={"invalid_choice": _("There is no such organisation.")},
    )
    session = forms.ModelChoiceField(
        label=_("Session"),
        queryset=Session.objects.none(),
        error_messages={"invalid_choice": _("This session cannot be booked.")},
    )
    pay_by_invoice = forms.BooleanField(label=_("Pay by invoice (public bodies)"), required=False)
    language = forms.ChoiceField(
        label=_("Language of the emails"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions_bookable_by_staff(user)
        self.fields["organisation"].queryset = organisations_for_staff(user)
