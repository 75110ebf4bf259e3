"""Organisations and ouderbijeenkomsten in the one site search (both are public)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import Organisation, ParentMeeting, ParentMeetingPartner
from search.documents import SearchAdapter, SearchDocument


class OrganisationAdapter(SearchAdapter):
    type = "organisation"
    label = _("Organisatie")
    models = (Organisation,)

    def queryset(self):
        return Organisation.objects.prefetch_related("regions", "offers").order_by("pk")

    def to_document(self, obj) -> SearchDocument:
        regions = [region.name for region in obj.regions.all()]
        offers = [offer.name for offer in obj.offers.all()]
        certified = f"Gecertificeerd lid sinds {obj.certified_since:%Y}." if obj.certified_since else ""
        # Offers are text, not tags: the index's tags are the shared taggit vocabulary and weigh in ranking, so
        # a dozen short organisation documents with "Begeleide omgang en bezoeken" as a tag outranked the
        # methodiek on its own subject. Filtering on an offer is the directory's "aanbod" filter.
        offer_text = f"Aanbod: {', '.join(offers)}." if offers else ""
        return SearchDocument(
            type=self.type,
            key=f"organisation:{obj.pk}",
            title=obj.name,
            text=" ".join(
                part for part in (obj.place, obj.description, offer_text, certified, ", ".join(regions)) if part
            ),
            url=obj.get_absolute_url(),
            object_ref=f"community.organisation:{obj.pk}",
        )


class ParentMeetingAdapter(SearchAdapter):
    type = "parent_meeting"
    label = _("Ouderbijeenkomst")
    models = (ParentMeeting, ParentMeetingPartner)

    def queryset(self):
        return ParentMeeting.objects.select_related("region").prefetch_related("partners").order_by("pk")

    def to_document(self, obj):
        if isinstance(obj, ParentMeetingPartner):
            obj = obj.meeting
        local = timezone.localtime(obj.starts_at)
        partners = ", ".join(partner.name for partner in obj.partners.all())
        return SearchDocument(
            type=self.type,
            key=f"parent_meeting:{obj.pk}",
            title=f"{obj.title} {obj.region.name}",
            text=" ".join(part for part in (obj.description, obj.venue, obj.address, obj.presenters, partners) if part),
            url=obj.get_absolute_url(),
            date=local.date(),
            object_ref=f"community.parentmeeting:{obj.pk}",
        )

    def owners(self, obj):
        return [obj.meeting] if isinstance(obj, ParentMeetingPartner) else [obj]
