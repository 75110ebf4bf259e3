"""Guides due for review on the editors' CMS dashboard (the EDITOR_TASKS hook, methodology/wagtail_hooks.py)."""

import datetime

from django.db.models import F, Q
from django.utils import timezone

from .models import GuidePage

LIMIT = 10
REVIEW_INTERVAL = datetime.timedelta(days=365)


def guides_due_for_review(user, today=None):
    cutoff = (today or timezone.localdate()) - REVIEW_INTERVAL
    return list(
        GuidePage.objects.filter(Q(last_reviewed__lt=cutoff) | Q(last_reviewed__isnull=True))
        .order_by(F("last_reviewed").asc(nulls_first=True))
        .only("id", "title", "draft_title", "last_reviewed")[:LIMIT]
    )
