"""The federal office closes reporting periods (bookings.ReportingPeriod)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from catalogue.roles import FEDERAL_GROUP, FEDERAL_PERMISSIONS, ensure_group


def forwards(apps, schema_editor):
    for config in apps.get_app_configs():  # permissions are otherwise made after migrating
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    ensure_group(
        apps.get_model("auth", "Group"),
        apps.get_model("auth", "Permission"),
        FEDERAL_GROUP,
        FEDERAL_PERMISSIONS,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0005_federal_office"),
        ("bookings", "0007_reporting_periods"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
