"""Membership applications, decided by a beheerder."""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _


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
    @admin.display(description=_("Aanvrager"))
    def applicant(self) -> str:
        name = self.user.get_full_name()
        return f"{name} <{self.user.email}>" if name else self.user.email
