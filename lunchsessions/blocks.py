"""StreamField blocks of a lunch session recap (terugblik), slides and related pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from community.core.blocks import SkipEmptyStreamBlock

RECAP_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class SummaryBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RECAP_FEATURES, **kwargs)

    class Meta:
        icon = "doc-full"
        label = _("Samenvatting")
        template = "lunchsessions/blocks/summary.html"
        preview_value = (
            "<p>Negentig professionals bespraken welke interventies gezinnen met gescheiden ouders "
            "echt verder helpen.</p>"
        )
        description = _("Een korte samenvatting van wat er besproken is.")


class KeyPointsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Kop"), default=_("Belangrijkste punten"), max_length=120)
    points = blocks.ListBlock(blocks.CharBlock(label=_("Punt"), max_length=400), label=_("Punten"))

    class Meta:
        icon = "list-ul"
        label = _("Kernpunten")
        template = "lunchsessions/blocks/key_points.html"
        preview_value = {
            "heading": "Belangrijkste punten",
            "points": ["Het belang van het kind staat centraal.", "Ouders blijven collega-ouders."],
        }
        description = _("De belangrijkste inzichten, als opsomming.")


class ChatQuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("Vraag uit de chat"))
    answer = blocks.RichTextBlock(label=_("Antwoord"), features=RECAP_FEATURES)

    class Meta:
        icon = "help"
        label = _("Vraag uit de chat")
        template = "lunchsessions/blocks/chat_question.html"
        preview_value = {
            "question": "Hoe betrek je een ouder die niet wil meewerken?",
            "answer": "<p>Begin bij het gezamenlijke doel: hoe wil je je kind zien als het 25 is?</p>",
        }
        description = _("Een vraag uit de chat met het antwoord van de spreker.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citaat"))
    attribution = blocks.CharBlock(label=_("Wie zei het"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "lunchsessions/blocks/quote.html"
        preview_value = {
            "quote": "Je blijft toch na de scheiding collega-ouders.",
            "attribution": "Harmke Bergenhenegouwen",
        }
        description = _("Een uitspraak uit de sessie.")


class RecapBlock(SkipEmptyStreamBlock):
    summary = SummaryBlock()
    key_points = KeyPointsBlock()
    chat_question = ChatQuestionBlock()
    quote = QuoteBlock()


class SlidesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    document = DocumentChooserBlock(label=_("Document"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Dia's")
        template = "lunchsessions/blocks/slides.html"
        preview_value = {"title": "Dia's van de sessie"}
        description = _("De presentatie van de sessie als document (pdf of pptx).")

    def get_preview_value(self):
        return self.normalize(
            {
                **self.meta.preview_value,
                "document": self.child_blocks["document"].model_class.objects.order_by("pk").first(),
            }
        )


class SlidesStreamBlock(SkipEmptyStreamBlock):
    slides = SlidesBlock()


class RelatedPageBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Pagina"))
    note = blocks.CharBlock(label=_("Toelichting"), required=False, max_length=200)

    class Meta:
        icon = "link"
        label = _("Gerelateerde pagina")
        template = "lunchsessions/blocks/related_page.html"
        preview_value = {"note": "Hoe het traject begint"}
        description = _("Een casus of methodiekpagina die bij deze sessie hoort.")

    def get_preview_value(self):
        from wagtail.models import Page

        return self.normalize({**self.meta.preview_value, "page": Page.objects.filter(depth__gt=1).live().first()})


class RelatedStreamBlock(SkipEmptyStreamBlock):
    page = RelatedPageBlock()


def recap_plain_text(stream_value) -> str:
    """All text of a recap, for search and feeds."""
    from django.utils.html import strip_tags

    parts = []
    for child in stream_value:
        value = child.value
        if child.block_type == "summary":
            parts.append(strip_tags(value.source))
        elif child.block_type == "key_points":
            parts.append(value["heading"])
            parts.extend(value["points"])
        elif child.block_type == "chat_question":
            parts.extend([value["question"], strip_tags(value["answer"].source)])
        elif child.block_type == "quote":
            parts.extend([value["quote"], value["attribution"]])
    return "\n".join(part for part in parts if part)
