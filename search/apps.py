from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Zoeken")

    def ready(self):
        from django.db.models.signals import post_migrate

        from community.core import health

        from . import signals, store
        from .health import check_search

        post_migrate.connect(store.drop_orphans, sender=self, dispatch_uid="search-drop-orphans")
        self._connect_synonyms()

        health.register("search", check_search, critical=False)  # search falls back, the site stays up
        signals.connect()

    def _connect_synonyms(self):
        from django.db.models.signals import post_delete, post_save

        from . import synonyms
        from .models import SynonymGroup

        post_save.connect(synonyms.changed, sender=SynonymGroup, dispatch_uid="search-synonyms-saved")
        post_delete.connect(synonyms.changed, sender=SynonymGroup, dispatch_uid="search-synonyms-deleted")
