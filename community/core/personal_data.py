"""A member's personal data across apps: export (download) and erasure (account deletion).

Each app registers what it holds about a user in its AppConfig.ready()::

    from community.core import personal_data
    personal_data.register("casussen", export=export_casuses, erase=anonymise_casuses)

``export(user) -> JSON-serialisable data``; ``erase(user)`` removes or anonymises it (content that
others reply to stays readable, attributed to "een voormalig lid"). Both run inside one transaction.
"""

from collections.abc import Callable
from dataclasses import dataclass

FORMER_MEMBER = "een voormalig lid"


@dataclass(frozen=True)
class PersonalDataSource:
    name: str
    export: Callable
    erase: Callable


_sources: dict[str, PersonalDataSource] = {}


def register(name: str, *, export: Callable, erase: Callable) -> None:
    _sources[name] = PersonalDataSource(name, export, erase)


def sources() -> list[PersonalDataSource]:
    return list(_sources.values())


def export_all(user, *, actor=None) -> dict:
    from community.core import audit

    data = {source.name: source.export(user) for source in _sources.values()}
    audit.record(audit.DATA_EXPORTED, actor=actor, target=audit.user_target(user), details={"sources": sorted(data)})
    return data


def erase_all(user, *, actor=None) -> None:
    from community.core import audit

    audit.record(
        audit.ACCOUNT_DELETED, actor=actor, target=audit.user_target(user), details={"sources": sorted(_sources)}
    )
    for source in _sources.values():
        source.erase(user)
