"""Template fragment caching for the process timeline: the same for every visitor, changed only by editors.

The version in the cache key moves on every save or delete of a Phase, so an edit shows at once.
"""

import time

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "methodology:phases-version"


def phases_version() -> int:
    return cache.get_or_set(VERSION_KEY, time.time_ns, None)


def bump_phases_version(**kwargs) -> None:
    cache.set(VERSION_KEY, time.time_ns(), None)


def connect() -> None:
    from .models import Phase

    post_save.connect(bump_phases_version, sender=Phase, dispatch_uid="methodology_phase_saved")
    post_delete.connect(bump_phases_version, sender=Phase, dispatch_uid="methodology_phase_deleted")
