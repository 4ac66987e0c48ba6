"""The standard IQ questionnaire, used for every training without one of its own."""

from django.db import migrations

ITEMS = [
    (
        "overall",
        "rating",
        "Wie zufrieden sind Sie insgesamt mit der Schulung?",
        "How satisfied are you with the training overall?",
        "",
        "",
    ),
    (
        "relevance",
        "rating",
        "Wie wichtig sind die Inhalte für Ihre Arbeit?",
        "How relevant is the content for your work?",
        "",
        "",
    ),
    (
        "trainer",
        "rating",
        "Wie kompetent war die Schulungsleitung?",
        "How competent was the trainer?",
        "",
        "",
    ),
    (
        "organisation",
        "rating",
        "Wie bewerten Sie Organisation und Materialien?",
        "How do you rate the organisation and the materials?",
        "",
        "",
    ),
    (
        "recommend",
        "single",
        "Würden Sie die Schulung weiterempfehlen?",
        "Would you recommend the training?",
        "Ja\nVielleicht\nNein",
        "Yes\nMaybe\nNo",
    ),
    (
        "apply",
        "text",
        "Was werden Sie in Ihrer Arbeit anwenden?",
        "What will you apply in your work?",
        "",
        "",
    ),
    ("comments", "text", "Weitere Anmerkungen", "Further comments", "", ""),
]


def create(apps, schema_editor):
    Questionnaire = apps.get_model("evaluations", "Questionnaire")
    QuestionnaireItem = apps.get_model("evaluations", "QuestionnaireItem")
    questionnaire = Questionnaire.objects.create(
        name="IQ-Standardfragebogen",
        name_en="IQ standard questionnaire",
        intro="Ihre Rückmeldung hilft uns, die Schulungen weiter zu verbessern.",
        intro_en="Your feedback helps us to keep improving the trainings.",
        is_standard=True,
    )
    QuestionnaireItem.objects.bulk_create(
        QuestionnaireItem(
            questionnaire=questionnaire,
            sort_order=order,
            key=key,
            kind=kind,
            text=text,
            text_en=text_en,
            choices=choices,
            choices_en=choices_en,
        )
        for order, (key, kind, text, text_en, choices, choices_en) in enumerate(ITEMS)
    )


def remove(apps, schema_editor):
    apps.get_model("evaluations", "Questionnaire").objects.filter(is_standard=True).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
