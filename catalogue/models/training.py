"""A training (Schulung): one page per catalogue entry, with its upcoming sessions, a page per
session and the session's calendar."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from catalogue.blocks import TrainingBodyBlock
from catalogue.caching import CachedViewRestrictionsMixin
from catalogue.ics import build_calendar, calendar_response, session_events
from catalogue.page_forms import TrainingPageForm
from catalogue.panels import SessionsPanel
from catalogue.selectors.sessions import (
    public_session_for_training,
    training_dates,
    upcoming_sessions_for_training,
)
from catalogue.visitors import visitor_sector

# A function (training page, request) -> HTML or "" shown below the page's dates.
TRAINING_PAGE_SECTIONS_HOOK = "register_training_page_sections"


class TrainingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    ONLINE = "online", _("online")
    HYBRID = "hybrid", _("hybrid")


class Delivery(models.TextChoices):
    OPEN = "open", _("open enrolment")
    INHOUSE = "inhouse", _("in-house")
    BOTH = "both", _("open enrolment and in-house")


class VatTreatment(models.TextChoices):
    EXEMPT = "exempt", _("exempt (§ 4 Nr. 21 UStG)")
    STANDARD = "standard", _("standard rate (19 %)")


class TrainingPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    topic = models.ForeignKey(
        "catalogue.Topic", verbose_name=_("topic"), on_delete=models.PROTECT, related_name="+"
    )
    target_groups = ParentalManyToManyField(
        "catalogue.TargetGroup", verbose_name=_("target groups"), blank=True, related_name="+"
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown with the training in the catalogue; give the image a description (its "
            "alternative text) in the image library."
        ),
    )
    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences for the catalogue listing.")
    )
    body = StreamField(TrainingBodyBlock(), verbose_name=_("body"), blank=True)
    units = models.PositiveSmallIntegerField(
        _("length in UE"),
        validators=[MinValueValidator(1)],
        help_text=_("Teaching units of 45 minutes."),
    )
    days = models.PositiveSmallIntegerField(_("days"), default=1, validators=[MinValueValidator(1)])
    format = models.CharField(
        _("format"), max_length=16, choices=TrainingFormat.choices, default=TrainingFormat.IN_PERSON
    )
    delivery = models.CharField(
        _("delivery"), max_length=16, choices=Delivery.choices, default=Delivery.BOTH
    )
    languages = ParentalManyToManyField(
        "catalogue.Language", verbose_name=_("languages"), related_name="+"
    )
    default_capacity = models.PositiveSmallIntegerField(
        _("default capacity"), default=16, validators=[MinValueValidator(1)]
    )
    price_administration = models.DecimalField(
        _("price per participant, administration (EUR)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0.00"))],
        help_text=_("0 means free of charge."),
    )
    price_companies = models.DecimalField(
        _("price per participant, companies (EUR)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0.00"))],
        help_text=_("0 means free of charge."),
    )
    certificate_share = models.DecimalField(
        _("attendance needed for a certificate"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("1.00"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("1.00"))],
        help_text=_("Share of the dates a participant must attend, e.g. 0.75 for three in four."),
    )
    refund_before_deadline = models.PositiveSmallIntegerField(
        _("refund until the booking deadline (%)"),
        default=100,
        validators=[MaxValueValidator(100)],
        help_text=_("Share of the price refunded when a paid booking is cancelled in time."),
    )
    refund_after_deadline = models.PositiveSmallIntegerField(
        _("refund after the booking deadline (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Share refunded when staff cancel a booking after the deadline. "
            "A cancelled session is always refunded in full."
        ),
    )

    vat = models.CharField(
        _("VAT"),
        max_length=16,
        choices=VatTreatment.choices,
        default=VatTreatment.EXEMPT,
        help_text=_(
            "Vocational training of the IQ programme is usually exempt (§ 4 Nr. 21 UStG); "
            "otherwise the prices include the standard rate of 19 %."
        ),
    )

    base_form_class = TrainingPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [FieldPanel("topic"), FieldPanel("target_groups"), FieldPanel("languages")],
            heading=_("Classification"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("units"), FieldPanel("days")]),
                FieldRowPanel([FieldPanel("format"), FieldPanel("delivery")]),
                FieldPanel("default_capacity"),
                FieldRowPanel([FieldPanel("price_administration"), FieldPanel("price_companies")]),
                FieldPanel("certificate_share"),
                FieldRowPanel(
                    [FieldPanel("refund_before_deadline"), FieldPanel("refund_after_deadline")]
                ),
                FieldPanel("vat"),
            ],
            heading=_("Terms"),
        ),
        SessionsPanel(heading=_("Sessions")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("topic"),
    ]
    parent_page_types = ["catalogue.CatalogueIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def clean(self):
        super().clean()
        if self.units and self.days and self.units < self.days:
            raise ValidationError({"units": _("A training has at least one UE per day.")})

    @cached_property
    def facts(self) -> "TrainingPage":
        """The page whose facts (FACT_FIELDS: length, prices, refund terms, VAT) count for every
        language: the one in the default language. Translations show and charge these, so the
        languages cannot disagree."""
        if self.locale_id and self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        source = (
            TrainingPage.objects.filter(
                translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
            )
            .defer_streamfields()
            .first()
        )
        return source or self

    @property
    def is_free(self) -> bool:
        return not self.price_administration and not self.price_companies

    @property
    def hours(self) -> Decimal:
        return Decimal(self.units * 45) / 60

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        dates = training_dates(
            training=self,
            state=request.GET.get("state") or None,
            show_all=request.GET.get("dates") == "all",
        )
        context["dates"] = dates
        context["sessions"] = dates.sessions
        context["visitor_sector"] = visitor_sector(request)
        # Other apps add sections (HTML) to the page without the catalogue importing them.
        context["extra_sections"] = [
            section
            for hook in hooks.get_hooks(TRAINING_PAGE_SECTIONS_HOOK)
            if (section := hook(self, request))
        ]
        return context

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for session in upcoming_sessions_for_training(training=self):
            urls.append({"location": base + self.reverse_subpage("session", args=[session.pk])})
        return urls

    @path("sessions/<int:session_id>/", name="session")
    def session(self, request, session_id):
        session = public_session_for_training(training=self, session_id=session_id)
        if session is None:
            raise Http404
        # Page's context, not this page's: the session page shows none of the training's dates.
        context = Page.get_context(self, request) | {
            "session": session,
            "visitor_sector": visitor_sector(request),
        }
        return TemplateResponse(request, "catalogue/session_page.html", context)

    @path("sessions/<int:session_id>/calendar/", name="session_ics")
    def session_ics(self, request, session_id):
        session = public_session_for_training(training=self, session_id=session_id)
        if session is None:
            raise Http404
        url = request.build_absolute_uri(
            self.url + self.reverse_subpage("session", args=[session.pk])
        )
        calendar = build_calendar(
            session_events(session, title=self.title, url=url), name=self.title
        )
        return calendar_response(calendar, filename=f"iq-session-{session.pk}.ics", inline=False)
