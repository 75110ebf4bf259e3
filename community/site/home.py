"""Sections of the home page, contributed by the apps without community importing them.

An app registers a section in its AppConfig.ready(); `items(request)` must return only what
`community.core.access` lets the requesting user see.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomeSection:
    key: str
    title: str
    items: Callable
    order: int = 100
    more_url: str = ""
    template: str = "components/card_list.html"


_sections: dict[str, HomeSection] = {}


def register(section: HomeSection) -> None:
    _sections[section.key] = section


def sections_for(request) -> list[dict]:
    """Sections with something this visitor may see; empty ones (e.g. casussen for non-members) are left out."""
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: s.order):
        items = list(section.items(request))
        if items:
            rendered.append({"section": section, "items": items})
    return rendered
