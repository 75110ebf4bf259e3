from types import SimpleNamespace

from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from community.accounts.admin_views import audit_event_viewset, membership_application_viewset
from community.core import access, page_cache


@hooks.register("on_serve_page", order=-20)
def serve_restricted_pages_as_teaser(serve):
    """The one restriction check of the site's pages: reads the restriction table once per request.

    A visitor who may not see a page gets its teaser and a way in, never the body. It replaces
    Wagtail's own ``check_view_restrictions`` (removed in CommunityConfig.ready), which would read
    the restrictions again; password restrictions have the audience "nobody", so they get the teaser.
    """

    def inner(page, request, serve_args, serve_kwargs):
        audience = access.request_page_audience(request, page)
        if not (access.may_see_audience(request.user, audience) if page.live else access.can_view_page(request.user, page)):
            return _teaser_response(request, page, audience)
        if (
            not request.user.is_authenticated
            and page.live
            and audience == access.PUBLIC
            and getattr(page.specific_class, "cache_anonymous_views", True)
        ):
            page_cache.mark_cacheable(request, page)
        response = serve(page, request, serve_args, serve_kwargs)
        if audience != access.PUBLIC:
            add_never_cache_headers(response)
        return response

    return inner


def _teaser_response(request, page, audience):
    specific = page.specific
    if access.may_show_title(request.user, access.page_kind(page), audience):
        shown, teaser = page, getattr(specific, "teaser", "") or page.search_description
    else:
        # The title is restricted content too (a casus, a page of an undecided kind): a stand-in instead.
        shown = specific.restricted_stand_in() if hasattr(specific, "restricted_stand_in") else _stand_in()
        teaser = getattr(shown, "teaser", "")
    response = TemplateResponse(request, "components/restricted_page.html", {"page": shown, "teaser": teaser}, status=403)
    add_never_cache_headers(response)
    return response


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
from wagtail.snippets.models import register_snippet  # noqa: E402
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup  # noqa: E402

from community.models import Offer, Organisation, ParentMeeting, Region  # noqa: E402


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
    from community.site.dashboard import EditorTasksPanel, may_edit_content

    if may_edit_content(request.user):
        panels.append(EditorTasksPanel())
