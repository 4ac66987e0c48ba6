"""Write every training's search document anew from its live content:

    manage.py update_training_search

Publishing keeps the documents current; run this after pages were written without publishing
(imports, bulk data) or when what the search reads has changed."""

from django.core.management.base import BaseCommand

from catalogue.services import training_search_rebuild


class Command(BaseCommand):
    help = "Write every live training's search document anew."

    def handle(self, *args, **options):
        count = training_search_rebuild()
        self.stdout.write(f"Search documents written for {count} live trainings.")
