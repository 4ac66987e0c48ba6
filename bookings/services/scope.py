"""Staff change only what belongs to their state networks (DESIGN.md rule 10): every service a
staff member calls checks it again here, whatever the admin view showed."""

from django.utils.translation import gettext as _

from bookings.services.errors import BookingError
from catalogue.selectors.staff import staff_scope


def check_staff_scope(by, *states: str) -> None:
    """Refuse unless `by` works for every one of `states`; None is the system (cron, imports)."""
    if by is not None and not staff_scope(by).allows(*states):
        raise BookingError(_("This belongs to another state network."))
