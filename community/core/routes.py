"""Routes of routable pages (``RoutablePageMixin``): their names as slugs, and their URLs from outside a request.

Shared by the casus and the lunch-session index pages, whose sub-paths are routes of the page.
"""


def route_slugs(page_class) -> set[str]:
    """The first path segment of each route of a routable page class (``nieuw/`` -> ``nieuw``, ``agenda.ics``)."""
    slugs = set()
    for route in page_class.get_subpage_urls():
        first = str(route.pattern).lstrip("^").split("/")[0].replace("\\.", ".")
        if first and not set(first) & set("<(["):
            slugs.add(first)
    return slugs


def route_url(page_url: str, page_class, name: str, *args, **kwargs) -> str:
    """The URL of a route of the page at ``page_url`` (the page's own URL, ending in ``/``). Wagtail's router
    hands routes a trailing slash; file routes (``agenda.ics``) are linked without it, as they are requested."""
    url = page_url + page_class.get_resolver().reverse(name, *args, **kwargs)
    return url[:-1] if "." in url.rstrip("/").rsplit("/", 1)[-1] else url
