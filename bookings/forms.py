from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from bookings.models import Function, Organisation

# A bound on the forms one request may carry; the session's capacity is the real limit.
MAX_PARTICIPANT_FORMS = 1000


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "type", "state", "street", "postcode", "city", "leitweg_id", "vat_id"]


class SeatsForm(forms.Form):
    seats = forms.IntegerField(
        label=_("Number of participants"),
        min_value=1,
        initial=1,
        error_messages={
            "invalid": _("Enter the number of participants as a whole number."),
            "min_value": _("Book at least one seat."),
            "max_value": _(
                "The session has %(limit_value)s places; at most that many can be booked."
            ),
        },
    )

    def __init__(self, *args, capacity: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seats"].max_value = capacity
        self.fields["seats"].validators.append(MaxValueValidator(capacity))
        self.fields["seats"].widget.attrs["max"] = capacity


class ParticipantForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("Email (optional)"), required=False)
    function = forms.ChoiceField(label=_("Function"), choices=Function.choices)


def participant_formset(capacity: int):
    """The participants' forms, at most as many as the session has places (and as one booking
    may hold: a session may have more places than that)."""
    return forms.formset_factory(
        ParticipantForm,
        extra=0,
        min_num=1,
        validate_min=True,
        max_num=min(capacity, MAX_PARTICIPANT_FORMS),
        validate_max=True,
        absolute_max=MAX_PARTICIPANT_FORMS,
    )


class ParticipantImportForm(forms.Form):
    """A list of participants to fill the forms with (bookings.participant_import)."""

    text = forms.CharField(
        label=_("Paste a list"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "One person per line: name, email (optional), function (optional), separated by "
            "tabs (copied from a spreadsheet), semicolons or commas."
        ),
    )
    upload = forms.FileField(
        label=_("or upload a file (CSV or XLSX)"),
        required=False,
        help_text=_("Columns: name, email, function; a header row is skipped."),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text", "").strip() and not cleaned.get("upload"):
            raise forms.ValidationError(_("Paste a list or choose a file."))
        return cleaned


class BookingOptionsForm(forms.Form):
    when_full = forms.ChoiceField(
        label=_("Not enough free places"),
        choices=[
            ("split", _("Confirm the places that are free, the others go on the waiting list")),
            ("waitlist", _("Put everyone on the waiting list together")),
        ],
        initial="split",
        required=False,
        widget=forms.RadioSelect,
    )
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
