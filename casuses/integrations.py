"""What casussen contribute elsewhere: methodiek phase pages and the weekly digest (members only)."""

from django.utils.translation import gettext_lazy as _

from community.core import access
from community.core.cards import Card

from .listing import card_for
from .models import CasusIndexPage, Reaction

PHASE_ITEMS = 6
DIGEST_ITEMS = 10


def _visible_casuses(user):
    index = CasusIndexPage.objects.first()
    if index is None or not access.is_member(user):
        return None
    return index.casuses_for(user).prefetch_related("tagged_items__tag")


def casuses_for_phase(request, phase) -> list:
    casuses = _visible_casuses(request.user)
    if casuses is None:
        return []
    return [
        card_for(casus, request) for casus in casuses.filter(phase=phase).order_by("-first_published_at")[:PHASE_ITEMS]
    ]


def new_casuses_since(user, since) -> list:
    """New casussen carrying one of the member's expertise tags, for the digest."""
    casuses = _visible_casuses(user)
    profile = getattr(user, "profile", None)
    if casuses is None or profile is None:
        return []
    tag_ids = list(profile.expertise.values_list("pk", flat=True))
    if not tag_ids:
        return []
    matching = casuses.filter(first_published_at__gte=since, tagged_items__tag_id__in=tag_ids).distinct()
    return [card_for(casus) for casus in matching.order_by("-first_published_at")[:DIGEST_ITEMS]]


def member_contributions(member_user, viewer) -> list:
    """On a member profile: the casussen the member chose to show as theirs, and their replies."""
    casuses = _visible_casuses(viewer)
    if casuses is None:
        return []
    shown = casuses.filter(author=member_user, show_on_profile=True).order_by("-first_published_at")[:DIGEST_ITEMS]
    cards = [card_for(casus) for casus in shown]
    replies = (
        Reaction.objects.filter(
            author=member_user, hidden=False, withdrawn_at__isnull=True, casus__in=casuses.values("pk")
        )
        .select_related("casus")
        .order_by("-created_at")[:DIGEST_ITEMS]
    )
    cards += [
        Card(
            type_label=str(_("Reactie op een casus")),
            title=reply.casus.title,
            url=f"{reply.casus.url}#reactie-{reply.pk}",
            summary=reply.body,
            date=reply.created_at,
            audience_label=str(_("Leden")),
        )
        for reply in replies
    ]
    return cards
