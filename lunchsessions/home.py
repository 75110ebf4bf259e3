from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.core import access
from community.core.cards import Card

from .models import LunchSessionPage

HOME_ITEMS = 3


def upcoming_cards(request) -> list[Card]:
    """The next sessions this visitor may see, for the home page."""
    sessions = (
        access.visible_pages(request.user, LunchSessionPage.objects.filter(end__gt=timezone.now()))
        .order_by("start")
        .prefetch_related("tags")[:HOME_ITEMS]
    )
    sessions = list(sessions)
    audiences = access.page_audiences(sessions, request.user)
    return [
        Card(
            type_label=str(_("Lunchsessie")),
            title=session.title,
            url=session.url,
            summary=session.summary_text(),
            date=timezone.localtime(session.start),
            tags=[tag.name for tag in session.tags.all()],
            audience_label=str(_("Leden")) if audiences[session.pk] != access.PUBLIC else "",
        )
        for session in sessions
    ]
