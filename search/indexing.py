"""Keeping the index current: from objects to SearchDocuments (through the apps' adapters) into the engines."""

import logging
import uuid

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from . import store, vocabulary
from .documents import adapter_for_model, adapters
from .engines import SearchEngineError, database_engine, get_engine
from .models import IndexedDocument

logger = logging.getLogger(__name__)

PAGE_LABEL = "wagtailcore.page"


def ref_for(obj) -> str:
    """A stable reference to an object: pages by their Page id, other models by label and id."""
    if isinstance(obj, Page):
        return f"{PAGE_LABEL}:{obj.pk}"
    return f"{obj._meta.label_lower}:{obj.pk}"


def refs_for_change(obj) -> list[str]:
    """The objects whose documents change when ``obj`` changes (a reaction changes its casus)."""
    adapter = adapter_for_model(type(obj))
    if adapter is None:
        return [ref_for(obj)] if isinstance(obj, Page) else []
    try:
        owners = adapter.owners(obj) or []
    except Exception:  # an owner that is already gone
        logger.exception("Zoeken: eigenaars van %s niet gevonden", ref_for(obj))
        owners = []
    return [ref_for(owner) for owner in owners if owner is not None and owner.pk is not None]


def subtree_refs(page) -> list[str]:
    ids = Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True)
    return [f"{PAGE_LABEL}:{pk}" for pk in ids]


def _load(refs) -> dict[str, object]:
    by_label: dict[str, list] = {}
    for ref in refs:
        label, _, pk = ref.partition(":")
        by_label.setdefault(label, []).append(pk)
    found = {}
    for label, pks in by_label.items():
        if label == PAGE_LABEL:
            queryset = Page.objects.filter(pk__in=pks).specific()
        else:
            try:
                model = apps.get_model(label)
            except (LookupError, ValueError):
                continue
            queryset = model._default_manager.filter(pk__in=pks)
        for obj in queryset:
            found[f"{label}:{obj.pk}"] = obj
    return found


def documents_for(obj, ref: str | None = None, adapter=None) -> list:
    """The documents of one object (an adapter may give several, e.g. one per chapter), all with its object_ref."""
    adapter = adapter or adapter_for_model(type(obj))
    if adapter is None:
        return []
    documents = [document for document in adapter.to_documents(obj) if document is not None]
    for document in documents:
        document.object_ref = ref or (ref_for(obj) if hasattr(obj, "_meta") else document.object_ref or document.key)
    return documents


def document_for(obj, ref: str | None = None, adapter=None):
    """The first document of an object, or None (for callers that expect one document per object)."""
    documents = documents_for(obj, ref, adapter)
    return documents[0] if documents else None


def reindex(refs) -> dict:
    """Recompute the documents of these objects: write what should be found, remove what should not.

    An object's documents that it no longer gives (a removed chapter) are removed; the ones it still gives are
    replaced by key, so a search never sees the object without documents in between.
    """
    refs = list(dict.fromkeys(refs))
    objects = _load(refs)
    documents, gone = [], []
    for ref in refs:
        obj = objects.get(ref)
        found = documents_for(obj, ref) if obj is not None else []
        if found:
            documents.extend(found)
        else:
            gone.append(ref)
    keys = {store.stored_key(document.key) for document in documents}
    kept_refs = list(dict.fromkeys(document.object_ref for document in documents))
    stale = [
        key
        for chunk in store.chunks(kept_refs)
        for key in IndexedDocument.objects.filter(object_ref__in=chunk).values_list("key", flat=True)
        if key not in keys
    ]
    with transaction.atomic():
        removed = store.delete_refs(gone) if gone else []
        if stale:
            store.delete_keys(stale)
            removed += stale
        rows = store.write(documents)
    _mirror(rows, removed)
    return {"written": len(rows), "removed": len(removed)}


def _mirror(rows, removed_keys) -> None:
    """Keep an external engine (Elasticsearch) in step with the database index; never fail the caller."""
    engine = get_engine()
    if engine is database_engine():
        return
    try:
        engine.delete(removed_keys)
        engine.index(rows, vocabulary.Splitters(rows))
    except SearchEngineError as error:
        logger.warning("Zoeken: %s kon niet worden bijgewerkt (%s); herbouw de index later.", engine.name, error)


def _objects(adapter, batch_size):
    queryset = adapter.queryset()
    return queryset.iterator(chunk_size=batch_size) if hasattr(queryset, "iterator") else queryset


def rebuild_vocabulary(batch_size: int = 500) -> dict[str, set[str]]:
    """The words of every document a rebuild writes, per audience: the first pass of a rebuild.

    The compounds of each document are then split against the whole new corpus (what its readers may all see),
    whatever the order of writing and whatever the index held before (nothing, after a migration emptied it;
    the words of documents since deleted). It costs the adapters' work once more, not a write.
    """
    words: dict[str, set[str]] = {}
    for adapter in adapters():
        for obj in _objects(adapter, batch_size):
            for document in documents_for(obj, adapter=adapter):
                text = vocabulary.document_words(document.title, " ".join(document.tags), document.text or "")
                words.setdefault(document.audience or "public", set()).update(text)
    return words


def rebuild(progress=None, batch_size: int = 500) -> dict:
    """Rebuild everything in batches (each its own transaction), then drop what was not rebuilt.

    Safe while the site serves: until a batch commits, searches see the previous version of its documents.
    """
    generation = uuid.uuid4().hex
    started = timezone.now()
    splitters = vocabulary.Splitters((), rebuild_vocabulary(batch_size))
    written = 0
    with database_engine().loading():
        for adapter in adapters():
            batch = []
            for obj in _objects(adapter, batch_size):
                if progress:
                    progress(1)
                batch.extend(documents_for(obj, adapter=adapter))
                if len(batch) >= batch_size:
                    written += len(store.write(batch, generation, splitters))
                    batch = []
            written += len(store.write(batch, generation, splitters))
    removed = store.delete_stale(generation, started)
    store.optimize()
    engine = get_engine()
    if engine is not database_engine():
        # Its compounds split as the database index's were, by this rebuild's first pass.
        engine.rebuild(IndexedDocument.objects.order_by("pk").iterator(chunk_size=batch_size), splitters)
    return {"written": written, "removed": removed}


def total_to_index() -> int:
    return sum(adapter.queryset().count() for adapter in adapters())
