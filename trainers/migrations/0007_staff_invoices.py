"""Programme staff see the invoices of their state networks and record payments."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from catalogue.roles import STAFF_GROUP, STAFF_PERMISSIONS, ensure_group


def forwards(apps, schema_editor):
    for config in apps.get_app_configs():  # permissions are otherwise made after migrating
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    ensure_group(
        apps.get_model("auth", "Group"),
        apps.get_model("auth", "Permission"),
        STAFF_GROUP,
        STAFF_PERMISSIONS,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0006_federal_office_closes_periods"),
        ("bookings", "0008_invoices"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
