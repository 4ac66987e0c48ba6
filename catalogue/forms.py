"""Forms: the public catalogue filter and the admin session form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from catalogue.models.sessions import Session
from catalogue.models.taxonomy import StateNetwork
from catalogue.models.training import TrainingFormat, TrainingPage
from catalogue.schedule import Slot
from catalogue.selectors.sessions import CatalogueFilters, filter_choices, topics
from catalogue.selectors.staff import next_first, sessions_for_staff, staff_scope
from catalogue.services import SCHEDULE_FIELDS, SERVICE_STATUSES, CatalogueError, session_slots


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    topic = forms.ChoiceField(
        label=_("Topic"),
        required=False,
        error_messages={"invalid_choice": _("There is no such topic.")},
    )
    target_group = forms.ChoiceField(
        label=_("Target group"),
        required=False,
        error_messages={"invalid_choice": _("There is no such target group.")},
    )
    state = forms.ChoiceField(
        label=_("State network"),
        choices=[("", _("All state networks")), *StateNetwork.choices],
        required=False,
        error_messages={"invalid_choice": _("There is no such state network.")},
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("All formats")), *TrainingFormat.choices],
        required=False,
        error_messages={"invalid_choice": _("There is no such format.")},
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        error_messages={"invalid_choice": _("There is no such language.")},
    )
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the date as YYYY-MM-DD.")},
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the date as YYYY-MM-DD.")},
    )
    free = forms.BooleanField(label=_("Only with free places"), required=False)
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=100000,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": _("The page number must be a whole number."),
            "min_value": _("The page number must be 1 or more."),
            "max_value": _("There is no such page."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = filter_choices()
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (slug, topic.label) for slug, topic in self.choices.topics.items()
        ]
        self.fields["target_group"].choices = [("", _("All target groups"))] + [
            (slug, group.label) for slug, group in self.choices.target_groups.items()
        ]
        self.fields["language"].choices = [("", _("All languages"))] + [
            (code, language.label) for code, language in self.choices.languages.items()
        ]

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            raise ValidationError(_("The start of the date range must not be after its end."))
        return cleaned

    def active_count(self) -> int:
        """How many filters (the search included) narrow the listing."""
        return sum(1 for name, value in self.cleaned_data.items() if name != "page" and value)

    def filters(self) -> CatalogueFilters:
        data = self.cleaned_data
        return CatalogueFilters(
            query=data["q"].strip(),
            topic=self.choices.topics.get(data["topic"]),
            target_group=self.choices.target_groups.get(data["target_group"]),
            state=data["state"],
            format=data["format"],
            language=self.choices.languages.get(data["language"]),
            date_from=data["date_from"],
            date_to=data["date_to"],
            free_only=data["free"],
        )


class FeedFilterForm(forms.Form):
    topic = forms.ModelChoiceField(
        queryset=topics(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": _("There is no such topic.")},
    )
    state = forms.ChoiceField(
        choices=[("", ""), *StateNetwork.choices],
        required=False,
        error_messages={"invalid_choice": _("There is no such state network.")},
    )


NOTICE_CHOICES = [
    ("send", _("Tell them (email with the updated calendar entries)")),
    ("skip", _("Do not tell anyone: a trivial fix (this choice is logged)")),
]


class SessionAdminForm(WagtailAdminModelForm):
    """Checks the schedule as the service will expand it, so errors show on the form; offers the
    state networks the user works for; held and cancelled are not a choice (the booking
    services set them, with their checks). A change people are told of is saved in a second
    step, once staff have seen who is told (`notice`, `notice_checked`: see SessionEditView)."""

    notice = forms.ChoiceField(
        label=_("Change notice"),
        choices=NOTICE_CHOICES,
        initial="send",
        required=False,
        widget=forms.RadioSelect,
    )
    notice_checked = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scope = staff_scope(self.for_user) if self.for_user else None
        if scope and not scope.national and "state" in self.fields:
            field = self.fields["state"]
            field.choices = [(code, label) for code, label in field.choices if code in scope.states]
        if "status" in self.fields:
            field = self.fields["status"]
            if self.instance.pk and self.instance.status in SERVICE_STATUSES:
                field.disabled = True
                field.help_text = _(
                    "Held comes from the attendance and is taken back by reopening the session; "
                    "a cancelled session stays cancelled."
                )
            else:
                field.choices = [
                    (value, label)
                    for value, label in field.choices
                    if value not in SERVICE_STATUSES
                ]

    def clean(self):
        cleaned = super().clean()
        self.schedule = None
        needed = ("first_date", "start_time", "end_time")
        if all(cleaned.get(field) for field in needed) and not self.schedule_errors():
            probe = Session(
                first_date=cleaned["first_date"],
                start_time=cleaned["start_time"],
                end_time=cleaned["end_time"],
                recurrences=cleaned.get("recurrences"),
            )
            try:
                self.schedule = session_slots(session=probe)
            except CatalogueError as error:
                self.add_error("recurrences", str(error))
        return cleaned

    def schedule_errors(self) -> bool:
        return any(field in self.errors for field in SCHEDULE_FIELDS)

    def dates_preview(self) -> list[Slot] | None:
        """The dates the schedule gives, expanded as saving expands them; None while a field
        of the schedule is wrong or missing (the field says why). Saves nothing."""
        self.is_valid()
        return None if self.schedule_errors() else self.schedule


class MaterialAdminForm(WagtailAdminModelForm):
    """A file to upload or a link, for a training or one of the user's sessions."""

    upload = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_(
            "PDF, office documents, images or ZIP, up to 25 MB. Or give a link. A new file or a "
            "link replaces the file there is."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "session" in self.fields and self.for_user is not None:
            self.fields["session"].queryset = next_first(
                sessions_for_staff(self.for_user).select_related("training")
            )
        if "training" in self.fields:
            self.fields["training"].queryset = TrainingPage.objects.filter(
                locale__language_code="de"
            ).order_by("title")

    def clean(self):
        cleaned = super().clean()
        upload, url = cleaned.get("upload"), cleaned.get("url")
        has_file = upload or (self.instance.document_id and not url)
        if bool(has_file) == bool(url) or (upload and url):
            raise ValidationError(_("Give either a file or a link."))
        if bool(cleaned.get("training")) == bool(cleaned.get("session")):
            raise ValidationError(_("Choose either a training or one of its sessions."))
        return cleaned
