import functools
from types import SimpleNamespace

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from community.accounts.admin_views import audit_event_viewset, membership_application_viewset
from community.accounts.views import erase_core, export_core
from community.core import access, health, page_cache
from community.core.hooks import (
    EDITOR_TASKS,
    HEALTH_CHECKS,
    HOME_SECTIONS,
    ORGANISATION_CONTRIBUTIONS,
    PAGE_HOLES,
    PERSONAL_DATA,
    SEARCH_ADAPTERS,
    SITEMAPS,
    EditorTasks,
    HealthCheck,
    Hole,
    PersonalDataSource,
    Section,
    SitemapList,
)
from community.models import Offer, Organisation, ParentMeeting, Region
from community.network.organisations import organisation_meetings, upcoming_meeting_cards
from community.network.search import OrganisationAdapter, ParentMeetingAdapter
from community.notify.holes import bells, follow_forms
from community.site.dashboard import EditorTasksPanel, may_edit_content, own_drafts


@hooks.register("on_serve_page", order=-20)
def serve_restricted_pages_as_teaser(serve):
    """The one restriction check of the site's pages: reads the restriction table once per request.

    A visitor who may not see a page gets its teaser and a way in, never the body. It replaces
    Wagtail's own ``check_view_restrictions`` (removed in CommunityConfig.ready), which would read
    the restrictions again; password restrictions have the audience "nobody", so they get the teaser.
    """

    def inner(page, request, serve_args, serve_kwargs):
        audience = access.page_audience(page, request.user)
        if not (
            access.may_see_audience(request.user, audience) if page.live else access.can_view_page(request.user, page)
        ):
            return _teaser_response(request, page, audience)
        if (
            not request.user.is_authenticated
            and page.live
            and audience == access.PUBLIC
            and getattr(page.specific_class, "cache_anonymous_views", True)
        ):
            page_cache.mark_cacheable(request, page)
        elif (
            request.user.is_authenticated
            and page.live
            and getattr(page.specific_class, "shared_by_audience", False)
            and request.path == page.get_url(request)  # the page itself, not one of its routes
        ):
            page_cache.mark_shared_by_audience(request, page)
        # Whoever may see a restricted page is signed in: PageCacheMiddleware marks it private, no-store.
        return serve(page, request, serve_args, serve_kwargs)

    return inner


def _teaser_response(request, page, audience):
    specific = page.specific
    if access.may_show_title(request.user, access.page_kind(page), audience):
        shown, teaser = page, getattr(specific, "teaser", "") or page.search_description
    else:
        # The title is restricted content too (a casus, a page of an undecided kind): a stand-in instead.
        shown = specific.restricted_stand_in() if hasattr(specific, "restricted_stand_in") else _stand_in()
        teaser = getattr(shown, "teaser", "")
    response = TemplateResponse(
        request, "components/restricted_page.html", {"page": shown, "teaser": teaser}, status=403
    )
    return response  # no Cache-Control of its own: PageCacheMiddleware marks it private, no-store


def _stand_in():
    return SimpleNamespace(title=_("Besloten pagina"), seo_title="", search_description="", teaser="")


@hooks.register("register_admin_viewset")
def register_membership_applications():
    return membership_application_viewset


@hooks.register("register_admin_viewset")
def register_audit_log():
    return audit_event_viewset


@hooks.register("construct_main_menu")
def label_membership_menu(request, menu_items):
    for item in menu_items:
        if item.name == "lidmaatschapsaanvragen":
            item.label = _("Lidmaatschapsaanvragen")


# The network's data, edited by beheerders and redacteuren in the admin.


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisaties")
    list_display = ["name", "place", "certified_since"]
    list_filter = ["regions", "offers"]
    search_fields = ["name", "place"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regio's")
    list_display = ["name", "province"]


class OfferViewSet(SnippetViewSet):
    model = Offer
    icon = "list-ul"
    menu_label = _("Aanbod")


class ParentMeetingViewSet(SnippetViewSet):
    model = ParentMeeting
    icon = "date"
    menu_label = _("Ouderbijeenkomsten")
    list_display = ["title", "region", "starts_at", "venue"]
    list_filter = ["region"]


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, RegionViewSet, OfferViewSet, ParentMeetingViewSet)
    menu_icon = "group"
    menu_label = _("Netwerk")
    menu_name = "netwerk"
    menu_order = 260


register_snippet(NetworkViewSetGroup)


@hooks.register("construct_homepage_panels")
def add_editor_tasks(request, panels):
    if may_edit_content(request.user):
        panels.append(EditorTasksPanel())


# What the community app adds to the site's extension points (community/core/hooks.py).


@hooks.register(HOME_SECTIONS)
def parent_meetings_section():
    return Section(
        key="parent_meetings",
        title=_("Komende ouderbijeenkomsten"),
        items=upcoming_meeting_cards,
        order=90,
        more_url="/organisaties/ouderbijeenkomsten/",
    )


@hooks.register(ORGANISATION_CONTRIBUTIONS)
def organisation_meetings_contribution():
    return Section(
        key="ouderbijeenkomsten",
        title=_("Ouderbijeenkomsten die zij mede organiseren"),
        items=organisation_meetings,
        order=50,
    )


@hooks.register(PERSONAL_DATA)
def core_personal_data():
    return PersonalDataSource("kennisplein", export=export_core, erase=erase_core)


@hooks.register(SEARCH_ADAPTERS)
@functools.cache  # one adapter for the process: search code compares them
def organisation_search():
    return OrganisationAdapter()


@hooks.register(SEARCH_ADAPTERS)
@functools.cache  # one adapter for the process: search code compares them
def parent_meeting_search():
    return ParentMeetingAdapter()


@hooks.register(SITEMAPS)
def organisations_sitemap():
    return SitemapList("organisaties", Organisation.objects.order_by("name", "pk"))


@hooks.register(SITEMAPS)
def regions_sitemap():
    return SitemapList("regios", Region.objects.order_by("name", "pk"))


@hooks.register(SITEMAPS)
def parent_meetings_sitemap():
    return SitemapList("ouderbijeenkomsten", ParentMeeting.objects.order_by("-starts_at", "pk"))


@hooks.register(HEALTH_CHECKS)
def database_health():
    return HealthCheck("database", health.check_database)


@hooks.register(HEALTH_CHECKS)
def cache_health():
    return HealthCheck("cache", health.check_cache, critical=False)


@hooks.register(HEALTH_CHECKS)
def elasticsearch_health():
    """Only while Elasticsearch is the configured engine (search falls back to the database when it is down)."""
    if settings.KENNISPLEIN_SEARCH.get("ENGINE") != "elasticsearch":
        return None
    return HealthCheck("elasticsearch", health.check_elasticsearch, critical=False)


@hooks.register(EDITOR_TASKS)
def own_drafts_tasks():
    return EditorTasks("drafts", _("Uw concepten"), own_drafts, _("U heeft geen onafgemaakte concepten."), order=20)


@hooks.register(PAGE_HOLES)
def bell_hole():
    return Hole("bell", bells)


@hooks.register(PAGE_HOLES)
def follow_hole():
    return Hole("follow", follow_forms)
