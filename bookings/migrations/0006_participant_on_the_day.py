import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("bookings", "0005_booking_organisation_type")]

    operations = [
        migrations.AddField(
            model_name="participant",
            name="added_on_the_day",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="added on the day"
            ),
        ),
        migrations.AddField(
            model_name="participant",
            name="replaces",
            field=models.OneToOneField(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="replaced_by",
                to="bookings.participant",
                verbose_name="in place of",
            ),
        ),
    ]
