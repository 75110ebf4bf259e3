"""URLs of the routes of a routable page (``RoutablePageMixin``), from outside its request."""


def route_slugs(page_class) -> set[str]:
    """The first path segment of each route of a routable page class (``nieuw/`` -> ``nieuw``)."""
    slugs = set()
    for route in page_class.get_subpage_urls():
        first = str(route.pattern).lstrip("^").split("/")[0].replace("\\.", ".")
        if first and not set(first) & set("<(["):
            slugs.add(first)
    return slugs


def route_url(page_url: str, page_class, name: str, *args, **kwargs) -> str:
    """The URL of a route of the page at ``page_url`` (the page's own URL, ending in ``/``)."""
    return page_url + page_class.get_resolver().reverse(name, *args, **kwargs)
