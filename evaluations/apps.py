from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Evaluations")

    def ready(self):
        from bookings import outbox
        from bookings.services.attendance import session_held
        from evaluations import emails, services

        outbox.register(emails.KINDS, emails.write)
        session_held.connect(services.on_session_held, dispatch_uid="evaluations-invitations")
