"""Search documents for the methodiek: per guide an overview and one per chapter; one per training module.

A guide gives an overview document (key ``page:<id>``, the guide's url: teaser, intro, the text before the
first chapter and the chapter titles as its table of contents) and one document per chapter (key
``page:<id>#<anchor>``, url ``<guide url>#<anchor>``: the anchor the guide's table of contents links to),
so a search on a chapter's subject lands on that chapter. A chapter's text is what the reader sees there,
including the name and goal of the phases it shows; its phase is the first phase it refers to. Every document
of a guide carries the guide's audience (its view restriction), tags and date.
"""

import hashlib

from django.core.cache import cache
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from community.core import access
from community.core.content_version import FRAGMENT_SECONDS, content_version
from search.documents import SearchAdapter, SearchDocument
from search.store import KEY_LENGTH

from .models import GuidePage, Phase, Technique, TrainingModulePage


def _page_date(page):
    if getattr(page, "last_reviewed", None):
        return page.last_reviewed
    stamp = page.last_published_at or page.first_published_at
    return stamp.date() if stamp else None


def chapter_title(guide_title: str, chapter_title: str) -> str:
    """How a chapter reads in a results list: the chapter first, its guide as context.

    Only the guide's main title (before a colon; what follows is a description of the whole guide): the title
    weighs most in ranking, and every chapter repeating the guide's full title would make all chapters of a
    guide match its subject words equally, crowding out the one chapter about it.
    """
    main = guide_title.split(":", 1)[0].strip() or guide_title
    return f"{chapter_title} – {main}"


def chapter_tags(tags, title: str, text: str) -> list[str]:
    """The guide's tags this chapter is about (it mentions them): tags weigh in ranking, so a tag of the guide on
    every chapter would rank all its chapters alike for it; the overview document carries all of them."""
    haystack = f"{title} {text}".casefold()
    return [tag for tag in tags if tag.casefold() in haystack]


def chapter_key(page_pk, anchor: str) -> str:
    key = f"page:{page_pk}#{anchor}"
    if len(key) <= KEY_LENGTH:
        return key
    return f"page:{page_pk}#{hashlib.sha1(anchor.encode(), usedforsecurity=False).hexdigest()}"


class GuideAdapter(SearchAdapter):
    type = "guide"
    label = _("Handleiding")

    models = (GuidePage,)

    def queryset(self):
        return GuidePage.objects.live().prefetch_related("tags")

    def to_document(self, obj) -> SearchDocument | None:
        """The guide's overview document (the first of ``to_documents``)."""
        documents = self.to_documents(obj)
        return documents[0] if documents else None

    def to_documents(self, obj) -> list[SearchDocument]:
        if not obj.live:
            return []
        outline = obj.outline
        phase_ids = list(dict.fromkeys(pk for chapter in outline.chapters for pk in chapter.phase_ids))
        phases = {phase.pk: phase for phase in Phase.objects.filter(pk__in=phase_ids)} if phase_ids else {}
        url = obj.url or ""
        tags = [tag.name for tag in obj.tags.all()]
        common = {
            "type": self.type,
            "audience": access.page_audience(obj),
            "date": _page_date(obj),
            "object_ref": f"methodology.guidepage:{obj.pk}",
        }
        first_phase = phases.get(phase_ids[0]) if phase_ids else None
        opening = [chapter for chapter in outline.chapters if not chapter.anchor]  # text before the first chapter
        titled = [chapter for chapter in outline.chapters if chapter.anchor]
        overview = SearchDocument(
            key=f"page:{obj.pk}",
            title=obj.title,
            text=" ".join(
                part
                for part in (
                    obj.teaser,
                    obj.intro,
                    *(chapter.text for chapter in opening),
                    " ".join(chapter.title for chapter in titled if chapter.title),
                )
                if part
            ),
            url=url,
            tags=tags,
            phase=first_phase.slug if first_phase else "",
            **common,
        )
        documents = [overview]
        for chapter in titled:
            chapter_phases = [phases[pk] for pk in chapter.phase_ids if pk in phases]
            phase_text = " ".join(f"{phase.name}. {phase.goal}" for phase in chapter_phases)
            text = " ".join(part for part in (chapter.text, phase_text) if part)
            documents.append(
                SearchDocument(
                    key=chapter_key(obj.pk, chapter.anchor),
                    title=chapter_title(obj.title, chapter.title),
                    text=text,
                    url=f"{url}#{chapter.anchor}" if url else "",
                    tags=chapter_tags(tags, chapter.title, text),
                    phase=chapter_phases[0].slug if chapter_phases else "",
                    **common,
                )
            )
        return documents


