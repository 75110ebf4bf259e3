"""The words of the index per audience: the lexicon of queries (compounds, synonyms, "Bedoelde u") and the one
that splits compounds at index time. Each is built only from what the audiences concerned may see.

A document's compounds are split with the words its readers may all see: those of public documents and of its
own audience (``readers_words``), never a word that only a restricted document has, so no search reveals one.
"""

import hashlib

from django.core.cache import cache

from community.core import access

from . import analysis, synonyms
from .engines import database_engine

VOCABULARY_SECONDS = 300


def _audiences_key(audiences) -> str:
    return hashlib.sha1("\n".join(sorted(audiences)).encode(), usedforsecurity=False).hexdigest()


def vocabulary(audiences: list[str], use: str = "query") -> dict[str, int]:
    """Words of the newest documents these audiences may see (so a suggestion never reveals more), cached.

    ``use`` "index" (splitting compounds while writing) has a cache of its own: one filled just before a write
    would keep the new documents' words out of the queries' vocabulary for minutes.
    """
    key = f"search:vocabulary:{use}:" + _audiences_key(audiences)
    words = cache.get(key)
    if words is None:
        words = database_engine().vocabulary(audiences)
        cache.set(key, words, VOCABULARY_SECONDS)
    return words


_lexicons: dict[str, tuple[dict, tuple, analysis.Lexicon]] = {}


def lexicon(audiences: list[str]) -> analysis.Lexicon:
    """Words of what these audiences may see, with the synonym groups (the file's and the editors'): for compounds
    and synonyms in queries.

    Built once per vocabulary and synonym groups (a new vocabulary in the cache, e.g. after it expired, or an
    editor's change to the synonyms builds a new lexicon).
    """
    key = _audiences_key(audiences)
    words, groups = vocabulary(audiences), synonyms.groups()
    cached = _lexicons.get(key)
    if cached is None or (cached[0] is not words and cached[0] != words) or cached[1] != groups:
        if len(_lexicons) > 32:
            _lexicons.clear()
        cached = _lexicons[key] = (words, groups, analysis.Lexicon(words, groups))
    return cached[2]


def readers_audiences(audience: str) -> list[str]:
    """What every reader of a document of this audience may see: public documents and those of its audience."""
    return sorted({access.PUBLIC, audience})


def document_words(title: str, tags_text: str, text: str) -> set[str]:
    """The words of one document that go into a vocabulary (as ``DatabaseEngine.vocabulary`` counts them)."""
    return analysis.vocabulary_words(f"{title} {tags_text} {text[: analysis.VOCABULARY_CHARS]}")


class Splitters:
    """The lexicons that split the compounds of documents being written, one per audience.

    ``words_by_audience``: on a full rebuild the words of every document it writes, per audience (a first pass,
    so the result does not depend on the order of writing nor on what the index held before). Otherwise the
    index's own vocabulary (``vocabulary``) plus the documents of the batch being written.
    """

    def __init__(self, rows, words_by_audience=None):
        self.words_by_audience = words_by_audience
        if words_by_audience is None:
            self.words_by_audience = {}
            for row in rows:
                words = document_words(row.title, row.tags_text, row.text)
                self.words_by_audience.setdefault(row.audience, set()).update(words)
        self.indexed = words_by_audience is None
        self._lexicons: dict[str, analysis.Lexicon] = {}

    def for_audience(self, audience: str) -> analysis.Lexicon:
        found = self._lexicons.get(audience)
        if found is None:
            readers = readers_audiences(audience)
            words = set().union(*(self.words_by_audience.get(each, ()) for each in readers))
            if self.indexed:
                words.update(vocabulary(readers, use="index"))
            found = self._lexicons[audience] = analysis.Lexicon(words, synonyms=())
        return found
