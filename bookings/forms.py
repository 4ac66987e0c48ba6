from django import forms
from django.utils.translation import gettext_lazy as _

from bookings.models import Function, Organisation

MAX_SEATS_PER_BOOKING = 30


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "type", "state", "street", "postcode", "city", "leitweg_id", "vat_id"]


class SeatsForm(forms.Form):
    seats = forms.IntegerField(
        label=_("Number of participants"),
        min_value=1,
        max_value=MAX_SEATS_PER_BOOKING,
        initial=1,
        error_messages={
            "invalid": _("Enter the number of participants as a whole number."),
            "min_value": _("Book at least one seat."),
            "max_value": _("At most %(limit_value)s seats can be booked at once."),
        },
    )


class ParticipantForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("Email (optional)"), required=False)
    function = forms.ChoiceField(label=_("Function"), choices=Function.choices)


ParticipantFormSet = forms.formset_factory(
    ParticipantForm,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=MAX_SEATS_PER_BOOKING,
    validate_max=True,
)


class BookingOptionsForm(forms.Form):
    pay_by_invoice = forms.BooleanField(label=_("Pay by invoice (public bodies)"), required=False)
    order_reference = forms.CharField(
        label=_("Your order or cost-centre reference (optional)"),
        max_length=100,
        required=False,
        help_text=_("Printed on the invoice, for your accounts department."),
    )
    accept_terms = forms.BooleanField(
        label=_("I accept the price and the cancellation and refund terms above."),
        error_messages={"required": _("Please accept the terms to book.")},
    )
    colleagues_consent = forms.BooleanField(
        label=_(
            "I may pass on the names and email addresses of the participants for this booking; "
            "they are used for the training and deleted 24 months after it."
        ),
        error_messages={"required": _("Please confirm that you may pass on these details.")},
    )
