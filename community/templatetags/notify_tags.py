"""The header's bell, follow buttons and @mentions in members' texts."""

from django import template
from django.utils.html import conditional_escape

from community.core import holes
from community.notify import events, mentions

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """The bell's count: at most one cheap query per page, none while the cache holds it."""
    return events.unread_count(context["request"].user)


@register.simple_tag(takes_context=True)
def follow_form(context, kind: str, target_id, title: str = ""):
    """A plain POST form to follow or unfollow ``kind`` ``target_id``: a hole (community.core.holes)."""
    return holes.marker_or_part(context.get("request"), "follow", (kind, target_id, str(conditional_escape(title))))


@register.filter
def with_mentions(text):
    """Escaped text with each @mention token shown as "@Naam"; chain ``|linebreaks`` after it."""
    return mentions.rendered(text)
