"""StreamField blocks of a training page's body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class AgendaItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "time"


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"))
    answer = blocks.RichTextBlock(label=_("answer"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "help"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "catalogue/blocks/quote.html"


class TrainingBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("text"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )
    objectives = blocks.ListBlock(
        blocks.CharBlock(label=_("objective")),
        label=_("learning objectives"),
        template="catalogue/blocks/objectives.html",
    )
    agenda = blocks.ListBlock(
        AgendaItemBlock(), label=_("agenda"), template="catalogue/blocks/agenda.html"
    )
    faq = blocks.ListBlock(FaqItemBlock(), label=_("FAQ"), template="catalogue/blocks/faq.html")
    image = ImageBlock(label=_("image"))
    quote = QuoteBlock(label=_("quote"))
