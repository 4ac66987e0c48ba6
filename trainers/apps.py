from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainersConfig(AppConfig):
    name = "trainers"
    verbose_name = _("Trainers")

    def ready(self):
        from bookings import outbox, retention
        from trainers import certificates, emails, selectors

        certificates.register()
        outbox.register(emails.KINDS, emails.write)
        retention.register_personal_data("trainer", selectors.personal_data_for_user)
