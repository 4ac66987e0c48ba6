"""Programme staff compose the questionnaires (the Wagtail snippet)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from catalogue.roles import STAFF_GROUP

RIGHTS = ["add_questionnaire", "change_questionnaire", "delete_questionnaire", "view_questionnaire"]


def forwards(apps, schema_editor):
    # Permissions are made after all migrations have run; these need them now.
    config = apps.get_app_config("evaluations")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    staff, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    staff.permissions.add(
        *Permission.objects.filter(content_type__app_label="evaluations", codename__in=RIGHTS)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0002_standard_questionnaire"),
        ("trainers", "0004_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
