"""Admin wiring of the methodiek, and access checks on documents (werkmaterialen)."""

import functools

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.documents.models import document_served

from community.core import access
from community.core.hooks import (
    EDITOR_TASKS,
    HOME_SECTIONS,
    NOTIFICATION_TARGETS,
    PHASE_LINKS,
    SEARCH_ADAPTERS,
    SITEMAPS,
    EditorTasks,
    NotificationTarget,
    Section,
    SitemapList,
)

from .dashboard import guides_due_for_review
from .home import newest_methodology
from .models import Phase, Technique
from .related import phase_guides, phase_modules, resolve_phases
from .search import GuideAdapter, PhaseAdapter, TechniqueAdapter, TrainingModuleAdapter


@hooks.register("before_serve_document", order=-10)
def serve_restricted_documents(document, request):
    """Documents in a restricted collection: a Dutch 403 page for those who may not open them, and
    for those who may (signed in, so PageCacheMiddleware marks it private, no-store) the file.
    Public documents fall through to Wagtail's own serve view."""
    audience = access.collection_audience(document.collection)
    if audience == access.PUBLIC:
        return None
    if not access.may_see_audience(request.user, audience):
        response = TemplateResponse(
            request,
            "methodology/document_forbidden.html",
            {"audience_label": access.audience_label(audience)},
            status=403,
        )
        return response
    document_served.send(sender=type(document), instance=document, request=request)
    # Wagtail only accepts a plain HttpResponse from this hook (not a streaming FileResponse); werkmaterialen
    # are small forms and templates (uploads are capped by WAGTAILDOCS_MAX_UPLOAD_SIZE).
    with document.open_file() as handle:
        response = HttpResponse(handle.read(), content_type=document.content_type)
    response["Content-Disposition"] = document.content_disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


# What the methodiek adds to the site's extension points (community/core/hooks.py).


@hooks.register(HOME_SECTIONS)
def methodology_home_section():
    return Section(key="methodiek", title=_("Methodiek"), items=newest_methodology, order=10, more_url="/methodiek/")


@hooks.register(SEARCH_ADAPTERS)
@functools.cache  # one adapter for the process: search code compares them
def guide_search():
    return GuideAdapter()


@hooks.register(SEARCH_ADAPTERS)
@functools.cache  # one adapter for the process: search code compares them
def training_search():
    return TrainingModuleAdapter()


@hooks.register(SEARCH_ADAPTERS)
@functools.cache  # one adapter for the process: search code compares them
def phase_search():
    return PhaseAdapter()


@hooks.register(SEARCH_ADAPTERS)
@functools.cache  # one adapter for the process: search code compares them
def technique_search():
    return TechniqueAdapter()


@hooks.register(SITEMAPS)
def phases_sitemap():
    return SitemapList("fasen", Phase.objects.order_by("order", "pk"))


@hooks.register(SITEMAPS)
def techniques_sitemap():
    return SitemapList("technieken", Technique.objects.order_by("name", "pk"))


@hooks.register(PHASE_LINKS)
def guide_phase_links():
    return Section(key="methodology.guides", title=_("Uit de handleidingen"), items=phase_guides, order=10)


@hooks.register(PHASE_LINKS)
def training_phase_links():
    return Section(key="methodology.training", title=_("Training"), items=phase_modules, order=20)


@hooks.register(EDITOR_TASKS)
def guides_due_for_review_tasks():
    return EditorTasks(
        "review",
        _("Handleidingen langer dan een jaar niet gecontroleerd"),
        guides_due_for_review,
        _("Alle handleidingen zijn het afgelopen jaar gecontroleerd."),
        order=30,
    )


@hooks.register(NOTIFICATION_TARGETS)
def phase_notification_target():
    return NotificationTarget(kind="phase", label=_("fase"), resolve=resolve_phases)
