"""What the StreamFields of the content apps share: a block added by accident and left empty is no block.

An editor who adds a "Gerelateerde pagina" and leaves it empty (autosave keeps it in the draft) must not
meet "Dit veld is verplicht" deep in a collapsed block on another tab when publishing. A block whose every
field is empty (or still its default) is dropped when the form is cleaned and when stored data is read,
so it never fails validation and never renders. A block with something filled in is validated as usual.
Emptiness is judged on the stored (JSON) form, so reading a stream stays lazy (no extra queries).
"""

from django.utils.html import strip_tags
from wagtail import blocks


def _list_items(raw) -> list:
    # ListBlock stores [{"type": "item", "value": ..., "id": ...}] (older data: the bare values).
    return [item["value"] if isinstance(item, dict) and item.get("type") == "item" else item for item in raw or []]


def is_empty(block, raw) -> bool:
    """Whether the stored value ``raw`` of ``block`` holds nothing an editor typed or chose."""
    if isinstance(block, blocks.StructBlock):
        raw = raw if isinstance(raw, dict) else {}
        return all(is_empty(child, raw.get(name)) for name, child in block.child_blocks.items())
    if isinstance(block, blocks.ListBlock):
        return all(is_empty(block.child_block, item) for item in _list_items(raw))
    if isinstance(block, blocks.StreamBlock):
        return all(
            is_empty(block.child_blocks[child["type"]], child.get("value"))
            for child in raw or []
            if child.get("type") in block.child_blocks
        )
    if isinstance(block, blocks.RichTextBlock):
        return not strip_tags(raw or "").strip()
    if isinstance(raw, dict) and "data" in raw:  # TableBlock
        return not any(str(cell or "").strip() for row in raw["data"] or [] for cell in row)
    if raw in (None, "", [], {}):
        return True
    default = block.get_prep_value(block.get_default())
    return default not in (None, "") and raw == default


class SkipEmptyStreamBlock(blocks.StreamBlock):
    """A StreamBlock that drops its empty children instead of refusing or rendering them."""

    def clean(self, value):
        kept = [
            (child.block_type, child.value, child.id)
            for child in value
            if not is_empty(child.block, child.block.get_prep_value(child.value))
        ]
        return super().clean(blocks.StreamValue(self, kept))

    def to_python(self, value):
        stream = super().to_python(value)
        if stream.is_lazy:  # stored JSON: judge the raw data, so nothing is fetched
            raw = [
                child
                for child in stream.raw_data
                if not (
                    child.get("type") in self.child_blocks
                    and is_empty(self.child_blocks[child["type"]], child.get("value"))
                )
            ]
            return blocks.StreamValue(self, raw, is_lazy=True)
        return stream
