from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from community.core import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def page_panels(context, page):
    """What other apps add to this page (community.core.hooks.PAGE_PANELS), rendered in order."""
    request = context["request"]
    return mark_safe(  # noqa: S308 - each part is a template rendered with autoescaping
        "".join(
            render_to_string(name, {**panel_context, "page": page}, request=request)
            for name, panel_context in hooks.page_panels(request, page)
        )
    )
