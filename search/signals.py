"""Every change that can alter what search should find schedules a re-index of the objects concerned.

publish / unpublish / delete / move of pages, view-restriction changes (the whole subtree), moderation
workflow steps, and saves / deletes of the models an app's adapter watches.
"""

import logging

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    workflow_approved,
    workflow_cancelled,
    workflow_rejected,
    workflow_submitted,
)

from . import synonyms
from .documents import adapter_for_model
from .engines import SearchEngineError, database_engine, get_engine
from .indexing import ref_for, refs_for_change, subtree_refs
from .models import SynonymGroup
from .tasks import schedule

logger = logging.getLogger(__name__)


def on_page_published(sender, instance, **kwargs):
    schedule(subtree_refs(instance))


def on_page_moved(sender, instance, **kwargs):
    schedule(subtree_refs(instance))


def on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        schedule(subtree_refs(page))


def on_restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, PageViewRestriction):
        on_restriction_changed(sender, instance)


def on_workflow_step(sender, instance, **kwargs):
    content = getattr(instance, "content_object", None)
    if content is not None:
        schedule([ref_for(content)])


def on_save(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    if issubclass(sender, Page):
        # Draft saves touch only bookkeeping fields (update_fields); published changes come via page_published.
        if created and adapter_for_model(sender) is not None:
            schedule([ref_for(instance)])
        return
    if adapter_for_model(sender) is not None:
        schedule(refs_for_change(instance))


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        if sender is Page or adapter_for_model(sender) is not None:
            schedule([ref_for(instance)])
        return
    if adapter_for_model(sender) is not None:
        schedule([ref_for(instance), *refs_for_change(instance)])


def on_synonyms_changed(**kwargs) -> None:
    """An editor saved or deleted a group: the next query uses the new groups, Elasticsearch gets them too."""
    synonyms.forget()
    engine = get_engine()
    if engine is database_engine():
        return
    try:
        engine.update_synonyms(synonyms.as_lines())
    except SearchEngineError as error:
        logger.warning(
            "Zoeken: synoniemen niet naar %s gestuurd (%s); ze gaan mee bij de volgende herbouw.", engine.name, error
        )


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="search_page_published")
    page_unpublished.connect(on_page_published, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search_page_moved")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_saved")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_deleted")
    m2m_changed.connect(
        on_restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="search_restriction_groups",
    )
    for signal in (workflow_submitted, workflow_approved, workflow_rejected, workflow_cancelled):
        signal.connect(on_workflow_step, dispatch_uid=f"search_{signal}")
    post_save.connect(on_save, dispatch_uid="search_model_saved")
    post_delete.connect(on_delete, dispatch_uid="search_model_deleted")
    post_save.connect(on_synonyms_changed, sender=SynonymGroup, dispatch_uid="search-synonyms-saved")
    post_delete.connect(on_synonyms_changed, sender=SynonymGroup, dispatch_uid="search-synonyms-deleted")
