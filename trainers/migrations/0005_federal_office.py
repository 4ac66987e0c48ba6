"""State networks as tenants: the federal office's group (it sees every state network and says
who works for which). Its members are in "Programme staff" too, for the staff's rights."""

from django.db import migrations

from catalogue.roles import FEDERAL_GROUP, FEDERAL_PERMISSIONS, group_migration


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0004_roles"),
        ("catalogue", "0003_state_staff"),
        ("bookings", "0004_inhouse_request_state"),
    ]

    operations = [
        migrations.RunPython(group_migration(FEDERAL_GROUP, FEDERAL_PERMISSIONS), migrations.RunPython.noop)
    ]
