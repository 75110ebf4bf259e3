from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevelopmentConfig(AppConfig):
    """Mijn ontwikkeling: a member's participation record for SKJ re-registration."""

    name = "development"
    verbose_name = _("Mijn ontwikkeling")
