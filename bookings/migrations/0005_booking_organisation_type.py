from django.db import migrations, models
from django.db.models import OuterRef, Subquery

TYPES = [
    ("job_centre", "job centre"),
    ("employment_agency", "employment agency"),
    ("municipal_administration", "municipal administration"),
    ("other_public_body", "other public body"),
    ("sme", "small or medium-sized enterprise"),
    ("large_company", "large company"),
    ("chamber_or_association", "chamber or association"),
    ("non_profit", "non-profit organisation"),
]


def record_the_type_booked_under(apps, schema_editor):
    """Existing bookings: the organisation's type today is the best record there is."""
    Booking = apps.get_model("bookings", "Booking")
    Organisation = apps.get_model("bookings", "Organisation")
    Booking.objects.update(
        organisation_type=Subquery(
            Organisation.objects.filter(pk=OuterRef("organisation_id")).values("type")[:1]
        )
    )


class Migration(migrations.Migration):
    dependencies = [("bookings", "0004_inhouse_request_state")]

    operations = [
        migrations.AddField(
            model_name="booking",
            name="organisation_type",
            field=models.CharField(
                choices=TYPES,
                default="",
                editable=False,
                max_length=32,
                verbose_name="organisation type when booked",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(record_the_type_booked_under, migrations.RunPython.noop),
    ]
