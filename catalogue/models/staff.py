"""Who works for which state network (DESIGN.md rule 10): the staff of a state network's
coordination work on its sessions, bookings, trainers and figures; the federal office (the
Wagtail group "Federal office") on the whole programme."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalogue.models.taxonomy import StateNetwork


class StateStaff(models.Model):
    """One state network a staff member works for (a member may work for several)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="state_networks",
    )
    state = models.CharField(_("state network"), max_length=2, choices=StateNetwork.choices)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("state network staff")
        verbose_name_plural = _("state network staff")
        ordering = ["state", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "state"], name="state_staff_once_per_state")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_state_display()})"

    def person(self) -> str:
        name = self.user.get_full_name() or self.user.username
        return f"{name} <{self.user.email}>" if self.user.email else name

    person.short_description = _("staff member")
