"""Forms of the trainer portal and the trainers admin."""

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from recurrence.forms import RecurrenceWidget
from wagtail.admin.forms import WagtailAdminModelForm

from bookings.models import AttendanceStatus, Function
from catalogue.models import StateNetwork
from trainers.models import Assignment, AvailabilityKind, AvailabilityRule, Trainer


class PortalRecurrenceWidget(RecurrenceWidget):
    """django-recurrence's widget under the site's content security policy: its labels from the
    JavaScript catalogue in the page's language, and our own start script
    (static/js/recurrence-widget.js) instead of its jQuery one."""

    @property
    def media(self):
        scripts = [
            reverse("javascript-catalog"),
            "recurrence/js/recurrence.js",
            "recurrence/js/recurrence-widget.js",
            "js/recurrence-widget.js",
        ]
        return forms.Media(
            js=[forms.Script(src, defer=True) for src in scripts],
            css={"all": ["recurrence/css/recurrence.css", "css/recurrence-widget.css"]},
        )


class AvailabilityRuleForm(forms.ModelForm):
    class Meta:
        model = AvailabilityRule
        fields = [
            "kind",
            "first_date",
            "last_date",
            "start_time",
            "end_time",
            "recurrences",
            "note",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "first_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "last_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "recurrences": PortalRecurrenceWidget,
        }
        error_messages = {
            "first_date": {"invalid": _("Enter the date as YYYY-MM-DD.")},
            "last_date": {"invalid": _("Enter the date as YYYY-MM-DD.")},
            "start_time": {"invalid": _("Enter the time as HH:MM.")},
            "end_time": {"invalid": _("Enter the time as HH:MM.")},
        }

    def __init__(self, *args, trainer: Trainer, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.trainer = trainer
        self.fields["kind"].choices = AvailabilityKind.choices  # no empty "---------" choice
        self.fields["kind"].initial = AvailabilityKind.WORKING


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        help_text=_("The programme team reads it, for example: another commitment that week."),
        required=False,
        max_length=Assignment._meta.get_field("decline_reason").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AttendanceForm(forms.Form):
    """One choice per participant of the session: present, absent or excused."""

    def __init__(self, *args, participants, recorded: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.participants = participants
        for participant in participants:
            self.fields[f"p{participant.pk}"] = forms.ChoiceField(
                label=participant.name,
                choices=AttendanceStatus.choices,
                widget=forms.RadioSelect,
                initial=recorded.get(participant.pk),
                required=False,
            )

    def rows(self):
        return [(participant, self[f"p{participant.pk}"]) for participant in self.participants]

    def statuses(self) -> dict[int, str]:
        return {
            participant.pk: self.cleaned_data[f"p{participant.pk}"]
            for participant in self.participants
            if self.cleaned_data.get(f"p{participant.pk}")
        }


class OnTheDayForm(forms.Form):
    """Someone who came without being booked, or in place of a booked person."""

    booking = forms.TypedChoiceField(label=_("Booking"), coerce=int)
    name = forms.CharField(label=_("Name"), max_length=200)
    function = forms.ChoiceField(label=_("Function"), choices=Function.choices)
    replaces = forms.TypedChoiceField(
        label=_("In place of"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, prefix="day", **kwargs)
        bookings = {p.booking_id: p.booking for p in participants}
        self.fields["booking"].choices = [
            (pk, f"{booking.reference} – {booking.organisation.name}")
            for pk, booking in sorted(bookings.items())
        ]
        self.fields["replaces"].choices = [
            ("", _("nobody: in addition to those booked")),
            *[(p.pk, f"{p.name} ({p.booking.reference})") for p in participants],
        ]


class TrainerAdminForm(WagtailAdminModelForm):
    states = forms.MultipleChoiceField(
        label=_("State networks"),
        choices=StateNetwork.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The state networks the trainer works in."),
    )

    class Meta:
        model = Trainer
        fields = [
            "name",
            "photo",
            "bio",
            "bio_en",
            "languages",
            "states",
            "online",
            "language",
            "show_on_training_pages",
            "is_active",
        ]
        widgets = {"languages": forms.CheckboxSelectMultiple}


class TrainerInviteForm(WagtailAdminModelForm):
    """Staff invite a trainer: the account is created and a link to set a password is sent."""

    email = forms.EmailField(label=_("Email address"))

    class Meta:
        model = Trainer
        fields = ["name", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = settings.LANGUAGE_CODE
        self.order_fields(["name", "email", "language"])


class MaterialForm(forms.Form):
    """A file or a link a trainer adds for their session, or for every session of the
    training."""

    title = forms.CharField(label=_("Title"), max_length=200)
    upload = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, office documents, images or ZIP, up to 25 MB."),
    )
    url = forms.URLField(
        label=_("or a link"), required=False, max_length=500, assume_scheme="https"
    )
    for_training = forms.BooleanField(
        label=_("For every session of this training, not only this one"), required=False
    )

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("upload")) == bool(cleaned.get("url")):
            raise forms.ValidationError(_("Give either a file or a link."))
        return cleaned
