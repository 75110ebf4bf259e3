"""StreamField blocks of the methodiek: each with an icon, a template and an admin preview."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from community.core.blocks import SkipEmptyStreamBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A heading. 'Hoofdstuk' (h2) starts a chapter; both levels appear in the table of contents."""

    text = blocks.CharBlock(label=_("Tekst"), max_length=150)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Hoofdstuk (kop 2)")), ("h3", _("Paragraaf (kop 3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Kop")
        template = "methodology/blocks/heading.html"
        preview_value = {"text": "Intake met beide ouders apart", "level": "h2"}
        description = _("Een kop; een hoofdstukkop begint een nieuw hoofdstuk in de inhoudsopgave.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Tekst")
        template = "methodology/blocks/paragraph.html"
        preview_value = (
            "<p>In het intakegesprek spreekt de hulpverlener beide ouders <b>apart</b>, zodat ieder vrijuit "
            "kan vertellen wat er speelt.</p>"
        )
        description = _("Lopende tekst met opmaak, lijsten en links.")


class ChooserPreviewMixin:
    """Previews a block that needs a chosen object with the first such object, like bakerydemo's image blocks."""

    preview_object_field: str

    def get_preview_value(self):
        chooser = self.child_blocks[self.preview_object_field]
        value = dict(self.meta.preview_value)
        value[self.preview_object_field] = chooser.model_class.objects.order_by("pk").first()
        return self.normalize(value)


class PhaseBlock(ChooserPreviewMixin, blocks.StructBlock):
    """Links a chapter to a phase of the trajectory; the phase page lists the chapter."""

    preview_object_field = "phase"

    phase = SnippetChooserBlock("methodology.Phase", label=_("Fase"))
    note = blocks.TextBlock(label=_("Toelichting"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Fase")
        template = "methodology/blocks/phase.html"
        preview_value = {"note": "Beide ouders vertellen apart wat er speelt."}
        description = _("Verwijst naar een fase van het traject en toont doel, deelnemers en grenzen.")


class TechniqueBlock(ChooserPreviewMixin, blocks.StructBlock):
    preview_object_field = "technique"
    technique = SnippetChooserBlock("methodology.Technique", label=_("Techniek"))
    note = blocks.TextBlock(label=_("Hoe de techniek hier gebruikt wordt"), required=False)

    class Meta:
        icon = "pick"
        label = _("Techniek")
        template = "methodology/blocks/technique.html"
        preview_value = {"note": "Vraag door op wat de ouder voor het kind wil."}
        description = _("Verwijst naar een gesprekstechniek; de techniekpagina laat zien waar ze gebruikt wordt.")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Soort"),
        choices=[("attention", _("Let op")), ("tip", _("Tip")), ("safety", _("Veiligheid"))],
        default="attention",
    )
    title = blocks.CharBlock(label=_("Titel"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Tekst"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Let op-blok")
        template = "methodology/blocks/callout.html"
        preview_value = {
            "kind": "attention",
            "title": "Let op",
            "text": "<p>Gebruik de intake niet om een oordeel te vellen over wie gelijk heeft.</p>",
        }
        description = _("Een opvallend kader voor waarschuwingen, tips of veiligheidsafspraken.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citaat"))
    attribution = blocks.CharBlock(label=_("Bron"), required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "methodology/blocks/quote.html"
        preview_value = {
            "quote": "Je blijft toch na de scheiding collega-ouders.",
            "attribution": "Harmke Bergenhenegouwen, NJi",
        }
        description = _("Een citaat met bron.")


class DocumentBlock(ChooserPreviewMixin, blocks.StructBlock):
    """A download. Shown only to those who may open the document (its collection's restrictions)."""

    preview_object_field = "document"

    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Omschrijving"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "methodology/blocks/document.html"
        preview_value = {"description": "Werkblad voor het intakegesprek"}
        description = _("Een werkmateriaal of ander document om te downloaden.")


class VideoBlock(blocks.StructBlock):
    """A video shown as a link with transcript: no third-party player is loaded without a click."""

    url = blocks.URLBlock(label=_("Adres van de video"))
    title = blocks.CharBlock(label=_("Titel"), max_length=150)
    duration = blocks.CharBlock(label=_("Duur"), required=False, max_length=20, help_text=_("Bijvoorbeeld 4:30"))
    transcript = blocks.TextBlock(label=_("Uitgeschreven tekst"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "methodology/blocks/video.html"
        preview_value = {
            "url": "https://www.youtube.com/watch?v=ouderschapblijft",
            "title": "Ouderschap Blijft in de praktijk",
            "duration": "4:30",
            "transcript": "",
        }
        description = _("Een video met titel, duur en uitgeschreven tekst.")


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Bijschrift"), max_length=200)
    table = TableBlock(label=_("Tabel"))

    class Meta:
        icon = "table"
        label = _("Tabel")
        template = "methodology/blocks/table.html"
        preview_value = {
            "caption": "Aantal bijeenkomsten per fase",
            "table": {
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "data": [["Fase", "Maximaal"], ["Begeleide omgang", "4"], ["Overdrachtsbegeleiding", "2"]],
            },
        }
        description = _("Een tabel met bijschrift en kopregel.")


class GuideBodyBlock(SkipEmptyStreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    phase = PhaseBlock()
    technique = TechniqueBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    video = VideoBlock()
    table = CaptionedTableBlock()


class IndexBodyBlock(SkipEmptyStreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    video = VideoBlock()
    table = CaptionedTableBlock()


class LearningGoalsBlock(SkipEmptyStreamBlock):
    goal = blocks.CharBlock(
        label=_("Leerdoel"),
        max_length=250,
        icon="tick",
        template="methodology/blocks/goal.html",
        preview_value="Een overdracht tussen ouders begeleiden zonder partij te kiezen",
        description=_("Wat de deelnemer na de module kan."),
    )


class MaterialsBlock(SkipEmptyStreamBlock):
    document = DocumentBlock()
