"""Sanitising HTML that users write (casus text, reactions, profiles) with nh3.

    from community.sanitize import clean_html
    safe = clean_html(form.cleaned_data["text"])

or in a template: ``{% load sanitize %}{{ reaction.text|clean_html }}``. Only simple structure
survives (paragraphs, emphasis, lists, quotes, headings h2-h4, links over http(s)/mailto, which get
``rel="nofollow noopener noreferrer"``); scripts, styles, event handlers, images and iframes go.
"""

import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "a", "code", "pre"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def clean_html(html: str | None) -> SafeString:
    if not html:
        return mark_safe("")
    cleaned = nh3.clean(
        str(html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above


def plain_text(html: str | None) -> str:
    """All markup removed: for e-mails, search documents and excerpts."""
    if not html:
        return ""
    return nh3.clean(str(html), tags=set(), attributes={}).strip()
