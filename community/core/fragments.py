"""Cached pieces of pages that are the same for every visitor of one audience (issue 16).

A piece (a list of filter options, a home section's cards, the restriction table) is kept under a
key made of its name, the visitor's *audience key* and the *content version*. The audience key says
which restricted pages the visitor may not see (two members with the same groups share it; a
member of the Vereniging has another one); the content version moves on every
``public_content_changed`` signal (publish, unpublish, move, restriction and snippet edits) and on
every group, collection and collection restriction change, so an edit shows at once. Nothing personal (a member's own registration, their
name, a casus only they see) may go into such a piece: personal parts are read per request.
Pieces are plain data (tuples, dicts, strings), so that a deploy that moves a class cannot break them.
"""

import hashlib
import pickle

from django.core.cache import cache
from django.utils import translation

from community.core import access
from community.core.content_version import FRAGMENT_SECONDS, VERSION_KEY, content_version

__all__ = ["FRAGMENT_SECONDS", "VERSION_KEY", "audience_key", "content_version", "for_audience"]


def audience_key(user) -> str:
    """Which restricted pages this visitor may not see, as a short key (same for the same groups)."""
    hidden = "\n".join(sorted(access.hidden_paths(user)))
    return hashlib.sha256(hidden.encode()).hexdigest()[:16]


def for_audience(name: str, request, compute, timeout: int = FRAGMENT_SECONDS):
    """``compute()`` once per audience, language, host and content version; cached after that."""
    key = ":".join(
        [
            "kennisplein:fragment",
            name,
            audience_key(request.user),
            translation.get_language() or "",
            request.get_host(),
            str(content_version()),
        ]
    )
    value = _cached(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def _cached(key: str):
    """The stored value, or None when there is none or it no longer loads: a value pickled by the
    code before a deploy may name a class that moved or changed (then it is computed again)."""
    try:
        return cache.get(key)
    except (ImportError, AttributeError, TypeError, ValueError, EOFError, pickle.UnpicklingError):
        return None
