from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from . import audit, health, page_cache  # noqa: F401

        health.register_configured()
        audit.connect()
        page_cache.connect()
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
