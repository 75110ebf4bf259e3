from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LunchSessionsConfig(AppConfig):
    name = "lunchsessions"
    verbose_name = _("Lunchsessies")
