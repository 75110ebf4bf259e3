"""The casus list at /casussen/: filters, ordering, pagination, cards; a constant number of queries."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from taggit.models import Tag

from community.core import fragments
from community.core.access import is_moderator
from community.core.cards import Card
from methodology.models import Phase

from .models.casus import CasusTag
from .vocabulary import AGE_BANDS, PER_PAGE, CasusStatus

ORDERINGS = {
    "nieuw": ("-first_published_at", "-pk"),
    "actief": ("-last_activity_at", "-pk"),
}


def with_tags(queryset):
    """Each casus with its tags, in one query for the whole list (not two)."""
    return queryset.prefetch_related(Prefetch("tagged_items", queryset=CasusTag.objects.select_related("tag")))


def filter_options(visible) -> dict:
    """Tags of the casussen this audience sees, and the phases: the same for every member of the
    audience, changed only by a publish (cached in community.core.fragments)."""
    tags = (
        Tag.objects.filter(casuses_casustag_items__content_object__in=visible.values("pk")).distinct().order_by("name")
    )
    return {
        "tag_options": list(tags.values("pk", "slug", "name")),
        "phase_options": list(Phase.objects.values("name", "slug")),
    }


def casus_list_context(index, request) -> dict:
    user = request.user
    visible = index.casuses_for(user)
    params = request.GET
    selected = {
        "tag": params.get("tag", ""),
        "fase": params.get("fase", ""),
        "leeftijd": params.get("leeftijd", ""),
        "status": params.get("status", ""),
        "sortering": params.get("sortering", "nieuw") if params.get("sortering") in ORDERINGS else "nieuw",
    }
    queryset = visible
    if selected["tag"]:
        queryset = queryset.filter(tagged_items__tag__slug=selected["tag"])
    if selected["fase"]:
        queryset = queryset.filter(phase__slug=selected["fase"])
    if selected["leeftijd"] in dict(AGE_BANDS):
        queryset = queryset.filter(age_band=selected["leeftijd"])
    if selected["status"] in CasusStatus.values:
        queryset = queryset.filter(status=selected["status"])
    queryset = with_tags(queryset.order_by(*ORDERINGS[selected["sortering"]]).select_related("phase")).only(
        "id",
        "title",
        "url_path",
        "situation",
        "first_published_at",
        "status",
        "reaction_count",
        "age_band",
        "phase__name",
        "phase__slug",
        "path",
        "depth",
        "last_activity_at",
    )
    paginator = Paginator(queryset, PER_PAGE)
    page_obj = paginator.get_page(params.get("pagina"))
    cards = [card_for(casus, request) for casus in page_obj.object_list]
    query = params.copy()
    query.pop("pagina", None)
    return {
        "cards": cards,
        "page_obj": page_obj,
        "filters": selected,
        "filter_query": query.urlencode(),
        **fragments.for_audience("casus-filters", request, lambda: filter_options(visible)),
        "age_band_options": AGE_BANDS,
        "status_options": CasusStatus.choices,
        "is_moderator": is_moderator(user),
    }


def card_for(casus, request=None) -> Card:
    status = _("afgesloten") if casus.status == CasusStatus.CLOSED else _("open")
    count = casus.reaction_count
    label = ngettext("Casus · %(status)s · %(count)d reactie", "Casus · %(status)s · %(count)d reacties", count) % {
        "status": status,
        "count": count,
    }
    return Card(
        type_label=label,
        title=casus.title,
        url=casus.get_url(request),
        summary=casus.situation,
        date=casus.first_published_at,
        tags=[item.tag.name for item in casus.tagged_items.all()],
        audience_label=_("Leden"),
    )
