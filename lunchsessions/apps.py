from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LunchSessionsConfig(AppConfig):
    name = "lunchsessions"
    verbose_name = _("Lunchsessies")

    def ready(self):
        # What lunch sessions add to the site's extension points is in lunchsessions/wagtail_hooks.py.
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published

        from .models import Registration
        from .signals import fill_places_after_publish, recap_published

        post_save.connect(Registration.forget_statuses, sender=Registration, dispatch_uid="lunchsessions_statuses")
        post_delete.connect(
            Registration.forget_statuses, sender=Registration, dispatch_uid="lunchsessions_statuses_del"
        )

        page_published.connect(fill_places_after_publish, dispatch_uid="lunchsessions_fill_places")
        page_published.connect(recap_published, dispatch_uid="lunchsessions_recap_published")
