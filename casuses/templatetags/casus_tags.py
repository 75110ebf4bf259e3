from django import template

from casuses.models import CasusIndexPage
from community.core.routes import route_url

register = template.Library()


@register.simple_tag(takes_context=True)
def casus_route(context, name, *args):
    """The URL of a route of the casus index: ``{% casus_route "react" page.pk %}``. The index's URL is
    ``index_url`` (a casus page's context) or that of ``index`` (the routes' own pages)."""
    index = context.get("index")
    index_url = context.get("index_url") or (index.url if index is not None else "")
    return route_url(index_url, CasusIndexPage, name, *args) if index_url else ""
