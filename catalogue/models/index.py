"""The catalogue's index page: the listing with its filters and search, and the feed."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from catalogue import views
from catalogue.caching import CachedChildRoutesMixin, CachedViewRestrictionsMixin


class CatalogueIndexPage(
    CachedViewRestrictionsMixin, RoutablePageMixin, CachedChildRoutesMixin, Page
):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["catalogue.TrainingPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("catalogue")

    @path("")
    def listing(self, request):
        return views.catalogue_listing(request, self)

    @path("feed/")
    def feed(self, request):
        return views.catalogue_feed(request, self)
