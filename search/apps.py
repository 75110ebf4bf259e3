from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Zoeken")

    def ready(self):
        from community.core import health

        from . import signals
        from .health import check_search

        health.register("search", check_search, critical=False)  # search falls back, the site stays up
        signals.connect()
