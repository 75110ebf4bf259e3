"""The casus index (``/casussen/``): the list, and as routes of this page everything members and
moderators do with casussen (``nieuw/``, ``mijn/``, ``controle/``, ``moderatie/``, ``<id>/reageren/`` …).

It sits above the views, which it calls; the views and the rest of the app import ``casus.py``, never
this module. Casus pages (children) may not take a route's name as their slug (``CasusPageForm``).
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import GroupPagePermission, Page, PageViewRestriction, WorkflowPage

from community.core import access
from community.core.access import MODERATORS_GROUP
from community.core.privacy import private
from community.core.routes import route_slugs, route_url

from .. import conversation_views, views
from ..listing import casus_list_context
from ..moderation import moderation_workflow
from .casus import CasusPage


class CasusIndexPage(RoutablePageMixin, Page):
    # Members see this page as everyone of their audience does, but for its holes (community.core.holes).
    shared_by_audience = True

    intro = models.TextField(_("introductie"), blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["community.HomePage"]
    subpage_types = ["casuses.CasusPage"]
    max_count = 1

    class Meta:
        verbose_name = _("casusoverzicht")

    @property
    def teaser(self):
        return _(
            "Leden leggen hier geanonimiseerde casussen aan elkaar voor en geven elkaar advies, "
            "in de vorm van intervisie."
        )

    def get_sitemap_urls(self, request=None):
        return []

    def casuses_for(self, user):
        """Live, not archived casussen under this index that the user may see."""
        queryset = CasusPage.objects.child_of(self).filter(archived_at__isnull=True)
        return access.visible_pages(user, queryset)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(casus_list_context(self, request), index=self)
        return context

    def serve(self, request, *args, **kwargs):
        return private(super().serve(request, *args, **kwargs))

    @classmethod
    def route_slugs(cls) -> set[str]:
        """The first path segment of every route (``nieuw``, ``mijn``, ``moderatie`` …): no child's slug."""
        return route_slugs(cls)

    def route_url(self, name, *args, **kwargs) -> str:
        return route_url(self.url, type(self), name, *args, **kwargs)

    # --- routes: the views check who may use them (members_only, moderators_only) ---

    @path("nieuw/", name="new")
    def new_view(self, request):
        return views.CasusFormView.as_view(index=self)(request)

    @path("<int:pk>/bewerken/", name="edit")
    def edit_view(self, request, pk):
        return views.CasusFormView.as_view(index=self)(request, pk=pk)

    @path("mijn/", name="mine")
    def mine_view(self, request):
        return views.my_casuses(request, self)

    @path("controle/", name="check")
    def check_view(self, request):
        return views.check_text(request, self)

    @path("moderatie/", name="moderation")
    def moderation_view(self, request):
        return views.moderation_queue(request, self)

    @path("moderatie/<int:task_state_pk>/", name="decide")
    def decide_view(self, request, task_state_pk):
        return views.moderation_decide(request, self, task_state_pk)

    @path("<int:pk>/intrekken/", name="withdraw")
    def withdraw_view(self, request, pk):
        return views.withdraw(request, self, pk)

    @path("<int:pk>/reageren/", name="react")
    def react_view(self, request, pk):
        return views.react(request, self, pk)

    @path("<int:pk>/afsluiten/", name="close")
    def close_view(self, request, pk):
        return views.close(request, self, pk)

    @path("reacties/<int:pk>/nuttig/", name="helpful")
    def helpful_view(self, request, pk):
        return views.mark_helpful(request, self, pk)

    @path("<int:pk>/volgende-ronde/", name="next_round")
    def next_round_view(self, request, pk):
        return conversation_views.next_round(request, self, pk)

    @path("reacties/<int:pk>/bewerken/", name="edit_reaction")
    def edit_reaction_view(self, request, pk):
        return conversation_views.edit_reaction(request, self, pk)

    @path("reacties/<int:pk>/intrekken/", name="withdraw_reaction")
    def withdraw_reaction_view(self, request, pk):
        return conversation_views.withdraw_reaction(request, self, pk)

    @path("reacties/<int:pk>/waarderen/", name="appreciate")
    def appreciate_view(self, request, pk):
        return conversation_views.appreciate(request, self, pk)

    @path("reacties/<int:pk>/beoordelen/", name="review_reaction")
    def review_reaction_view(self, request, pk):
        return conversation_views.review_reaction(request, self, pk)

    @path("reacties/<int:pk>/melden/", name="report")
    def report_view(self, request, pk):
        return views.report(request, self, pk)

    @path("reacties/<int:pk>/verbergen/", name="hide")
    def hide_view(self, request, pk):
        return views.hide_reaction(request, self, pk)

    @path("meldingen/<int:pk>/afhandelen/", name="resolve_report")
    def resolve_report_view(self, request, pk):
        return views.resolve_report(request, self, pk)


def ensure_index(home, *, title="Casussen") -> CasusIndexPage:
    """The members-only CasusIndexPage at /casussen/ with the moderation workflow (idempotent)."""
    index = CasusIndexPage.objects.first()
    if index is None:
        index = CasusIndexPage(
            title=title,
            slug="casussen",
            intro="Leg een geanonimiseerde casus voor aan collega's en denk mee met anderen: intervisie "
            "tussen professionals rond scheiding. Alleen leden lezen mee; een moderator controleert "
            "elke casus op herkenbare gegevens voordat hij verschijnt.",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    if not PageViewRestriction.objects.filter(page=index).exists():
        restriction = PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set([Group.objects.get(name=settings.MEMBERS_GROUP)])
    WorkflowPage.objects.get_or_create(page=index.page_ptr, defaults={"workflow": moderation_workflow()})
    # Moderators approve in the workflow, which publishes the casus: they need to publish (and may
    # correct a casus in the admin). Members post through the front-end and have no page permissions.
    moderators = Group.objects.get(name=MODERATORS_GROUP)
    for codename in ("change_page", "publish_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=moderators, page=index.page_ptr, permission=permission)
    return index
