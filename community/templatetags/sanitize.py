from django import template

from community.core import sanitize

register = template.Library()


@register.filter
def clean_html(value):
    return sanitize.clean_html(value)


@register.filter
def plain_text(value):
    return sanitize.plain_text(value)
