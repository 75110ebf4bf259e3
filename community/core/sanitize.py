"""Sanitising HTML that users write (casus text, reactions, profiles) with nh3.

    from community.core.sanitize import clean_html
    safe = clean_html(form.cleaned_data["text"])

or in a template: ``{% load sanitize %}{{ reaction.text|clean_html }}``. Only simple structure
survives (paragraphs, emphasis, lists, quotes, headings h2-h4, links over http(s)/mailto, which get
``rel="nofollow noopener noreferrer"``); scripts, styles, event handlers, images and iframes go.
"""

import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "a",
    "code",
    "pre",
}
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


# C0 controls except tab, line feed and carriage return; DEL; C1 controls. XML 1.0 (RSS) cannot hold
# them at all and iCalendar forbids them: pasted coloured text (ESC [ 31 m) would break the whole feed.
CONTROL_CHARACTERS = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)])


def strip_control_characters(text):
    """The text without control characters (anything else, e.g. a lazy string or None, as given)."""
    return str(text).translate(CONTROL_CHARACTERS) if isinstance(text, str) else text
