"""The staff's roles as data: the Wagtail groups and the permissions each holds. The migrations
make them (trainers/migrations) and `manage.py grant_staff` makes them again where missing.

- Programme staff: what every member of the staff (a state network's or the federal office's)
  may do; which sessions, bookings, trainers and figures they do it on is their state networks
  (catalogue.selectors.staff).
- Editors: the catalogue's pages in both languages, with the "Translate" action.
- Federal office: the whole programme, who works for which state network, and the closed
  reporting periods.
"""

from django.contrib.auth.management import create_permissions

EDITOR_GROUP = "Editors"
STAFF_GROUP = "Programme staff"
FEDERAL_GROUP = "Federal office"

# app label -> the codenames, or {"models": [...]}: every permission of those models, or None:
# every permission of the app.
STAFF_PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    # Not StateStaff: who works for which state network is the federal office's to say.
    "catalogue": {
        "models": [
            "session",
            "occurrence",
            "material",
            "topic",
            "targetgroup",
            "language",
            "venue",
            "trainingpage",
            "catalogueindexpage",
        ]
    },
    "trainers": None,
    "bookings": [
        "view_booking",
        "add_booking",
        "change_booking",
        "view_organisation",
        "add_organisation",
        "change_organisation",
        "view_inhouserequest",
        "change_inhouserequest",
        "view_attendance",
        "change_attendance",
        "view_statistics",
        "view_invoice",
        "view_invoicepayment",
        "add_invoicepayment",
    ],
}
# Beyond what Wagtail and trainers/migrations/0004 give them: the "Translate" action.
EDITOR_PERMISSIONS = {"simple_translation": ["submit_translation"]}
FEDERAL_PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "catalogue": ["view_statestaff", "add_statestaff", "change_statestaff", "delete_statestaff"],
    # Closing reporting periods and downloading their frozen reports.
    "bookings": ["view_reportingperiod", "add_reportingperiod"],
}


def permissions(Permission, spec: dict):
    """The Permission rows `spec` names (Permission: the model, historical in migrations)."""
    rows = []
    for app_label, wanted in spec.items():
        found = Permission.objects.filter(content_type__app_label=app_label)
        if isinstance(wanted, dict):
            found = found.filter(content_type__model__in=wanted["models"])
        elif wanted is not None:
            found = found.filter(codename__in=wanted)
        rows += list(found)
    return rows


def ensure_group(Group, Permission, name: str, spec: dict):
    """The group `name` with (at least) the permissions of `spec`."""
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(*permissions(Permission, spec))
    return group


def group_migration(name: str, spec: dict):
    """A RunPython function for a data migration that makes the group `name` with `spec`."""

    def forwards(apps, schema_editor):
        for config in apps.get_app_configs():  # permissions are otherwise made after migrating
            config.models_module = True
            create_permissions(config, apps=apps, verbosity=0)
            config.models_module = None
        ensure_group(
            apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), name, spec
        )

    return forwards
