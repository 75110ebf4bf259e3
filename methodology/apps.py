from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodologyConfig(AppConfig):
    name = "methodology"
    verbose_name = _("Methodiek")

    def ready(self):
        # What the methodiek adds to the site's extension points is in methodology/wagtail_hooks.py.
        from . import fragments

        fragments.connect()
