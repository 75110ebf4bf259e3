"""Holes: the personal parts of a page that is otherwise the same for every member of one audience.

A template marks such a part with ``{% hole "name" arg … %}`` (``{% load holes %}``). While
PageCacheMiddleware handles a signed-in request, the tag writes a marker instead of the part; the
middleware may store the page with its markers for everyone of the visitor's audience, and fills the
markers in for this visitor, on the first request and on every later one. Where no middleware fills
them (an e-mail, a template rendered on its own), the tag renders the part at once.

Apps add kinds of holes with the PAGE_HOLES hook (community.core.hooks.Hole). A marker holds only the
hole's name and arguments; what the visitor sees in it is decided when it is filled. Text a member
typed is escaped before it reaches a page, so it cannot make a marker.
"""

import base64
import json
import re
from collections import defaultdict
from functools import cache

from django.template import engines
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from community.core.hooks import PAGE_HOLES, collect

ACTIVE = "_kennisplein_holes_active"
BASE_CONTEXT = "_kennisplein_holes_context"
MARKER = re.compile(rb"<!--kennisplein-hole:([a-z_]+):([A-Za-z0-9_=-]*)-->")


@cache
def kinds() -> dict:
    return {hole.name: hole for hole in collect(PAGE_HOLES)}


def activate(request) -> None:
    setattr(request, ACTIVE, True)


def marker_or_part(request, name: str, args: tuple) -> str:
    """What ``{% hole %}`` writes: a marker while holes are filled later, else the part itself."""
    if request is not None and getattr(request, ACTIVE, False):
        encoded = base64.urlsafe_b64encode(json.dumps(list(args)).encode()).decode()
        return mark_safe(f"<!--kennisplein-hole:{name}:{encoded}-->")  # noqa: S308 - name and base64 only
    return mark_safe(kinds()[name].render(request, [list(args)])[0])  # noqa: S308 - rendered with autoescaping


def fill(request, content: bytes) -> bytes:
    """Every marker in ``content`` replaced by its part for this request's visitor."""
    if b"<!--kennisplein-hole:" not in content:
        return content
    wanted = defaultdict(dict)
    for name, encoded in MARKER.findall(content):
        wanted[name.decode()][encoded] = json.loads(base64.urlsafe_b64decode(encoded))
    parts = {}
    for name, args_by_marker in wanted.items():
        rendered = kinds()[name].render(request, list(args_by_marker.values()))
        parts.update({(name, encoded): html for encoded, html in zip(args_by_marker, rendered, strict=True)})
    return MARKER.sub(lambda match: parts[(match[1].decode(), match[2])].encode(), content)


def render(request, template_name: str, context: dict) -> str:
    """A hole's template, with what the context processors give (user, perms, the CSRF token …) worked
    out once per request for all holes: a page with fifty holes masks one CSRF token, not fifty."""
    base = getattr(request, BASE_CONTEXT, None)
    if base is None:
        base = {"request": request}
        for processor in engines["django"].engine.template_context_processors:
            base.update(processor(request))
        setattr(request, BASE_CONTEXT, base)
    return get_template(template_name).render({**base, **context})
