"""Related items on a phase page, contributed by other apps without methodology importing them.

An app (casuses, lunchsessions, ...) registers a provider in its AppConfig.ready()::

    from methodology import phase_links

    def casussen_for_phase(request, phase):   # -> list[community.core.cards.Card], filtered for request.user
        ...

    phase_links.register(_("Casussen"), casussen_for_phase, key="casuses", order=30)

The phase page at /methodiek/fasen/<slug>/ (``phase.get_absolute_url()``) shows one section per
provider that returns items. Providers must return only what ``community.core.access`` lets the
requesting user see, and should use a constant number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PhaseLinkProvider:
    key: str
    label: str
    items: Callable  # (request, phase) -> list[Card]
    order: int = 100


_providers: dict[str, PhaseLinkProvider] = {}


def register(label, fn: Callable, *, key: str | None = None, order: int = 100) -> None:
    key = key or getattr(fn, "__qualname__", str(label))
    _providers[key] = PhaseLinkProvider(key=key, label=label, items=fn, order=order)


def unregister(key: str) -> None:
    _providers.pop(key, None)


def providers() -> list[PhaseLinkProvider]:
    return sorted(_providers.values(), key=lambda provider: provider.order)


def related_for(request, phase) -> list[dict]:
    """[{"key", "label", "items": [Card]}] for every provider with something to show."""
    sections = []
    for provider in providers():
        items = list(provider.items(request, phase))
        if items:
            sections.append({"key": provider.key, "label": provider.label, "items": items})
    return sections