class TrainingModuleAdapter(SearchAdapter):
    type = "training"
    label = _("Training")

    models = (TrainingModulePage,)

    def queryset(self):
        return TrainingModulePage.objects.live().prefetch_related("tags", "phases")

    def to_document(self, obj) -> SearchDocument | None:
        if not obj.live:
            return None
        goals = " ".join(str(block.value) for block in obj.learning_goals)
        phases = list(obj.phases.all())
        return SearchDocument(
            type=self.type,
            key=f"page:{obj.pk}",
            title=obj.title,
            text=" ".join(
                part
                for part in (
                    obj.teaser,
                    obj.intro,
                    goals,
                    " ".join(str(label) for label in obj.audience_labels),
                    strip_tags(obj.prerequisites),
                    obj.outline.text,
                )
                if part
            ),
            url=obj.url or "",
            audience=access.page_audience(obj),
            tags=[tag.name for tag in obj.tags.all()],
            date=_page_date(obj),
            phase=phases[0].slug if phases else "",
            object_ref=f"methodology.trainingmodulepage:{obj.pk}",
        )


class PhaseAdapter(SearchAdapter):
    """The phases of the trajectory (public pages under /methodiek/fasen/): what a phase is, who takes part, its limits."""

    type = "phase"
    label = _("Fase van de methodiek")
    models = (Phase,)

    def queryset(self):
        return Phase.objects.order_by("order", "pk")

    def facet_labels(self, facet, values) -> dict[str, str]:
        """The phases' names for search's phase facet and result labels: public, a handful, read once per
        content version (an edited phase sends public_content_changed, which moves it)."""
        if facet != "phase":
            return {}
        names = cache.get_or_set(f"kennisplein:phase-names:{content_version()}", phase_names, FRAGMENT_SECONDS)
        return {slug: names[slug] for slug in values if slug in names}

    def to_document(self, obj) -> SearchDocument:
        return SearchDocument(
            type=self.type,
            key=f"phase:{obj.pk}",
            title=obj.name,
            text=" ".join(
                str(part)
                for part in (
                    obj.summary,
                    obj.goal,
                    obj.participants,
                    obj.condition,
                    obj.sessions_label,
                    obj.duration_label,
                    obj.limits,
                )
                if part
            ),
            url=obj.get_absolute_url(),
            phase=obj.slug,
            object_ref=f"methodology.phase:{obj.pk}",
        )


class TechniqueAdapter(SearchAdapter):
    """The conversation techniques (public pages under /methodiek/technieken/)."""

    type = "technique"
    label = _("Techniek")
    models = (Technique,)

    def queryset(self):
        return Technique.objects.order_by("name", "pk")

    def to_document(self, obj) -> SearchDocument:
        return SearchDocument(
            type=self.type,
            key=f"technique:{obj.pk}",
            title=obj.name,
            text=" ".join(part for part in (obj.summary, strip_tags(obj.description)) if part),
            url=obj.get_absolute_url(),
            object_ref=f"methodology.technique:{obj.pk}",
        )


def phase_names() -> dict[str, str]:
    return dict(Phase.objects.values_list("slug", "name"))
