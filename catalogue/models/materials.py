"""Material of a training: a file or a link, for all its sessions or for one. Files are Wagtail
documents in their own collection, which is never public (catalogue.services.materials_collection);
they are handed out only by the views that check who asks."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Material(models.Model):
    training = models.ForeignKey(
        "catalogue.TrainingPage",
        verbose_name=_("training (all its sessions)"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="materials",
    )
    session = models.ForeignKey(
        "catalogue.Session",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="materials",
    )
    title = models.CharField(_("title"), max_length=200)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(training__isnull=True) ^ models.Q(session__isnull=True),
                name="material_for_a_training_or_a_session",
            ),
            models.CheckConstraint(
                condition=models.Q(document__isnull=True) ^ models.Q(url=""),
                name="material_is_a_file_or_a_link",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_file(self) -> bool:
        return self.document_id is not None

    def clean(self):
        super().clean()
        if (self.training_id is None) == (self.session_id is None):
            raise ValidationError(_("Choose either a training or one of its sessions."))
