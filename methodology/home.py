"""The home page section "Methodiek": the newest guides and training modules this user may read."""

from community.core import access

from .models import GuidePage, TrainingModulePage

HOME_ITEMS = 4


def newest_methodology(request):
    guides = access.visible_pages(request.user, GuidePage.objects.all()).order_by("-first_published_at")
    modules = access.visible_pages(request.user, TrainingModulePage.objects.all()).order_by("-first_published_at")
    pages = list(guides.prefetch_related("tags")[:HOME_ITEMS]) + list(modules.prefetch_related("tags")[:HOME_ITEMS])
    pages.sort(key=lambda page: (page.first_published_at.timestamp() if page.first_published_at else 0, page.pk), reverse=True)
    return [page.card(request) for page in pages[:HOME_ITEMS]]
