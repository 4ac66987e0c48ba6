"""Trainers' certificate documents are private to the trainer and programme staff.

Wagtail collection permissions reach every collection below the one they are given on, and
Wagtail's own migrations give the Editors and Moderators groups theirs on the root collection,
which holds every other collection, the certificates' too. So no group keeps permissions on the
root: they move to a "Catalogue" collection beside "Trainer certificates", together with the
documents and images that sat in the root.
"""

from django.db import migrations

CATALOGUE = "Catalogue"
CERTIFICATES = "Trainer certificates"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's default, 4 characters a step


def _child(Collection, root, name):
    """The root's child called `name`, created as treebeard would (historical models have no
    tree methods)."""
    existing = Collection.objects.filter(depth=2, name=name).first()
    if existing is not None:
        return existing
    last = Collection.objects.filter(depth=2).order_by("-path").values_list("path", flat=True)
    step = int(last[0][-4:], 36) + 1 if last else 1
    digits = ""
    for _ in range(4):
        step, digit = divmod(step, 36)
        digits = ALPHABET[digit] + digits
    root.numchild += 1
    root.save(update_fields=["numchild"])
    return Collection.objects.create(name=name, depth=2, path=root.path + digits, numchild=0)


def forwards(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Document = apps.get_model("wagtaildocs", "Document")
    Image = apps.get_model("wagtailimages", "Image")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    catalogue = _child(Collection, root, CATALOGUE)
    _child(Collection, Collection.objects.get(pk=root.pk), CERTIFICATES)
    for permission in GroupCollectionPermission.objects.filter(collection=root):
        GroupCollectionPermission.objects.get_or_create(
            group_id=permission.group_id,
            permission_id=permission.permission_id,
            collection=catalogue,
        )
        permission.delete()
    Document.objects.filter(collection=root).update(collection=catalogue)
    Image.objects.filter(collection=root).update(collection=catalogue)


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0001_initial"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
