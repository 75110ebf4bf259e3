"""The one search service: access filtering, engine choice with fallback, spelling suggestions.

Every caller (the /zoeken/ page, the JSON API, suggestions) goes through here, so the rules hold everywhere:
results and facet counts only come from audiences ``community.core.access`` lets this user see.
"""

import difflib
import logging
from dataclasses import replace

from django.utils.translation import gettext as _

from community.core import access

from . import analysis, store
from .engines import SearchEngineError, SearchQuery, SearchResult, database_engine, get_engine
from .vocabulary import lexicon, vocabulary

logger = logging.getLogger(__name__)


def allowed_audiences(user) -> list[str]:
    return access.visible_audiences(user, store.distinct_audiences())


def fallback_notice() -> str:
    return _(
        "De zoekserver is even niet bereikbaar. U ziet resultaten uit de eenvoudige zoekfunctie; die kunnen minder volledig zijn."
    )


FEW = 3  # fewer results than this: the spelling suggestion is searched too


def search(user, query: SearchQuery) -> SearchResult:
    """Results for what the user may see; with few results, those for the spelling suggestion when it finds more."""
    audiences = allowed_audiences(user)
    result, searched = _search(query, audiences), query.q
    if query.q and (result.total < FEW or result.relaxed):
        suggestion = spelling_suggestion(query.q, audiences)
        retry = _search(replace(query, q=suggestion), audiences) if suggestion and not query.literal else None
        if retry is not None and retry.total > result.total and not retry.relaxed:
            retry.query, retry.corrected_from = query, query.q
            result, searched = retry, suggestion
        result.suggestion = suggestion
    if query.q and not user.is_authenticated:
        result.members_more, result.members_more_approximate = members_more(query, searched, audiences, result)
    return result


def _search(query: SearchQuery, audiences: list[str]) -> SearchResult:
    engine = get_engine()
    database = database_engine()
    if engine is database:
        return database.search(query, audiences, lexicon(audiences))
    try:
        return engine.search(query, audiences)
    except Exception as error:  # noqa: BLE001 - a search server problem must never become a 500
        level = logging.WARNING if isinstance(error, SearchEngineError) else logging.ERROR
        logger.log(
            level, "Zoeken: %s faalt (%s: %s); antwoord uit de database.", engine.name, type(error).__name__, error
        )
        result = database.search(query, audiences, lexicon(audiences))
        result.notice = fallback_notice()
        return result


def member_audiences() -> list[str]:
    """What a member of the association's members group (lid) may see: public and members-only audiences."""
    allowed = {access.PUBLIC, access.LOGIN, access.members_audience()}
    return [audience for audience in store.distinct_audiences() if all(t in allowed for t in audience.split("&"))]


def members_more(query: SearchQuery, searched: str, audiences: list[str], result: SearchResult) -> tuple[int, bool]:
    """For an anonymous visitor: how many more results a member gets for the same search (a number, nothing else),
    and whether that number is an estimate.

    The member search runs with what was searched (after a spelling retry: the suggestion, made from public words)
    and with the visitor's lexicon, so its expansions are the visitor's and the number counts only members' items.
    """
    members = member_audiences()
    if set(members) <= set(audiences):
        return 0, False
    total, approximate = database_engine().total(replace(query, q=searched), members, lexicon(audiences))
    return max(0, total - result.total), approximate or result.total_approximate


def suggest_titles(user, prefix: str, limit: int = 8) -> list[dict]:
    audiences = allowed_audiences(user)
    engine = get_engine()
    if engine is not database_engine():
        try:
            return engine.suggest_titles(prefix, audiences, limit)
        except Exception as error:  # noqa: BLE001
            logger.warning("Zoeken: suggesties uit %s falen (%s); antwoord uit de database.", engine.name, error)
    return database_engine().suggest_titles(prefix, audiences, limit)


def spelling_suggestion(raw: str, audiences: list[str]) -> str:
    """ "Bedoelde u ...?": the query with unknown words replaced by the closest known word, or ""."""
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
