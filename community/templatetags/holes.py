from django import template

from community.core import holes

register = template.Library()


@register.simple_tag(takes_context=True)
def hole(context, name: str, *args):
    """A personal part of the page (community.core.holes): a marker now, filled in per visitor."""
    return holes.marker_or_part(context.get("request"), name, args)
