from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    name = "bookings"
    verbose_name = _("Bookings")

    def ready(self):
        from bookings import emails, notifications, outbox
        from catalogue.changes import register_audience

        outbox.register(emails.KINDS, emails.write)
        register_audience(notifications.BookedPeople())
