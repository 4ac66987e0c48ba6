"""Roles are data: the Wagtail groups "Editors" and "Programme staff" with their permissions,
page and collection permissions, so that a fresh database has them without any demo data.

- Editors curate the catalogue: pages (Wagtail's own migrations give them add, change and lock on
  the root page; here also publish), the snippets trainings are described with (topics, target
  groups, languages, venues) and the Catalogue collection's images and documents.
- Programme staff run sessions and bookings: the admin, every catalogue permission, bookings
  (participants and waiting lists, capacity, cancelling, booking on behalf), organisations,
  in-house requests, attendance, the programme statistics, trainers (register, certifications,
  assignments) and the trainers' certificate documents.

Running it again changes nothing; permissions added by hand stay.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from catalogue.roles import STAFF_GROUP, STAFF_PERMISSIONS, ensure_group

EDITOR_SNIPPETS = ["topic", "targetgroup", "language", "venue"]
DOCUMENT_RIGHTS = ["add_document", "change_document", "choose_document"]


def forwards(apps, schema_editor):
    # Permissions are made after all migrations have run; these need them now.
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")

    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        access_admin,
        *Permission.objects.filter(
            content_type__app_label="catalogue", content_type__model__in=EDITOR_SNIPPETS
        ),
    )
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.get_or_create(
                group=editors,
                page=root,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )

    staff = ensure_group(Group, Permission, STAFF_GROUP, STAFF_PERMISSIONS)
    certificates = Collection.objects.filter(depth=2, name="Trainer certificates").first()
    if certificates is not None:
        for codename in DOCUMENT_RIGHTS:
            GroupCollectionPermission.objects.get_or_create(
                group=staff,
                collection=certificates,
                permission=Permission.objects.get(content_type__app_label="wagtaildocs", codename=codename),
            )


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0003_alter_trainer_is_active"),
        ("bookings", "0003_certificates_statistics_permission"),
        ("catalogue", "0002_training_refund_policy"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
