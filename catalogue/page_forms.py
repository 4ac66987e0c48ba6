"""The editing form of training pages: facts that must be the same in every language are
edited on the page in the default language only (TrainingPage.facts reads them from there)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

FACT_FIELDS = (
    "units",
    "days",
    "format",
    "delivery",
    "default_capacity",
    "price_administration",
    "price_companies",
    "certificate_share",
    "refund_before_deadline",
    "refund_after_deadline",
    "vat",
)


class TrainingPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = getattr(self.instance, "locale", None) if self.instance.locale_id else None
        if locale is None and self.parent_page is not None:
            locale = self.parent_page.locale
        if locale is not None and locale.language_code != settings.LANGUAGE_CODE:
            for name in FACT_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = _(
                        "The same in every language: change it on the German page."
                    )
