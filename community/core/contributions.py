"""Contributions shown on organisation pages and member profiles, filled by the apps.

The core does not know casussen or lunch sessions; each app registers in its AppConfig.ready()::

    from community.core import contributions
    contributions.register_for_organisation("casussen", casuses_of_organisation)
    contributions.register_for_member("casussen", casuses_of_member)

``fn(organisation, viewer) -> list[Card]`` and ``fn(member_user, viewer) -> list[Card]`` must return
only what ``community.core.access`` lets ``viewer`` see (and, for members, only what the member chose to
show as theirs). Each function should cost a constant number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ContributionSource:
    key: str
    title: str
    items: Callable
    order: int = 100


_for_organisation: dict[str, ContributionSource] = {}
_for_member: dict[str, ContributionSource] = {}


def register_for_organisation(key: str, items: Callable, *, title: str = "", order: int = 100) -> None:
    _for_organisation[key] = ContributionSource(key, title, items, order)


def register_for_member(key: str, items: Callable, *, title: str = "", order: int = 100) -> None:
    _for_member[key] = ContributionSource(key, title, items, order)


def unregister(key: str) -> None:
    _for_organisation.pop(key, None)
    _for_member.pop(key, None)


def _collect(sources: dict[str, ContributionSource], subject, viewer) -> list[dict]:
    sections = []
    for source in sorted(sources.values(), key=lambda s: s.order):
        items = list(source.items(subject, viewer))
        if items:
            sections.append({"key": source.key, "title": source.title, "items": items})
    return sections


def for_organisation(organisation, viewer) -> list[dict]:
    return _collect(_for_organisation, organisation, viewer)


def for_member(member_user, viewer) -> list[dict]:
    return _collect(_for_member, member_user, viewer)
