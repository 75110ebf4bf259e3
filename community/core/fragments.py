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
import time

from django.core.cache import cache
from django.db import transaction
from django.utils import translation

VERSION_KEY = "kennisplein:content-version"
# A backstop only: the version, not the timeout, makes an edit show.
FRAGMENT_SECONDS = 600


def content_version() -> int:
    return cache.get_or_set(VERSION_KEY, time.time_ns, None)


def bump_content_version(**kwargs) -> None:
    """New version now, and again once the change is committed: a request that read the old rows
    between the signal and the commit cannot leave them under the new version."""
    cache.set(VERSION_KEY, time.time_ns(), None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, time.time_ns(), None))


def audience_key(user) -> str:
    """Which restricted pages this visitor may not see, as a short key (same for the same groups)."""
    from . import access

    hidden = "\n".join(sorted(access.hidden_paths(user)))
    return hashlib.sha256(hidden.encode()).hexdigest()[:16]


def for_audience(name: str, request, compute, timeout: int = FRAGMENT_SECONDS):
    """``compute()`` once per audience, language, host and content version; cached after that."""
    key = ":".join(
        ["kennisplein:fragment", name, audience_key(request.user), translation.get_language() or "",
         request.get_host(), str(content_version())]
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


def connect() -> None:
    from django.contrib.auth.models import Group
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.models import Collection, CollectionViewRestriction

    from .public_content import public_content_changed

    public_content_changed.connect(bump_content_version, dispatch_uid="kennisplein-content-version")
    # Audiences name groups: renaming or deleting one changes who sees what. Documents' collections
    # and their restrictions are read through the cache too (community.access).
    for model in (Group, Collection, CollectionViewRestriction):
        label = model._meta.label
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"kennisplein-content-version-{label}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"kennisplein-content-version-del-{label}")
    m2m_changed.connect(bump_content_version, sender=CollectionViewRestriction.groups.through,
                        dispatch_uid="kennisplein-content-version-collection-groups")
