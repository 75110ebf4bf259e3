"""The header's bell, follow buttons and @mentions in members' texts."""

from django import template

from community.notify import events, mentions

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """The bell's count: at most one cheap query per page, none while the cache holds it."""
    return events.unread_count(context["request"].user)


@register.inclusion_tag("community/includes/follow_form.html", takes_context=True)
def follow_form(context, kind: str, target_id, title: str = ""):
    """A plain POST form to follow or unfollow ``kind`` ``target_id`` (one query: is it followed?)."""
    request = context["request"]
    target = events.targets().get(kind)
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "kind": kind,
        "target_id": target_id,
        "title": title,
        "label": target.label if target else "",
        "following": events.is_following(request.user, kind, target_id),
        "next": request.get_full_path(),
    }


@register.filter
def with_mentions(text):
    """Escaped text with each @mention token shown as "@Naam"; chain ``|linebreaks`` after it."""
    return mentions.rendered(text)
