"""The Editors group may translate pages (Wagtail's simple_translation action)."""

from django.db import migrations

from catalogue.roles import EDITOR_GROUP, EDITOR_PERMISSIONS, group_migration


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0010_reminders_opt_out"),
        ("simple_translation", "0001_initial"),
        ("trainers", "0004_roles"),
    ]

    operations = [
        migrations.RunPython(group_migration(EDITOR_GROUP, EDITOR_PERMISSIONS), migrations.RunPython.noop)
    ]
