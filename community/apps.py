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
