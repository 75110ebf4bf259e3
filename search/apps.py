from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Zoeken")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals, store

        post_migrate.connect(store.drop_orphans, sender=self, dispatch_uid="search-drop-orphans")
        signals.connect()
