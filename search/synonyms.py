"""The synonym groups every engine uses: ``search/synonyms_nl.txt`` plus the groups editors add in the admin.

An editor's group that shares a word (or word group) with a group of the file, or with another editor's group,
is merged into it. The merged groups are cached (no expiry) and the cache is cleared when an editor saves or
deletes a group, so a change reaches the database engines' next query (they expand at query time) and the
Elasticsearch engine's updateable synonym set (``engines.elastic.ElasticsearchEngine.update_synonyms``),
without a rebuild of the index.
"""

import logging

from django.core.cache import cache

from . import analysis

logger = logging.getLogger(__name__)
CACHE_KEY = "search:synonym-groups"


def parse_members(text: str) -> tuple[tuple[str, ...], ...]:
    """An editor's line: members separated by commas or "~" (``omgangshuis ~ bezoekruimte``)."""
    members = [tuple(analysis.words(member)) for member in text.replace("~", ",").split(",")]
    return tuple(dict.fromkeys(member for member in members if member))


def merged(groups) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Groups that share a member become one group (members in first-seen order)."""
    out: list[list[tuple[str, ...]]] = []
    for group in groups:
        touching = [existing for existing in out if set(existing) & set(group)]
        combined = [member for existing in touching for member in existing]
        combined += [member for member in group if member not in combined]
        out = [existing for existing in out if existing not in touching] + [combined]
    return tuple(tuple(group) for group in out if len(group) > 1)


def editor_groups() -> list[tuple[tuple[str, ...], ...]]:
    from .models import SynonymGroup

    return [parse_members(terms) for terms in SynonymGroup.objects.values_list("terms", flat=True)]


def groups() -> tuple:
    """The file's groups and the editors', merged (cached until an editor changes a group)."""
    value = cache.get(CACHE_KEY)
    if value is None:
        value = merged([*analysis.file_synonyms(), *editor_groups()])
        cache.set(CACHE_KEY, value, None)
    return value


def as_lines(value=None) -> list[str]:
    """Solr format, one group a line (what Elasticsearch's synonym set holds)."""
    return [", ".join(" ".join(member) for member in group) for group in (groups() if value is None else value)]


def changed(**kwargs) -> None:
    """An editor saved or deleted a group: the next query uses the new groups, Elasticsearch gets them too."""
    cache.delete(CACHE_KEY)
    from .engines import SearchEngineError, database_engine, get_engine

    engine = get_engine()
    if engine is database_engine():
        return
    try:
        engine.update_synonyms(as_lines())
    except SearchEngineError as error:
        logger.warning("Zoeken: synoniemen niet naar %s gestuurd (%s); ze gaan mee bij de volgende herbouw.", engine.name, error)
