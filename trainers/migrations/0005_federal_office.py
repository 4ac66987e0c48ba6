"""State networks as tenants: the federal office's group (it sees every state network and says
who works for which). Its members are in "Programme staff" too, for the staff's rights."""

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
        ("trainers", "0004_roles"),
        ("catalogue", "0003_state_staff"),
        ("bookings", "0004_inhouse_request_state"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
