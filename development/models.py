"""Mijn ontwikkeling: what a member did that counts for SKJ re-registration.

Attendance of lunch sessions (recorded by an editor, by the session's code, or from the meeting tool's
list), completed training modules, casus intervisie (read from the casuses themselves) and activities
a member adds by hand. Certificates ("Bewijs van deelname") are snapshots: they stay verifiable after
the attendance or the account is gone, without the name.
"""

import datetime
import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet

from community.core.skj import SkjCategory

from . import requirements

# Unambiguous characters (no 0/O, 1/I/L): codes are read aloud and typed over.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ATTENDANCE_CODE_LENGTH = 6
CERTIFICATE_CODE_LENGTH = 12
HOURS_FIELD = {"max_digits": 5, "decimal_places": 1}


def random_code(length: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(text: str) -> str:
    """What a person typed (dashes, spaces, lower case) as stored."""
    return "".join(char for char in str(text).upper() if char.isalnum())


class DevelopmentProfile(models.Model):
    """The member's SKJ period and the norm they measure against."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="development")
    period_start = models.DateField(
        _("begin van uw registratieperiode"),
        help_text=_("De datum waarop uw huidige periode van vijf jaar bij het SKJ begon (zie Mijn SKJ)."),
    )
    norm = models.CharField(_("norm"), max_length=12, choices=requirements.choices, default=requirements.DEFAULT_NORM)
    custom_training = models.DecimalField(_("scholing (uren)"), null=True, blank=True, **HOURS_FIELD)
    custom_reflection = models.DecimalField(_("reflectie (uren)"), null=True, blank=True, **HOURS_FIELD)
    custom_free = models.DecimalField(_("vrije ruimte (uren)"), null=True, blank=True, **HOURS_FIELD)

    class Meta:
        verbose_name = _("ontwikkelprofiel")
        verbose_name_plural = _("ontwikkelprofielen")

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"

    def requirement(self) -> requirements.Norm:
        if self.norm != requirements.CUSTOM:
            return requirements.NORMS.get(self.norm, requirements.NORMS[requirements.DEFAULT_NORM])
        hours = {
            SkjCategory.TRAINING: self.custom_training,
            SkjCategory.REFLECTION: self.custom_reflection,
            SkjCategory.FREE: self.custom_free,
        }
        return requirements.Norm(
            requirements.CUSTOM, _("Eigen norm"), {key: value or Decimal(0) for key, value in hours.items()}
        )


class SessionCode(models.Model):
    """The short code shown during a lunch session; members enter it on the session page in its hours."""

    session = models.OneToOneField(
        "lunchsessions.LunchSessionPage", on_delete=models.CASCADE, related_name="attendance_code"
    )
    code = models.CharField(max_length=ATTENDANCE_CODE_LENGTH)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aanwezigheidscode")
        verbose_name_plural = _("aanwezigheidscodes")

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"

    @classmethod
    def for_session(cls, session, *, renew=False) -> "SessionCode":
        code, created = cls.objects.get_or_create(
            session=session, defaults={"code": random_code(ATTENDANCE_CODE_LENGTH)}
        )
        if renew and not created:
            code.code = random_code(ATTENDANCE_CODE_LENGTH)
            code.save(update_fields=["code", "created_at"])
        return code

    def matches(self, typed: str) -> bool:
        return secrets.compare_digest(normalise_code(typed), self.code)


class Attendance(models.Model):
    """A member was at a session. A registration is not attendance: only this is."""

    class Source(models.TextChoices):
        EDITOR = "editor", _("aangevinkt door de redactie")
        CODE = "code", _("aanwezigheidscode")
        IMPORT = "import", _("deelnemerslijst")

    session = models.ForeignKey(
        "lunchsessions.LunchSessionPage", on_delete=models.CASCADE, related_name="attendances", verbose_name=_("sessie")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("lid")
    )
    source = models.CharField(_("vastgelegd via"), max_length=8, choices=Source.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheden")
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="development_one_attendance")]

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"


class TrainingCompletion(models.Model):
    module = models.ForeignKey(
        "methodology.TrainingModulePage", on_delete=models.CASCADE, related_name="completions", verbose_name=_("module")
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_completions")
    reflection = models.TextField(_("reflectie"), blank=True, max_length=3000)
    completed_at = models.DateTimeField(_("afgerond op"), default=timezone.now)

    class Meta:
        verbose_name = _("afgeronde module")
        verbose_name_plural = _("afgeronde modules")
        constraints = [models.UniqueConstraint(fields=["module", "user"], name="development_one_completion")]

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"


@register_snippet
class IntervisieSeries(models.Model):
    """An accredited stretch of casus intervisie: between two dates, a casus a member posted and closed
    with a follow-up, and each reaction they gave, count the hours set here under this number. Outside
    a series intervisie shows as activity without hours."""

    title = models.CharField(_("naam"), max_length=200)
    accreditation_number = models.CharField(_("accreditatienummer"), max_length=50)
    starts_on = models.DateField(_("vanaf"))
    ends_on = models.DateField(_("tot en met"))
    hours_per_casus = models.DecimalField(
        _("uren per afgesloten casus"), default=Decimal("1.0"), validators=[MinValueValidator(0)], **HOURS_FIELD
    )
    hours_per_reaction = models.DecimalField(
        _("uren per reactie"), default=Decimal("0.5"), validators=[MinValueValidator(0)], **HOURS_FIELD
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("accreditation_number"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldRowPanel([FieldPanel("hours_per_casus"), FieldPanel("hours_per_reaction")]),
    ]

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("geaccrediteerde intervisiereeks")
        verbose_name_plural = _("geaccrediteerde intervisiereeksen")

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("De einddatum ligt voor de begindatum.")})

    def covers(self, day: datetime.date) -> bool:
        return self.starts_on <= day <= self.ends_on


class ManualActivity(models.Model):
    """An activity from elsewhere that the member adds themselves (marked as self-reported)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="manual_activities")
    date = models.DateField(_("datum"))
    title = models.CharField(_("titel"), max_length=200)
    category = models.CharField(_("categorie"), max_length=12, choices=SkjCategory.choices)
    hours = models.DecimalField(
        _("duur in uren"), validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(500)], **HOURS_FIELD
    )
    accreditation_number = models.CharField(_("accreditatienummer"), max_length=50, blank=True)
    provider = models.CharField(_("aanbieder"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("zelf ingevoerde activiteit")
        verbose_name_plural = _("zelf ingevoerde activiteiten")

    def __str__(self):
        return self.title


class Certificate(models.Model):
    """A "Bewijs van deelname" as issued: what it says is copied, so it verifies after the session was
    edited or the account deleted (the name is then erased)."""

    code = models.CharField(max_length=CERTIFICATE_CODE_LENGTH, unique=True)
    attendance = models.OneToOneField(
        Attendance, null=True, blank=True, on_delete=models.SET_NULL, related_name="certificate"
    )
    holder_name = models.CharField(max_length=300, blank=True)
    title = models.CharField(max_length=255)
    held_on = models.DateField()
    hours = models.DecimalField(**HOURS_FIELD)
    accreditation_number = models.CharField(max_length=50, blank=True)
    points = models.DecimalField(null=True, blank=True, max_digits=4, decimal_places=1)
    issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bewijs van deelname")
        verbose_name_plural = _("bewijzen van deelname")

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"

    @property
    def display_code(self) -> str:
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))
