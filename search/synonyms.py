"""The synonym groups every engine uses: ``search/synonyms_nl.txt`` plus the groups editors add in the admin.

An editor's group that shares a word (or word group) with a group of the file, or with another editor's group,
is merged into it. The merged groups are cached (no expiry) and the cache is cleared when an editor saves or
deletes a group, so a change reaches the database engines' next query (they expand at query time) and the
Elasticsearch engine's updateable synonym set (``engines.elastic.ElasticsearchEngine.update_synonyms``),
without a rebuild of the index.
"""

from django.core.cache import cache

from . import analysis
from .models import SynonymGroup

CACHE_KEY = "search:synonym-groups"


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
    return [analysis.parse_members(terms) for terms in SynonymGroup.objects.values_list("terms", flat=True)]


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


def forget() -> None:
    """The groups changed: the next query reads them again."""
    cache.delete(CACHE_KEY)
