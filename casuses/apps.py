from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasusesConfig(AppConfig):
    name = "casuses"
    verbose_name = _("Casussen")

    def ready(self):
        # What casussen add to the site's extension points is in casuses/wagtail_hooks.py.
        from . import moderation, notifications  # noqa: F401 - notifications: its signal receivers

        moderation.silence_stock_workflow_mails()

        from django.db.models.signals import post_delete, post_save

        from .models.casus import Appreciation

        post_save.connect(Appreciation.forget_given, sender=Appreciation, dispatch_uid="casuses_appreciations")
        post_delete.connect(Appreciation.forget_given, sender=Appreciation, dispatch_uid="casuses_appreciations_del")
