from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainersConfig(AppConfig):
    name = "trainers"
    verbose_name = _("Trainers")

    def ready(self):
        from bookings import outbox, retention
        from catalogue.changes import register_audience
        from trainers import certificates, emails, notifications, selectors, signals

        certificates.register()
        signals.connect()
        outbox.register(emails.KINDS, emails.write)
        register_audience(notifications.AssignedTrainers())
        retention.register_personal_data("trainer", selectors.personal_data_for_user)
