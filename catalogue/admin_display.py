"""Values in the admin as people read them. Wagtail's inspect view shows raw values: times in
UTC, "None" for nothing, "True" and "False"; the admin's inspect views use this one, and
listings the yes-or-no column."""

from datetime import date, datetime, time

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.formats import date_format, time_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic

from catalogue.schedule import BERLIN

EMPTY = "—"


def readable(value):
    """Times in Berlin time, dates and yes or no in the user's language, people by name and
    address, a dash for nothing."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, AbstractBaseUser):
        name = value.get_full_name() or value.get_username()
        return f"{name} <{value.email}>" if value.email else name
    if isinstance(value, datetime):
        return date_format(value.astimezone(BERLIN), "DATETIME_FORMAT")
    if isinstance(value, date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, time):
        return time_format(value, "TIME_FORMAT")
    return value


def date_span(start: datetime, end: datetime) -> str:
    """One date of a session in Berlin time: "Montag, 15.03.2027, 09:00–12:00"."""
    start, end = start.astimezone(BERLIN), end.astimezone(BERLIN)
    return (
        f"{date_format(start, 'l')}, {date_format(start, 'SHORT_DATE_FORMAT')}, "
        f"{time_format(start, 'H:i')}–{time_format(end, 'H:i')}"
    )


class InspectView(generic.InspectView):
    """Wagtail's inspect view with readable values. `field_labels` names what the model does
    not label itself (properties, and fields whose label would need a migration)."""

    field_labels: dict = {}

    def get_field_label(self, field_name, field):
        if field_name in self.field_labels:
            return self.field_labels[field_name]
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        if field is not None and field.concrete and getattr(self.object, field.attname) is None:
            return EMPTY  # also where Wagtail would show a component (a file, an image)
        return readable(super().get_field_display_value(field_name, field))


class YesNoColumn(Column):
    """A yes-or-no field in words (Wagtail's BooleanColumn titles its icons "True", "False")."""

    def get_value(self, instance):
        return readable(super().get_value(instance))


def yes_no_column(model, field_name: str) -> YesNoColumn:
    label = capfirst(model._meta.get_field(field_name).verbose_name)
    return YesNoColumn(field_name, label=label, sort_key=field_name)
