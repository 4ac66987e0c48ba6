"""Fixed lists and snippets the catalogue is described with."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index


class StateNetwork(models.TextChoices):
    """The 16 state networks, coded as in ISO 3166-2:DE."""

    BW = "BW", _("Baden-Württemberg")
    BY = "BY", _("Bavaria")
    BE = "BE", _("Berlin")
    BB = "BB", _("Brandenburg")
    HB = "HB", _("Bremen")
    HH = "HH", _("Hamburg")
    HE = "HE", _("Hesse")
    MV = "MV", _("Mecklenburg-Western Pomerania")
    NI = "NI", _("Lower Saxony")
    NW = "NW", _("North Rhine-Westphalia")
    RP = "RP", _("Rhineland-Palatinate")
    SL = "SL", _("Saarland")
    SN = "SN", _("Saxony")
    ST = "ST", _("Saxony-Anhalt")
    SH = "SH", _("Schleswig-Holstein")
    TH = "TH", _("Thuringia")


class TopicColour(models.TextChoices):
    """Calm colours that keep a contrast of at least 4.5:1 as text on white (site.css)."""

    PETROL = "petrol", _("petrol")
    BLUE = "blue", _("blue")
    GREEN = "green", _("green")
    PURPLE = "purple", _("purple")
    RED = "red", _("red")
    OCHRE = "ochre", _("ochre")
    SLATE = "slate", _("slate")


class BilingualNameMixin(models.Model):
    """A name kept in German and English; `label` answers in the active language."""

    name = models.CharField(_("name (German)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class Topic(BilingualNameMixin, index.Indexed):
    slug = models.SlugField(_("slug"), unique=True)
    description = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    colour = models.CharField(
        _("colour"),
        max_length=10,
        choices=TopicColour.choices,
        default=TopicColour.PETROL,
        help_text=_("Marks the topic's trainings in the catalogue."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("colour")]),
        FieldPanel("description"),
        FieldPanel("description_en"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("name_en")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    @property
    def description_label(self) -> str:
        if get_language() == "en" and self.description_en:
            return self.description_en
        return self.description


class TargetGroup(BilingualNameMixin, index.Indexed):
    slug = models.SlugField(_("slug"), unique=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.SearchField("name_en")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Language(BilingualNameMixin):
    """A language a training is given in (ISO 639-1 code)."""

    code = models.CharField(_("code"), max_length=8, unique=True)

    panels = [FieldPanel("code"), FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")])]

    class Meta:
        ordering = ["code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")


class Venue(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    street = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=5)
    city = models.CharField(_("city"), max_length=100)
    state = models.CharField(_("state network"), max_length=2, choices=StateNetwork.choices)
    step_free = models.BooleanField(
        _("step-free access"),
        default=False,
        help_text=_("Rooms and toilets reachable without steps."),
    )
    directions = models.TextField(_("directions"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("street"),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
        FieldPanel("state"),
        FieldPanel("step_free"),
        FieldPanel("directions"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("city")]

    class Meta:
        ordering = ["city", "name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self) -> str:
        return f"{self.name}, {self.city}"

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postcode} {self.city}"
