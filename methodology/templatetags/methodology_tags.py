from django import template

from community.core import access

register = template.Library()


@register.simple_tag(takes_context=True)
def may_open_document(context, document) -> bool:
    """Whether the requesting user may open this document (cached per request: constant queries)."""
    request = context.get("request")
    if document is None or request is None:
        return False
    return access.may_open_document(request.user, document)


@register.filter
def timeline(phases):
    """The trajectory in order: steps numbered 1..n, a parallel phase placed after the step it starts beside.

    A parallel phase is no step, so it takes no number of its own; it carries the number of the step
    it runs alongside from ("vanaf stap 3"). Escalations stand apart and are left out.
    """
    entries, number = [], 0
    for phase in phases:
        if phase.kind == "step":
            number += 1
            entries.append({"phase": phase, "number": number, "parallel": False})
        elif phase.kind == "parallel":
            entries.append({"phase": phase, "number": max(number, 1), "parallel": True})
    return entries
