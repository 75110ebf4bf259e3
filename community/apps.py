from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from community.core import audit, health, page_cache, public_content  # noqa: F401

        health.register_configured()
        audit.connect()
        public_content.connect()
        page_cache.connect()
        _drop_wagtails_view_restriction_check()
        from community.core import permissions

        permissions.connect()
        from community.accounts.views import erase_core, export_core
        from community.core import contributions, personal_data
        from community.network.organisations import organisation_meetings

        personal_data.register("kennisplein", export=export_core, erase=erase_core)
        from community.network.search import OrganisationAdapter, ParentMeetingAdapter
        from search.documents import register as register_search

        register_search(OrganisationAdapter())
        register_search(ParentMeetingAdapter())
        from community.models import Organisation, ParentMeeting, Region
        from community.site import sitemaps

        sitemaps.register("organisaties", Organisation.objects.order_by("name", "pk"))
        sitemaps.register("regios", Region.objects.order_by("name", "pk"))
        sitemaps.register("ouderbijeenkomsten", ParentMeeting.objects.order_by("-starts_at", "pk"))
        from community.network.organisations import upcoming_meeting_cards
        from community.site import home

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
