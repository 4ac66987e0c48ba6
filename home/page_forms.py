"""The editing form of the page in German Sign Language."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from home.embeds import video_player


class SignLanguagePageForm(WagtailAdminPageForm):
    """The video is edited on the page in the default language only (translations show that
    one), and its address must lead to a player the site can show."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = self.instance.locale if self.instance.locale_id else None
        if locale is None and self.parent_page is not None:
            locale = self.parent_page.locale
        if locale is not None and locale.language_code != settings.LANGUAGE_CODE:
            if self.instance.pk:
                self.initial["video_url"] = self.instance.shared_video_url
            self.fields["video_url"].disabled = True
            self.fields["video_url"].help_text = _(
                "The same video in every language: change it on the German page."
            )

    def clean_video_url(self):
        url = self.cleaned_data["video_url"]
        if url and not self.fields["video_url"].disabled and video_player(url) is None:
            raise ValidationError(
                _(
                    "No video player can be found for this address, or the video site cannot "
                    "be reached at the moment. Enter the address of the video's page, or try "
                    "again later."
                )
            )
        return url
