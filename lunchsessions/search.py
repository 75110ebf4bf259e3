"""What search (issue 6) indexes of a lunch session: announcement, recap and transcript text."""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from community.core import access
from search.documents import SearchAdapter, SearchDocument

from .models import LunchSessionPage


class LunchSessionAdapter(SearchAdapter):
    type = "lunchsession"
    label = _("Lunchsessie")
    models = (LunchSessionPage,)

    def queryset(self):
        return (
            LunchSessionPage.objects.live().select_related("phase").prefetch_related("tags", "speaker_links__speaker")
        )

    def to_document(self, obj) -> SearchDocument | None:
        page = obj.specific if not isinstance(obj, LunchSessionPage) else obj
        if not page.live:
            return None
        parts = [
            page.topic,
            page.teaser,
            strip_tags(page.description),
            " ".join(f"{s.name} {s.description}" for s in page.speakers),
            page.recap_text(),
            page.transcript,
        ]
        return SearchDocument(
            type=self.type,
            key=f"page:{page.pk}",
            title=page.title,
            text="\n".join(part for part in parts if part),
            url=page.url or "",
            audience=access.page_audience(page),
            tags=[tag.name for tag in page.tags.all()],
            date=page.start.date(),
            phase=page.phase.slug if page.phase else "",
            object_ref=f"lunchsessions.lunchsessionpage:{page.pk}",
        )
