"""The outline of a guide, computed from the StreamField's raw data (no queries, no block rendering).

Every heading block gets a stable anchor (slug of its text, numbered when repeated). Chapters start
at each level-2 heading; the text before the first one is the chapter "Inleiding". The outline feeds
the table of contents, reading time, search text, and the phase and technique pages (which chapter
of which guide uses them).
"""

import html
import math
import re
from dataclasses import dataclass, field

from django.utils.text import slugify

WORDS_PER_MINUTE = 200
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass
class TocEntry:
    anchor: str
    title: str
    level: int
    children: list = field(default_factory=list)


@dataclass
class Chapter:
    anchor: str
    title: str
    phase_ids: list = field(default_factory=list)
    technique_ids: list = field(default_factory=list)
    texts: list = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.texts)


@dataclass
class Outline:
    anchors: dict  # block id -> anchor
    toc: list  # [TocEntry(level 2, children=[TocEntry(level 3)])]
    chapters: list  # [Chapter]

    @property
    def text(self) -> str:
        return " ".join(f"{chapter.title} {chapter.text}" for chapter in self.chapters)

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def reading_minutes(self, extra_text: str = "") -> int:
        words = self.word_count + len(extra_text.split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def chapters_with_phase(self, phase_id):
        return [chapter for chapter in self.chapters if phase_id in chapter.phase_ids]

    def chapters_with_technique(self, technique_id):
        return [chapter for chapter in self.chapters if technique_id in chapter.technique_ids]


def plain_text(value) -> str:
    """All human-readable text inside a raw block value (rich text stripped of tags)."""
    if isinstance(value, str):
        return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", value))).strip()
    if isinstance(value, dict):
        if "data" in value and isinstance(value.get("data"), list):  # a TableBlock value
            return " ".join(plain_text(cell) for row in value["data"] for cell in row if cell)
        return " ".join(plain_text(v) for k, v in value.items() if k not in ("url", "kind", "level"))
    if isinstance(value, list):
        return " ".join(plain_text(v) for v in value)
    return ""


def build(raw_blocks) -> Outline:
    anchors: dict = {}
    toc: list = []
    used: set = set()
    chapters = [Chapter(anchor="", title="")]
    for raw in raw_blocks:
        block_type, value, block_id = raw.get("type"), raw.get("value"), raw.get("id", "")
        if block_type == "heading":
            title = (value or {}).get("text", "").strip()
            anchor = _unique(slugify(title) or "hoofdstuk", used)
            anchors[block_id] = anchor
            level = 3 if (value or {}).get("level") == "h3" else 2
            entry = TocEntry(anchor=anchor, title=title, level=level)
            if level == 3 and toc:
                toc[-1].children.append(entry)
            else:
                toc.append(entry)
            if level == 2:
                chapters.append(Chapter(anchor=anchor, title=title))
                continue
        chapter = chapters[-1]
        if block_type == "phase" and isinstance(value, dict) and value.get("phase"):
            chapter.phase_ids.append(value["phase"])
        elif block_type == "technique" and isinstance(value, dict) and value.get("technique"):
            chapter.technique_ids.append(value["technique"])
        if block_type not in ("phase", "technique", "document"):
            text = plain_text(value)
            if text:
                chapter.texts.append(text)
        elif isinstance(value, dict) and value.get("note"):
            chapter.texts.append(value["note"])
    if not chapters[0].texts and not chapters[0].phase_ids and not chapters[0].technique_ids:
        chapters.pop(0)
    return Outline(anchors=anchors, toc=toc, chapters=chapters)


def _unique(anchor: str, used: set) -> str:
    candidate, number = anchor, 2
    while candidate in used or candidate in ("main", "inhoud"):
        candidate = f"{anchor}-{number}"
        number += 1
    used.add(candidate)
    return candidate
