"""A member's personal data across apps: export (download) and erasure (account deletion).

Each app says what it holds about a user through the PERSONAL_DATA hook, in its ``wagtail_hooks.py``::

    @hooks.register(PERSONAL_DATA)
    def casus_data():
        return PersonalDataSource("casussen", export=export_casuses, erase=anonymise_casuses)

``export(user) -> JSON-serialisable data``; ``erase(user)`` removes or anonymises it (content that
others reply to stays readable, attributed to "een voormalig lid"). Both run inside one transaction.
"""

from community.core import audit
from community.core.hooks import PERSONAL_DATA, PersonalDataSource, collect

FORMER_MEMBER = "een voormalig lid"


def sources() -> list[PersonalDataSource]:
    """Every app's source; a later registration of a name replaces an earlier one."""
    return list({source.name: source for source in collect(PERSONAL_DATA)}.values())


def export_all(user, *, actor=None) -> dict:
    data = {source.name: source.export(user) for source in sources()}
    audit.record(audit.DATA_EXPORTED, actor=actor, target=audit.user_target(user), details={"sources": sorted(data)})
    return data


def erase_all(user, *, actor=None) -> None:
    every = sources()
    audit.record(
        audit.ACCOUNT_DELETED,
        actor=actor,
        target=audit.user_target(user),
        details={"sources": sorted(source.name for source in every)},
    )
    for source in every:
        source.erase(user)
