from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from . import audit, health, page_cache, public_content  # noqa: F401

        health.register_configured()
        audit.connect()
        public_content.connect()
        page_cache.connect()
        _drop_wagtails_view_restriction_check()
        from . import permissions

        permissions.connect()
        from . import contributions, personal_data
        from .account_views import erase_core, export_core
        from .organisations import organisation_meetings

        personal_data.register("kennisplein", export=export_core, erase=erase_core)
        from search.documents import register as register_search

        from .search import OrganisationAdapter, ParentMeetingAdapter

        register_search(OrganisationAdapter())
        register_search(ParentMeetingAdapter())
        from . import sitemaps
        from .models import Organisation, ParentMeeting, Region

        sitemaps.register("organisaties", Organisation.objects.order_by("name", "pk"))
        sitemaps.register("regios", Region.objects.order_by("name", "pk"))
        sitemaps.register("ouderbijeenkomsten", ParentMeeting.objects.order_by("-starts_at", "pk"))
        from . import home
        from .organisations import upcoming_meeting_cards

        home.register(home.HomeSection(
            key="parent_meetings", title=_("Komende ouderbijeenkomsten"), items=upcoming_meeting_cards, order=90,
            more_url="/organisaties/ouderbijeenkomsten/",
        ))
        contributions.register_for_organisation(
            "ouderbijeenkomsten", organisation_meetings, title=_("Ouderbijeenkomsten die zij mede organiseren"), order=50
        )


def _drop_wagtails_view_restriction_check():
    """community.wagtail_hooks.serve_restricted_pages_as_teaser decides who sees a page; Wagtail's
    own check would read the same restrictions again on every page view (two more queries)."""
    from wagtail import hooks
    from wagtail import wagtail_hooks as wagtail_core_hooks

    serve_hooks = hooks._hooks.get("on_serve_page", [])
    serve_hooks[:] = [(fn, order) for fn, order in serve_hooks if fn is not wagtail_core_hooks.check_view_restrictions]
