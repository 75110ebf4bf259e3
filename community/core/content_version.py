"""The content version: it moves on every change of what some audience sees, so cached pieces keyed by it
(community.core.fragments, the restriction table in community.core.access) are never stale.

It moves on every ``public_content_changed`` signal (publish, unpublish, move, restriction and snippet
edits) and on every group, collection and collection restriction change, and when a group's permissions
change; CommunityConfig.ready() connects it.
"""

import time

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Collection, CollectionViewRestriction

from community.core.cache import now_and_on_commit
from community.core.public_content import public_content_changed

VERSION_KEY = "kennisplein:content-version"
# A backstop only: the version, not the timeout, makes an edit show.
FRAGMENT_SECONDS = 600


def content_version() -> int:
    return cache.get_or_set(VERSION_KEY, time.time_ns, None)


def bump_content_version(**kwargs) -> None:
    """New version now, and again once the change is committed: a request that read the old rows
    between the signal and the commit cannot leave them under the new version."""
    now_and_on_commit(lambda: cache.set(VERSION_KEY, time.time_ns(), None))


def connect() -> None:
    public_content_changed.connect(bump_content_version, dispatch_uid="kennisplein-content-version")
    # Audiences name groups: renaming or deleting one changes who sees what. Documents' collections
    # and their restrictions are read through the cache too (community.access).
    for model in (Group, Collection, CollectionViewRestriction):
        label = model._meta.label
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"kennisplein-content-version-{label}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"kennisplein-content-version-del-{label}")
    # What a group may do (community.core.access keeps each user's groups and permissions in the
    # shared cache; a change of one user's own is handled there).
    for through in (CollectionViewRestriction.groups.through, Group.permissions.through):
        m2m_changed.connect(
            bump_content_version, sender=through, dispatch_uid=f"kennisplein-content-version-{through._meta.label}"
        )
