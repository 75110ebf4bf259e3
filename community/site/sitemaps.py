"""/sitemap.xml: the public Wagtail pages, plus the public objects the apps list through the SITEMAPS hook.

Only what an anonymous visitor may see. Wagtail's page sitemap keeps to live pages without view restrictions
(the same rule as ``community.core.access``); apps register object lists only for objects that are public by
design — never casussen, reactions or member profiles.
"""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from community.core.hooks import SITEMAPS, collect


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


def sitemaps() -> dict:
    """The pages, then one sitemap per SitemapList (every object of its ordered queryset, one query a list)."""
    listed = {
        entry.name: type(f"{entry.name.title()}Sitemap", (ObjectSitemap,), {"queryset": entry.queryset})
        for entry in collect(SITEMAPS)
    }
    return {"pages": PageSitemap, **listed}
