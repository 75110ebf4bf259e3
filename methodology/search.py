"""Search documents for the methodiek: one per guide and one per training module.

A guide's text holds every chapter (titles first), so a search on a chapter's subject finds its guide;
the phase is the first phase the guide refers to. The audience is the page's view restriction.
"""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from community import access
from search.documents import SearchAdapter, SearchDocument

from .models import GuidePage, Phase, TrainingModulePage


def _page_date(page):
    if getattr(page, "last_reviewed", None):
        return page.last_reviewed
    stamp = page.last_published_at or page.first_published_at
    return stamp.date() if stamp else None


def _phase_slugs(phase_ids) -> dict:
    return dict(Phase.objects.filter(pk__in=phase_ids).values_list("pk", "slug")) if phase_ids else {}


class GuideAdapter(SearchAdapter):
    type = "guide"
    label = _("Handleiding")

    models = (GuidePage,)

    def queryset(self):
        return GuidePage.objects.live().prefetch_related("tags")

    def to_document(self, obj) -> SearchDocument | None:
        if not obj.live:
            return None
        outline = obj.outline
        phase_ids = [pk for chapter in outline.chapters for pk in chapter.phase_ids]
        slugs = _phase_slugs(phase_ids[:1])
        chapter_titles = " ".join(chapter.title for chapter in outline.chapters if chapter.title)
        return SearchDocument(
            type=self.type,
            key=f"page:{obj.pk}",
            title=obj.title,
            text=" ".join(part for part in (obj.teaser, obj.intro, chapter_titles, outline.text) if part),
            url=obj.url or "",
            audience=access.page_audience(obj),
            tags=[tag.name for tag in obj.tags.all()],
            date=_page_date(obj),
            phase=slugs.get(phase_ids[0], "") if phase_ids else "",
            object_ref=f"methodology.guidepage:{obj.pk}",
        )


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
                for part in (obj.teaser, obj.intro, goals, " ".join(str(label) for label in obj.audience_labels), strip_tags(obj.prerequisites), obj.outline.text)
                if part
            ),
            url=obj.url or "",
            audience=access.page_audience(obj),
            tags=[tag.name for tag in obj.tags.all()],
            date=_page_date(obj),
            phase=phases[0].slug if phases else "",
            object_ref=f"methodology.trainingmodulepage:{obj.pk}",
        )
