"""Home page, standard pages (imprint, privacy, accessibility statement, Leichte Sprache), the
page in German Sign Language and site settings."""

from csp.decorators import csp_update
from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page
from wagtail.search import index

from catalogue.caching import CachedChildRoutesMixin, CachedViewRestrictionsMixin
from catalogue.models import CatalogueIndexPage
from catalogue.selectors.sessions import topics
from catalogue.selectors.trainings import next_public_sessions
from home.embeds import Player, video_player
from home.page_forms import SignLanguagePageForm


class HomePage(CachedViewRestrictionsMixin, CachedChildRoutesMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["catalogue.CatalogueIndexPage", "home.StandardPage", "home.SignLanguagePage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = CatalogueIndexPage.objects.child_of(self).live().first()
        context["topics"] = topics()
        context["next_sessions"] = next_public_sessions(limit=6)
        return context


class StandardPage(CachedViewRestrictionsMixin, Page):
    body = StreamField(
        [
            (
                "text",
                blocks.RichTextBlock(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]),
            ),
            ("image", ImageBlock()),
        ],
        verbose_name=_("body"),
    )

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("standard page")


class SignLanguagePage(CachedViewRestrictionsMixin, Page):
    """Explanations in German Sign Language (BITV 2.0 § 4): a video and what it says in writing.
    The video is the same in every language; the page in the default language holds it."""

    video_url = models.URLField(
        _("video address"),
        blank=True,
        help_text=_(
            "The address of the video in German Sign Language on a video site, for example "
            "YouTube or Vimeo. While it is empty, the page says that the video is coming and "
            "shows the transcript."
        ),
    )
    transcript = RichTextField(
        _("transcript"),
        features=["h3", "bold", "link", "ol", "ul"],
        help_text=_("What the video says, in writing."),
    )

    base_form_class = SignLanguagePageForm
    content_panels = Page.content_panels + [FieldPanel("video_url"), FieldPanel("transcript")]
    search_fields = Page.search_fields + [index.SearchField("transcript")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("sign language page")

    @cached_property
    def shared_video_url(self) -> str:
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self.video_url
        source = (
            SignLanguagePage.objects.filter(
                translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
            )
            .values_list("video_url", flat=True)
            .first()
        )
        return self.video_url if source is None else source

    @cached_property
    def player(self) -> Player | None:
        return video_player(self.shared_video_url)

    def serve(self, request, *args, **kwargs):
        serve = super().serve
        if self.player:
            # The site's policy lets nothing into a frame (default-src 'self'). Only a page that
            # shows a video opens frame-src, and only for the host of its player: no scripts,
            # styles or other hosts, and every other page stays closed.
            serve = csp_update({"frame-src": [self.player.origin]})(serve)
        return serve(request, *args, **kwargs)


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown in the header instead of the IQ mark, next to the site's name; at most "
            "4 times as wide as high."
        ),
    )
    contact_email = models.EmailField(_("contact email"), default="schulungen@example.org")
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    accessibility_email = models.EmailField(
        _("accessibility feedback email"),
        default="barrierefreiheit@example.org",
        help_text=_("Where people report barriers on the site."),
    )
    imprint_page = models.ForeignKey(
        "home.StandardPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    privacy_page = models.ForeignKey(
        "home.StandardPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accessibility_page = models.ForeignKey(
        "home.StandardPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # BITV 2.0 § 4: explanations in Leichte Sprache and German Sign Language, linked from the
    # start page and the footer.
    easy_language_page = models.ForeignKey(
        "home.StandardPage",
        verbose_name=_("page in Leichte Sprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sign_language_page = models.ForeignKey(
        "home.SignLanguagePage",
        verbose_name=_("page in German Sign Language"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("accessibility_email"),
        FieldPanel("imprint_page"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("easy_language_page"),
        FieldPanel("sign_language_page"),
    ]

    class Meta:
        verbose_name = _("site settings")
