from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .home import sections_for


class HomePage(Page):
    intro = models.CharField(_("introductie"), max_length=300, blank=True)
    body = RichTextField(_("tekst"), blank=True, features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("homepagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections_for(request)
        return context


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    place = models.CharField(_("plaats"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    certified_since = models.DateField(_("gecertificeerd lid sinds"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self):
        return self.name

    @property
    def is_certified(self):
        return self.certified_since is not None


class MemberProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    profession = models.CharField(_("beroep"), max_length=120, blank=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="members",
    )
    organisation_name = models.CharField(_("organisatie (vrije tekst)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("ledenprofiel")
        verbose_name_plural = _("ledenprofielen")

    def __str__(self):
        return self.user.get_full_name() or self.user.email


class MembershipApplication(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("In behandeling")
        APPROVED = "approved", _("Goedgekeurd")
        REJECTED = "rejected", _("Afgewezen")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership_application"
    )
    profession = models.CharField(_("beroep"), max_length=120)
    organisation = models.CharField(_("organisatie"), max_length=200)
    motivation = models.TextField(_("motivatie"), max_length=2000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decision_reason = models.TextField(_("toelichting bij het besluit"), blank=True, max_length=2000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("ingediend op"), auto_now_add=True)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["status", "-submitted_at"])]
        verbose_name = _("lidmaatschapsaanvraag")
        verbose_name_plural = _("lidmaatschapsaanvragen")

    def __str__(self):
        return f"{self.applicant} ({self.get_status_display()})"

    @property
    def applicant(self) -> str:
        name = self.user.get_full_name()
        return f"{name} <{self.user.email}>" if name else self.user.email


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

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference")
    casus_reactions = models.CharField(
        _("nieuwe reacties op mijn casus"), max_length=10, choices=CHOICES, default=DEFAULTS["casus_reactions"]
    )
    new_casuses = models.CharField(
        _("nieuwe casussen met mijn tags of fase"), max_length=10, choices=CHOICES, default=DEFAULTS["new_casuses"]
    )
    new_recaps = models.CharField(_("nieuwe terugblikken"), max_length=10, choices=CHOICES, default=DEFAULTS["new_recaps"])
    upcoming_sessions = models.CharField(
        _("komende lunchsessies"), max_length=10, choices=CHOICES, default=DEFAULTS["upcoming_sessions"]
    )

    class Meta:
        verbose_name = _("meldingsinstelling")
        verbose_name_plural = _("meldingsinstellingen")


class AuditEvent(models.Model):
    """A security-relevant event, for beheerders to read (community/audit.py records them)."""

    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    event = models.CharField(_("gebeurtenis"), max_length=60)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), null=True, blank=True, on_delete=models.SET_NULL,
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
