"""The audit log of security events."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """A security-relevant event, for beheerders to read (community/core/audit.py records them)."""

    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    event = models.CharField(_("gebeurtenis"), max_length=60)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(_("door (bij het vastleggen)"), max_length=254, blank=True)
    target = models.CharField(_("betreft"), max_length=254, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["event", "-created_at"])]
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("auditlog")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.event} {self.target}"
