"""Pictures for the demo trainings, drawn here (no stock photos, no downloads): calm shapes in
the colour of the training's topic. Idempotent: an image is drawn once per training."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as Picture
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection

# The topic colours of site.css, with a light tint for the background.
COLOURS = {
    "petrol": ("#00677f", "#d9eef2"),
    "blue": ("#1f4e9c", "#dde6f5"),
    "green": ("#2e6b30", "#e0efe0"),
    "purple": ("#6a3d8f", "#ece2f3"),
    "red": ("#a3342b", "#f6e0de"),
    "ochre": ("#8a5a00", "#f5ead2"),
    "slate": ("#4a5568", "#e4e7ec"),
}
SIZE = (1200, 675)


def demo_training_image(*, slug: str, colour: str):
    Image = get_image_model()
    title = f"Demo: {slug}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    strong, tint = COLOURS[colour]
    rng = random.Random(slug)
    picture = Picture.new("RGB", SIZE, tint)
    draw = ImageDraw.Draw(picture)
    for _ in range(5):
        radius = rng.randint(80, 260)
        x, y = rng.randint(0, SIZE[0]), rng.randint(0, SIZE[1])
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=strong, width=10)
    draw.rectangle((0, SIZE[1] - 24, SIZE[0], SIZE[1]), fill=strong)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    collection = (
        Collection.objects.filter(name="Catalogue").first()
        or Collection.get_first_root_node()
        or Collection.add_root(name="Root")  # a flushed test database has none
    )
    image = Image(title=title, collection=collection)
    image.file = ImageFile(buffer, name=f"demo-{slug}.png")
    image.save()
    return image
