"""Notifications: what a member follows, the events that reach them (the notification centre, mails and
digests all read the same ``Notification`` rows), their settings per topic and the digests sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationPreference(models.Model):
    """Per topic, the channel a member chose: every event also shows in the notification centre."""

    IMMEDIATE = "immediate"
    DAILY = "daily"
    WEEKLY = "weekly"
    OFF = "off"
    CHOICES = [
        (IMMEDIATE, _("Direct per e-mail")),
        (DAILY, _("In het dagelijkse overzicht")),
        (WEEKLY, _("In het wekelijkse overzicht")),
        (OFF, _("Geen e-mail (alleen bij Meldingen)")),
    ]
    TOPICS = ("casus_reactions", "mentions", "new_casuses", "new_recaps", "upcoming_sessions")
    DEFAULTS = {
        "casus_reactions": IMMEDIATE,
        "mentions": IMMEDIATE,
        "new_casuses": WEEKLY,
        "new_recaps": WEEKLY,
        "upcoming_sessions": WEEKLY,
    }

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    casus_reactions = models.CharField(
        _("nieuwe reacties op casussen die ik volg"),
        max_length=10,
        choices=CHOICES,
        default=DEFAULTS["casus_reactions"],
    )
    mentions = models.CharField(
        _("als een collega mij noemt (@)"), max_length=10, choices=CHOICES, default=DEFAULTS["mentions"]
    )
    new_casuses = models.CharField(
        _("nieuwe casussen in fases en tags die ik volg"),
        max_length=10,
        choices=CHOICES,
        default=DEFAULTS["new_casuses"],
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
    """One digest mailed to one member: recorded so that no digest goes out twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_digests")
    week = models.CharField(
        _("periode"),
        max_length=10,
        help_text=_("ISO-week van het weekoverzicht (2026-W47) of dag van het dagoverzicht (2026-11-18)."),
    )
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    item_count = models.PositiveIntegerField(_("aantal onderwerpen"), default=0)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [models.UniqueConstraint(fields=["user", "week"], name="one_digest_per_user_per_week")]
        verbose_name = _("verstuurd overzicht")
        verbose_name_plural = _("verstuurde overzichten")

    def __str__(self):
        return f"{self.user} {self.week}"


class Follow(models.Model):
    """A member follows a target (``NOTIFICATION_TARGETS``: a casus, a phase, a tag, a series)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    target_kind = models.CharField(_("soort"), max_length=20)
    target_id = models.PositiveIntegerField(_("id"))
    created_at = models.DateTimeField(_("sinds"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "target_kind", "target_id"], name="one_follow_per_target")
        ]
        indexes = [models.Index(fields=["target_kind", "target_id"])]
        verbose_name = _("gevolgd onderwerp")
        verbose_name_plural = _("gevolgde onderwerpen")

    def __str__(self):
        return f"{self.user_id} {self.target_kind}:{self.target_id}"


class Notification(models.Model):
    """One event for one member: shown in the centre (/meldingen/), mailed by the channel of its topic.

    The target's title and URL are never stored: they are looked up, with the member's access, each time
    the notification is shown or mailed (``community.notify.events.resolved``).
    """

    class Kind(models.TextChoices):
        REACTION = "reaction", _("nieuwe reactie")
        MENTION = "mention", _("vermelding")
        NEW_CASUS = "new_casus", _("nieuwe casus")
        RECAP = "recap", _("nieuwe terugblik")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    target_kind = models.CharField(_("soort onderwerp"), max_length=20)
    target_id = models.PositiveIntegerField(_("onderwerp"))
    detail_id = models.PositiveIntegerField(_("detail"), default=0, help_text=_("Bijvoorbeeld de reactie; 0: geen."))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    channel = models.CharField(_("kanaal"), max_length=10, choices=NotificationPreference.CHOICES)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)
    mailed_at = models.DateTimeField(
        _("gemaild op"), null=True, blank=True, help_text=_("Direct of in een overzicht; leeg: nog niet (of nooit).")
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "target_kind", "target_id", "detail_id"], name="one_notification_per_event"
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["channel", "mailed_at"]),
        ]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")

    def __str__(self):
        return f"{self.kind} {self.target_kind}:{self.target_id} -> {self.recipient_id}"
