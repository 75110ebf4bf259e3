"""Casussen for the site search: the casus text with its visible reactions; members only."""

from django.utils.translation import gettext_lazy as _

from community.core import access
from search.documents import SearchAdapter, SearchDocument

from .models import CasusPage, Reaction


class CasusAdapter(SearchAdapter):
    type = "casus"
    label = _("Casus")
    models = (CasusPage, Reaction)

    def queryset(self):
        return (
            CasusPage.objects.live()
            .filter(archived_at__isnull=True)
            .select_related("phase")
            .prefetch_related("tagged_items__tag", "reactions")
        )

    def to_document(self, obj) -> SearchDocument | None:
        if isinstance(obj, Reaction):
            obj = obj.casus
        casus = obj.specific if not isinstance(obj, CasusPage) else obj
        if not casus.live or casus.archived_at is not None:
            return None
        reactions = [r.body for r in casus.reactions.all() if r.is_shown]
        audience = access.combine([access.page_audience(casus), access.members_audience()])
        return SearchDocument(
            type=self.type,
            key=f"page:{casus.pk}",
            title=casus.title,
            text="\n\n".join([casus.situation, casus.question, casus.follow_up, *reactions]).strip(),
            url=casus.url or "",
            audience=audience,
            tags=[item.tag.name for item in casus.tagged_items.all()],
            date=casus.first_published_at.date() if casus.first_published_at else None,
            phase=casus.phase.slug if casus.phase_id else "",
            object_ref=f"casuses.casuspage:{casus.pk}",
        )

    def owners(self, obj) -> list:
        if isinstance(obj, Reaction):
            return [obj.casus]
        return [obj]
