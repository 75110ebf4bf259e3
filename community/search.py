"""Organisations in the one search (type "organisation", public)."""

from django.utils.translation import gettext_lazy as _

from search.documents import SearchAdapter, SearchDocument

from .models import Organisation


class OrganisationAdapter(SearchAdapter):
    type = "organisation"
    label = _("Organisatie")
    models = (Organisation,)

    def queryset(self):
        return Organisation.objects.order_by("pk")

    def to_document(self, obj):
        url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else f"/organisaties/{obj.slug}/"
        certified = _("Gecertificeerd lid van de Vereniging OKK Ouderschap Blijft sinds %(year)s.") % {
            "year": obj.certified_since.year
        } if obj.certified_since else ""
        text = " ".join(part for part in (obj.place, obj.description, str(certified)) if part)
        return SearchDocument(
            type=self.type,
            key=f"organisation:{obj.pk}",
            title=obj.name,
            text=text,
            url=url,
            audience="public",
            date=obj.certified_since,
            object_ref=f"community.organisation:{obj.pk}",
        )
