from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def state_from_organisation(apps, schema_editor):
    InhouseRequest = apps.get_model("bookings", "InhouseRequest")
    Organisation = apps.get_model("bookings", "Organisation")
    InhouseRequest.objects.update(
        state=Subquery(Organisation.objects.filter(pk=OuterRef("organisation")).values("state")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0003_certificates_statistics_permission"),
    ]

    operations = [
        migrations.AddField(
            model_name="inhouserequest",
            name="state",
            field=models.CharField(
                choices=[
                    ("BW", "Baden-Württemberg"),
                    ("BY", "Bavaria"),
                    ("BE", "Berlin"),
                    ("BB", "Brandenburg"),
                    ("HB", "Bremen"),
                    ("HH", "Hamburg"),
                    ("HE", "Hesse"),
                    ("MV", "Mecklenburg-Western Pomerania"),
                    ("NI", "Lower Saxony"),
                    ("NW", "North Rhine-Westphalia"),
                    ("RP", "Rhineland-Palatinate"),
                    ("SL", "Saarland"),
                    ("SN", "Saxony"),
                    ("ST", "Saxony-Anhalt"),
                    ("SH", "Schleswig-Holstein"),
                    ("TH", "Thuringia"),
                ],
                default="",
                help_text="The state network asked to run it; its staff answer the request.",
                max_length=2,
                verbose_name="state network",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(state_from_organisation, migrations.RunPython.noop),
    ]
