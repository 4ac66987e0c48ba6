"""Programme staff attach materials to trainings and to the sessions of their state networks."""

from django.db import migrations

from catalogue.roles import STAFF_GROUP, STAFF_PERMISSIONS, group_migration


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0007_staff_invoices"),
        ("catalogue", "0005_online_access_and_materials"),
    ]

    operations = [
        migrations.RunPython(group_migration(STAFF_GROUP, STAFF_PERMISSIONS), migrations.RunPython.noop)
    ]
