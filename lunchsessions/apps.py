from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LunchSessionsConfig(AppConfig):
    name = "lunchsessions"
    verbose_name = _("Lunchsessies")

    def ready(self):
        from wagtail.signals import page_published

        from community.core import personal_data
        from community.site import home
        from search.documents import register

        from . import personal_data as lunch_data
        from .home import upcoming_cards
        from .search import LunchSessionAdapter
        from .signals import fill_places_after_publish

        home.register(
            home.HomeSection(key="lunchsessions", title=_("Lunchsessies"), items=upcoming_cards, order=30, more_url="/lunchsessies/")
        )
        register(LunchSessionAdapter())
        personal_data.register("lunchsessies", export=lunch_data.export, erase=lunch_data.erase)
        page_published.connect(fill_places_after_publish, dispatch_uid="lunchsessions_fill_places")

        from community.notify import digest
        from methodology import phase_links

        from .integrations import recaps_since, sessions_for_phase, upcoming_since

        phase_links.register(_("Lunchsessies"), sessions_for_phase, key="lunchsessions", order=40)
        digest.register("new_recaps", recaps_since)
        digest.register("upcoming_sessions", upcoming_since)
