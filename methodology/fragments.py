"""Template fragment caching for the process timeline: the same for every visitor, changed only by editors.

The version in the cache key moves on every "public content changed" signal (community.core.public_content;
it covers saving or deleting a Phase), so an edit shows at once.
"""

import time

from django.core.cache import cache

from community.core.public_content import public_content_changed

VERSION_KEY = "methodology:phases-version"


def phases_version() -> int:
    return cache.get_or_set(VERSION_KEY, time.time_ns, None)


def bump_phases_version(**kwargs) -> None:
    cache.set(VERSION_KEY, time.time_ns(), None)


def connect() -> None:
    public_content_changed.connect(bump_phases_version, dispatch_uid="methodology_phases_version")
