"""Notification preferences and the record of weekly digests sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationPreference(models.Model):
    IMMEDIATE = "immediate"
    DIGEST = "digest"
    OFF = "off"
    CHOICES = [(IMMEDIATE, _("Direct per e-mail")), (DIGEST, _("In het wekelijkse overzicht")), (OFF, _("Uit"))]
    TOPICS = ("casus_reactions", "new_casuses", "new_recaps", "upcoming_sessions")
    DEFAULTS = {
        "casus_reactions": IMMEDIATE,
        "new_casuses": DIGEST,
        "new_recaps": DIGEST,
        "upcoming_sessions": DIGEST,
    }

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    casus_reactions = models.CharField(
        _("nieuwe reacties op mijn casus"), max_length=10, choices=CHOICES, default=DEFAULTS["casus_reactions"]
    )
    new_casuses = models.CharField(
        _("nieuwe casussen met mijn tags of fase"), max_length=10, choices=CHOICES, default=DEFAULTS["new_casuses"]
    )
    new_recaps = models.CharField(
        _("nieuwe terugblikken"), max_length=10, choices=CHOICES, default=DEFAULTS["new_recaps"]
    )
    upcoming_sessions = models.CharField(
        _("komende lunchsessies"), max_length=10, choices=CHOICES, default=DEFAULTS["upcoming_sessions"]
    )

    class Meta:
        verbose_name = _("meldingsinstelling")
        verbose_name_plural = _("meldingsinstellingen")

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"


class SentDigest(models.Model):
    """One weekly digest mailed to one member: recorded so that no digest goes out twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_digests")
    week = models.CharField(_("week"), max_length=8, help_text=_("ISO-week, bijvoorbeeld 2026-W47."))
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    item_count = models.PositiveIntegerField(_("aantal onderwerpen"), default=0)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [models.UniqueConstraint(fields=["user", "week"], name="one_digest_per_user_per_week")]
        verbose_name = _("verstuurd weekoverzicht")
        verbose_name_plural = _("verstuurde weekoverzichten")

    def __str__(self):
        return f"{self.user} {self.week}"
