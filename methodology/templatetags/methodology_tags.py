from django import template

from community import access

register = template.Library()


@register.simple_tag(takes_context=True)
def may_open_document(context, document) -> bool:
    """Whether the requesting user may open this document (cached per request: constant queries)."""
    request = context.get("request")
    if document is None or request is None:
        return False
    return access.may_open_document(request.user, document)
