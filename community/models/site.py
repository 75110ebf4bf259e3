"""The home page."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from community.core.hooks import HOME_SECTIONS, sections


class HomePage(Page):
    # Members see this page as everyone of their audience does, but for its holes (community.core.holes).
    shared_by_audience = True

    intro = models.CharField(_("introductie"), max_length=300, blank=True)
    body = RichTextField(_("tekst"), blank=True, features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("homepagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections(HOME_SECTIONS, request)
        return context

    def route(self, request, path_components):
        """Find the page for a path in two queries, not two per level as Wagtail's walk does.

        All pages on the path come in one query by their url_path; only when one of the pages on
        the way has its own ``route`` (sub-URLs) does the walk go level by level from there.
        """
        if not path_components:
            return super().route(request, path_components)
        candidates = [
            f"{self.url_path}{'/'.join(path_components[:depth])}/" for depth in range(1, len(path_components) + 1)
        ]
        on_path = list(
            Page.objects.filter(url_path__in=candidates, path__startswith=self.path, depth__gt=self.depth).order_by(
                "depth"
            )
        )
        if not on_path:
            raise Http404
        for index, page in enumerate(on_path):
            last = index == len(on_path) - 1
            if not last and page.specific_class is not None and page.specific_class.route is not Page.route:
                return page.specific.route(request, path_components[index + 1 :])
        deepest = on_path[-1]
        return deepest.specific.route(request, path_components[len(on_path) :])
