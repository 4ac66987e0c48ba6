"""Programme staff see the invoices of their state networks and record payments."""

from django.db import migrations

from catalogue.roles import STAFF_GROUP, STAFF_PERMISSIONS, group_migration


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0006_federal_office_closes_periods"),
        ("bookings", "0008_invoices"),
    ]

    operations = [
        migrations.RunPython(group_migration(STAFF_GROUP, STAFF_PERMISSIONS), migrations.RunPython.noop)
    ]
