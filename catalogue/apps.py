from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Catalogue")

    def ready(self):
        from catalogue import signals
        from catalogue.spreadsheets import neutralise_wagtail_exports

        signals.connect()
        neutralise_wagtail_exports()
