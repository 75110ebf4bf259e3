"""The home page section "Methodiek": the newest guides and training modules this user may read."""

from dataclasses import asdict

from community.core import access, fragments
from community.core.cards import Card

from .models import GuidePage, TrainingModulePage

HOME_ITEMS = 4


def newest_methodology(request):
    """The same for everyone in one audience and changed only by a publish: cached per audience."""
    cards = fragments.for_audience("home-methodology", request, lambda: [asdict(card) for card in _newest(request)])
    return [Card(**card) for card in cards]


def _newest(request):
    guides = access.visible_pages(request.user, GuidePage.objects.all()).order_by("-first_published_at")
    modules = access.visible_pages(request.user, TrainingModulePage.objects.all()).order_by("-first_published_at")
    pages = list(guides.prefetch_related("tags")[:HOME_ITEMS]) + list(modules.prefetch_related("tags")[:HOME_ITEMS])
    pages.sort(
        key=lambda page: (page.first_published_at.timestamp() if page.first_published_at else 0, page.pk), reverse=True
    )
    return [page.card(request) for page in pages[:HOME_ITEMS]]
