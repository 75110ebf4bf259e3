"""What lunch sessions contribute to other parts of the site: phase pages and the weekly digest."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from community.core import access
from community.core.cards import Card
from community.core.hooks import TargetLink

from .models import LunchSeries, LunchSessionPage

PHASE_ITEMS = 6
UPCOMING_WINDOW = datetime.timedelta(days=21)


def _cards(user, sessions) -> list[Card]:
    sessions = list(sessions)
    audiences = access.page_audiences(sessions, user)
    return [session.as_card(audiences.get(session.pk, access.PUBLIC)) for session in sessions]


def sessions_for_phase(request, phase) -> list[Card]:
    sessions = access.visible_pages(request.user, LunchSessionPage.objects.filter(phase=phase))
    return _cards(request.user, sessions.order_by("-start").prefetch_related("tags")[:PHASE_ITEMS])


def recaps_since(user, since) -> list[Card]:
    """Recaps published since the last digest: sessions that ended and were (re)published since."""
    sessions = access.visible_pages(
        user, LunchSessionPage.objects.filter(end__lte=timezone.now(), last_published_at__gte=since)
    )
    with_recap = [session for session in sessions.order_by("-start").prefetch_related("tags")[:20] if session.recap]
    return _cards(user, with_recap[:10])


def upcoming_since(user, since) -> list[Card]:
    now = timezone.now()
    sessions = access.visible_pages(
        user, LunchSessionPage.objects.filter(start__gt=now, start__lte=now + UPCOMING_WINDOW)
    )
    return _cards(user, sessions.order_by("start").prefetch_related("tags")[:10])


def resolve_sessions(user, pairs) -> dict:
    """{(session id, 0): TargetLink} of the sessions ``user`` may see (notifications of a new recap)."""
    sessions = access.visible_pages(user, LunchSessionPage.objects.filter(pk__in={pk for pk, _detail in pairs}))
    return {(session.pk, 0): TargetLink(session.title, session.url) for session in sessions.only("title", "url_path")}


def resolve_series(user, pairs) -> dict:
    """{(series id, 0): TargetLink}: a series links to its newest session that ``user`` may see."""
    ids = {pk for pk, _detail in pairs}
    series = {row.pk: row for row in LunchSeries.objects.filter(pk__in=ids)}
    newest = {}
    visible = access.visible_pages(user, LunchSessionPage.objects.filter(series__in=ids)).order_by("-start")
    for session in visible.only("series_id", "url_path")[:200]:
        newest.setdefault(session.series_id, session.url)
    return {
        (pk, 0): TargetLink(str(_("reeks ‘%(name)s’") % {"name": row.name}), newest.get(pk) or "/lunchsessies/")
        for pk, row in series.items()
    }
