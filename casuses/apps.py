from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasusesConfig(AppConfig):
    name = "casuses"
    verbose_name = _("Casussen")

    def ready(self):
        from community.core import personal_data
        from community.site import home
        from search.documents import register

        from . import moderation, privacy
        from .search import CasusAdapter

        register(CasusAdapter())
        moderation.silence_stock_workflow_mails()
        personal_data.register("casussen", export=privacy.export_casuses, erase=privacy.erase_casuses)
        from community.core import contributions
        from community.notify import digest
        from methodology import phase_links

        from .integrations import casuses_for_phase, member_contributions, new_casuses_since

        phase_links.register(_("Casussen"), casuses_for_phase, key="casuses", order=30)
        digest.register("new_casuses", new_casuses_since)
        contributions.register_for_member("casussen", member_contributions, title=_("Casussen en reacties"), order=20)
        home.register(
            home.HomeSection(
                key="casussen", title=_("Recente casussen"), items=privacy.home_items, order=30, more_url="/casussen/"
            )
        )
