from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from . import health  # noqa: F401

        from search.documents import register

        from .search import OrganisationAdapter

        register(OrganisationAdapter())
