"""Phase, technique and werkmaterialen pages: stable URLs under /methodiek/ that other apps link to."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Collection

from community.core import access
from community.core.hooks import PHASE_LINKS, sections

from .fragments import phases_version
from .models import MethodologyIndexPage, Phase, Technique
from .related import guide_chapter_cards, module_cards

WORK_MATERIALS_COLLECTION = "Werkmaterialen"


def _index_page():
    return MethodologyIndexPage.objects.live().public().only("id", "title", "url_path", "path").first()


def phase_list(request):
    context = {"phases": Phase.objects.all(), "phases_version": phases_version(), "index_page": _index_page()}
    return TemplateResponse(request, "methodology/phase_list.html", context)


def phase_detail(request, slug):
    phases = list(Phase.objects.all())
    phase = next((p for p in phases if p.slug == slug), None)
    if phase is None:
        get_object_or_404(Phase, slug=slug)  # raises Http404
    steps = [p for p in phases if p.kind == phase.kind]
    position = steps.index(phase)
    context = {
        "phase": phase,
        "phases": phases,
        "step_number": position + 1,
        "step_total": len(steps),
        "previous_phase": steps[position - 1] if position > 0 else None,
        "next_phase": steps[position + 1] if position + 1 < len(steps) else None,
        "related": sections(PHASE_LINKS, request, phase),
        "index_page": _index_page(),
    }
    return TemplateResponse(request, "methodology/phase_detail.html", context)


def technique_list(request):
    context = {"techniques": list(Technique.objects.all()), "index_page": _index_page()}
    return TemplateResponse(request, "methodology/technique_list.html", context)


def technique_detail(request, slug):
    technique = get_object_or_404(Technique, slug=slug)
    context = {
        "technique": technique,
        "guide_cards": guide_chapter_cards(request, technique=technique),
        "module_cards": module_cards(request, technique=technique),
        "index_page": _index_page(),
    }
    return TemplateResponse(request, "methodology/technique_detail.html", context)


def work_materials(request):
    """The werkmaterialen this user may open; restricted ones are not even listed for others."""
    root = Collection.objects.filter(name=WORK_MATERIALS_COLLECTION).order_by("path").first()
    documents = []
    if root is not None:
        in_tree = get_document_model().objects.filter(collection__path__startswith=root.path)
        documents = list(
            access.visible_documents(request.user, in_tree)
            .select_related("collection")
            .order_by("collection__path", "title")
        )
    context = {
        "documents": documents,
        "may_see_all": access.is_association_member(request.user),
        "index_page": _index_page(),
        "page_title": _("Werkmaterialen"),
    }
    return TemplateResponse(request, "methodology/work_materials.html", context)
