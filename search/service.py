"""The one search service: access filtering, engine choice with fallback, spelling suggestions.

Every caller (the /zoeken/ page, the JSON API, suggestions) goes through here, so the rules hold everywhere:
results and facet counts only come from audiences ``community.access`` lets this user see.
"""

import difflib
import hashlib
import logging

from django.core.cache import cache
from django.utils.translation import gettext as _

from community import access

from . import analysis, store
from .engines import SearchEngineError, SearchQuery, SearchResult, database_engine, get_engine

logger = logging.getLogger(__name__)
VOCABULARY_SECONDS = 300


def allowed_audiences(user) -> list[str]:
    return access.visible_audiences(user, store.distinct_audiences())


def fallback_notice() -> str:
    return _("De zoekserver is even niet bereikbaar. U ziet resultaten uit de eenvoudige zoekfunctie; die kunnen minder volledig zijn.")


def search(user, query: SearchQuery) -> SearchResult:
    audiences = allowed_audiences(user)
    engine = get_engine()
    database = database_engine()
    if engine is database:
        result = database.search(query, audiences)
    else:
        try:
            result = engine.search(query, audiences)
        except Exception as error:  # noqa: BLE001 - a search server problem must never become a 500
            level = logging.WARNING if isinstance(error, SearchEngineError) else logging.ERROR
            logger.log(level, "Zoeken: %s faalt (%s: %s); antwoord uit de database.", engine.name, type(error).__name__, error)
            result = database.search(query, audiences)
            result.notice = fallback_notice()
    if query.q and (result.total == 0 or result.relaxed):
        result.suggestion = spelling_suggestion(query.q, audiences)
    return result


def suggest_titles(user, prefix: str, limit: int = 8) -> list[dict]:
    audiences = allowed_audiences(user)
    engine = get_engine()
    if engine is not database_engine():
        try:
            return engine.suggest_titles(prefix, audiences, limit)
        except Exception as error:  # noqa: BLE001
            logger.warning("Zoeken: suggesties uit %s falen (%s); antwoord uit de database.", engine.name, error)
    return database_engine().suggest_titles(prefix, audiences, limit)


def vocabulary(audiences: list[str]) -> dict[str, int]:
    """Words from titles and tags of what these audiences may see (so a suggestion never reveals more)."""
    key = "search:vocabulary:" + hashlib.sha1("\n".join(sorted(audiences)).encode()).hexdigest()
    words = cache.get(key)
    if words is None:
        words = database_engine().vocabulary(audiences)
        cache.set(key, words, VOCABULARY_SECONDS)
    return words


def spelling_suggestion(raw: str, audiences: list[str]) -> str:
    """"Bedoelde u ...?": the query with unknown words replaced by the closest known word, or ""."""
    if not audiences:
        return ""
    words = vocabulary(audiences)
    if not words:
        return ""
    known_stems = {analysis.stem(word) for word in words}
    candidates = list(words)
    changed = False
    out = []
    for word in analysis.words(raw):
        if len(word) <= 3 or word in analysis.STOP_WORDS or word in words or analysis.stem(word) in known_stems:
            out.append(word)
            continue
        close = difflib.get_close_matches(word, candidates, n=3, cutoff=0.75)
        if close:
            best = max(close, key=lambda c: (difflib.SequenceMatcher(None, word, c).ratio(), words[c]))
            out.append(best)
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else ""
