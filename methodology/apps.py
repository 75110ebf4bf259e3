from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodologyConfig(AppConfig):
    name = "methodology"
    verbose_name = _("Methodiek")

    def ready(self):
        from community.site.home import HomeSection
        from community.site.home import register as register_home_section
        from search.documents import register as register_search_adapter

        from . import fragments, phase_links
        from .home import newest_methodology
        from .related import phase_guides, phase_modules
        from .search import GuideAdapter, PhaseAdapter, TechniqueAdapter, TrainingModuleAdapter

        register_home_section(
            HomeSection(key="methodiek", title=_("Methodiek"), items=newest_methodology, order=10, more_url="/methodiek/")
        )
        fragments.connect()
        register_search_adapter(GuideAdapter())
        register_search_adapter(TrainingModuleAdapter())
        register_search_adapter(PhaseAdapter())
        register_search_adapter(TechniqueAdapter())
        from community.site import sitemaps

        from .models import Phase, Technique

        sitemaps.register("fasen", Phase.objects.order_by("order", "pk"))
        sitemaps.register("technieken", Technique.objects.order_by("name", "pk"))
        phase_links.register(_("Uit de handleidingen"), phase_guides, key="methodology.guides", order=10)
        phase_links.register(_("Training"), phase_modules, key="methodology.training", order=20)
