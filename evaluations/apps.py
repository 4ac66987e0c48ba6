from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Evaluations")

    def ready(self):
        from bookings import outbox
        from bookings.services.attendance import session_held
        from bookings.statistics import register_feedback_source
        from evaluations import emails, selectors, services

        outbox.register(emails.KINDS, emails.write)
        session_held.connect(services.on_session_held, dispatch_uid="evaluations-invitations")
        register_feedback_source(selectors.programme_feedback)
