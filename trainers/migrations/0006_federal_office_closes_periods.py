"""The federal office closes reporting periods (bookings.ReportingPeriod)."""

from django.db import migrations

from catalogue.roles import FEDERAL_GROUP, FEDERAL_PERMISSIONS, group_migration


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0005_federal_office"),
        ("bookings", "0007_reporting_periods"),
    ]

    operations = [
        migrations.RunPython(group_migration(FEDERAL_GROUP, FEDERAL_PERMISSIONS), migrations.RunPython.noop)
    ]
