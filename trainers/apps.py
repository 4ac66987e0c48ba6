from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class TrainersConfig(AppConfig):
    name = "trainers"
    verbose_name = _("Trainers")

    def ready(self):
        from bookings import outbox, retention
        from catalogue.changes import register_audience
        from trainers import certificates, emails, notifications, selectors

        certificates.register()
        # Trainers and their assignments show on the training pages (cached with the catalogue).
        for model in (self.get_model("Trainer"), self.get_model("Assignment")):
            post_save.connect(_catalogue_changed, sender=model, dispatch_uid=f"{model}-saved")
            post_delete.connect(_catalogue_changed, sender=model, dispatch_uid=f"{model}-deleted")
        outbox.register(emails.KINDS, emails.write)
        register_audience(notifications.AssignedTrainers())
        retention.register_personal_data("trainer", selectors.personal_data_for_user)


def _catalogue_changed(sender, **kwargs):
    from catalogue.caching import catalogue_changed

    catalogue_changed()
