"""/sitemap.xml: the public Wagtail pages, plus the public objects the apps register (organisations, phases, …).

Only what an anonymous visitor may see. Wagtail's page sitemap keeps to live pages without view restrictions
(the same rule as ``community.core.access``); apps register object lists only for objects that are public by
design — never casussen, reactions or member profiles.
"""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap as PageSitemap


class ObjectSitemap(PageSitemap):
    """Objects by their ``get_absolute_url()``, on the Wagtail site's own address (as the pages are listed)."""

    queryset = None
    _urls = DjangoSitemap._urls  # plain objects, not pages with get_sitemap_urls()

    def items(self):
        return self.queryset.all()

    def location(self, obj):
        return obj.get_absolute_url()

    def lastmod(self, obj):
        return None

    @cached_property
    def _root(self):
        return urlsplit(self.get_wagtail_site().root_url)

    def get_protocol(self, protocol=None):
        return self._root.scheme

    def get_domain(self, site=None):
        return self._root.netloc


_sitemaps: dict = {"pages": PageSitemap}


def register(name: str, queryset) -> None:
    """List every object of this (ordered) queryset; one query per list, however many objects."""
    _sitemaps[name] = type(f"{name.title()}Sitemap", (ObjectSitemap,), {"queryset": queryset})


def sitemaps() -> dict:
    return _sitemaps
