"""Home page, standard pages (imprint, privacy, accessibility statement) and site settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page
from wagtail.search import index

from catalogue.models import CatalogueIndexPage
from catalogue.selectors.sessions import topics
from catalogue.selectors.trainings import next_public_sessions


class HomePage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["catalogue.CatalogueIndexPage", "home.StandardPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = CatalogueIndexPage.objects.child_of(self).live().first()
        context["topics"] = topics()
        context["next_sessions"] = next_public_sessions(limit=6)
        return context


class StandardPage(Page):
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

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("accessibility_email"),
        FieldPanel("imprint_page"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
    ]

    class Meta:
        verbose_name = _("site settings")
