from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasusesConfig(AppConfig):
    name = "casuses"
    verbose_name = _("Casussen")
