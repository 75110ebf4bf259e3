"""Cards for what uses a phase or technique: guide chapters and training modules the user may see.

Constant queries: one for the visible guides (their StreamField is scanned in Python through the
outline), one for the modules, plus the restriction lookups that community.core.access caches per request.
"""

from django.utils.translation import gettext as _

from community.core import access
from community.core.cards import Card
from community.core.hooks import TargetLink

from .models import GuidePage, Phase, TrainingModulePage


def guide_chapter_cards(request, *, phase=None, technique=None) -> list[Card]:
    guides = (
        access.visible_pages(request.user, GuidePage.objects.all())
        .order_by("path")
        .only("id", "title", "url_path", "path", "depth", "body", "teaser", "last_reviewed", "last_published_at")
    )
    cards = []
    for guide in guides:
        if phase is not None:
            chapters = guide.outline.chapters_with_phase(phase.pk)
        else:
            chapters = guide.outline.chapters_with_technique(technique.pk)
        url = guide.get_url(request)
        for chapter in chapters:
            cards.append(
                Card(
                    type_label=_("Hoofdstuk uit handleiding"),
                    title=f"{guide.title}: {chapter.title}" if chapter.title else guide.title,
                    url=f"{url}#{chapter.anchor}" if chapter.anchor else url,
                    summary=chapter.text[:180],
                    date=guide.last_reviewed,
                )
            )
    return cards


def module_cards(request, *, phase=None, technique=None) -> list[Card]:
    modules = TrainingModulePage.objects.all()
    modules = modules.filter(phases=phase) if phase is not None else modules.filter(techniques=technique)
    modules = access.visible_pages(request.user, modules).order_by("path_position", "path").distinct()
    return [module.card(request) for module in modules.prefetch_related("tags")]


def phase_guides(request, phase):
    return guide_chapter_cards(request, phase=phase)


def phase_modules(request, phase):
    return module_cards(request, phase=phase)


def resolve_phases(user, pairs) -> dict:
    """{(phase id, 0): TargetLink}: phases are the public process description, one query."""
    phases = Phase.objects.filter(pk__in={pk for pk, _detail in pairs}).only("name", "slug")
    return {(phase.pk, 0): TargetLink(phase.name, phase.get_absolute_url()) for phase in phases}
