"""Lunch sessions on the editors' CMS dashboard (the EDITOR_TASKS hook, lunchsessions/wagtail_hooks.py)."""

from django.utils import timezone

from .models import LunchSessionPage

LIMIT = 10


def sessions_without_recap(user, now=None):
    sessions = (
        LunchSessionPage.objects.filter(
            live=True, start__lt=now or timezone.now(), transcript="", recording_embed_url=""
        )
        .order_by("-start")
        .only("id", "title", "draft_title", "start", "recap")[: LIMIT * 3]
    )
    return [session for session in sessions if not session.recap][:LIMIT]
