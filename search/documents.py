"""The one document shape every app hands to search, and the registry of app adapters.

The search app imports no app. Each app writes an adapter in its own ``search.py`` and registers
it in its AppConfig.ready()::

    from search.documents import SearchAdapter, SearchDocument, register

    class GuideAdapter(SearchAdapter):
        type = "guide"
        label = _("Handleiding")
        models = (GuidePage,)

        def queryset(self): ...                 # everything to (re)index
        def to_document(self, obj): ...         # SearchDocument, or None when it must not be found
        def to_documents(self, obj): ...        # optional: several documents for one object (a guide's
                                                # chapters); default: [to_document(obj)] or []
        def owners(self, obj): ...              # for a related object (e.g. a Reaction): the objects
                                                # whose documents change with it (default: [obj])
        def facet_labels(self, facet, values): ... # optional: display names of facet values its documents
                                                # carry, e.g. {"phase-slug": "Fase"} for facet "phase"

    register(GuideAdapter())
"""

import datetime
from dataclasses import dataclass, field


@dataclass
class SearchDocument:
    type: str  # machine name, e.g. "guide", "training", "casus", "lunchsession", "organisation"
    key: str  # unique per item, e.g. "page:42" or "organisation:7"
    title: str
    text: str
    url: str
    audience: str = "public"  # a community.core.access audience token
    tags: list[str] = field(default_factory=list)
    date: datetime.date | None = None
    phase: str = ""  # slug of a methodology Phase, or ""
    language: str = "nl"
    object_ref: str = ""  # "app_label.model:pk" of the indexed object


class SearchAdapter:
    type: str = ""
    label: str = ""
    models: tuple = ()

    def queryset(self):
        raise NotImplementedError

    def to_document(self, obj) -> SearchDocument | None:
        raise NotImplementedError

    def to_documents(self, obj) -> list[SearchDocument]:
        """All documents of one object (each with its own key); [] when nothing of it must be found."""
        document = self.to_document(obj)
        return [document] if document is not None else []

    def owners(self, obj) -> list:
        return [obj]

    def facet_labels(self, facet: str, values) -> dict[str, str]:
        """Display names for these values of a facet ("phase", "tag", …) that this adapter knows; default none."""
        return {}


_adapters: dict[str, SearchAdapter] = {}


def register(adapter: SearchAdapter) -> None:
    _adapters[adapter.type] = adapter


def adapters() -> list[SearchAdapter]:
    return list(_adapters.values())


def adapter_for_model(model) -> SearchAdapter | None:
    for adapter in _adapters.values():
        if any(issubclass(model, watched) for watched in adapter.models):
            return adapter
    return None


def facet_labels(facet: str, values) -> dict[str, str]:
    """Display names of facet values, from the adapters (search reaches into no app for them)."""
    values = [value for value in dict.fromkeys(values) if value]
    labels: dict[str, str] = {}
    for adapter in _adapters.values():
        if values:
            labels.update(adapter.facet_labels(facet, values))
    return labels
