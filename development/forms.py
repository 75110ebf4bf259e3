import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import requirements
from .attendance import MAX_IMPORT_BYTES
from .models import DevelopmentProfile, ManualActivity


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = DevelopmentProfile
        fields = ["period_start", "norm", "custom_training", "custom_reflection", "custom_free"]
        localized_fields = ["custom_training", "custom_reflection", "custom_free"]
        widgets = {"period_start": DateInput()}
        help_texts = {
            "custom_training": _("Alleen bij een eigen norm."),
            "custom_reflection": _("Alleen bij een eigen norm."),
            "custom_free": _("Alleen bij een eigen norm."),
        }

    def clean_period_start(self):
        start = self.cleaned_data["period_start"]
        today = timezone.localdate()
        if start > today:
            raise forms.ValidationError(
                _("Het begin van uw periode ligt in de toekomst. Kies de datum waarop die begon.")
            )
        if start < today - datetime.timedelta(days=365 * 50):
            raise forms.ValidationError(_("Kies een datum in de afgelopen vijftig jaar."))
        return start

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("norm") == requirements.CUSTOM:
            for name in ("custom_training", "custom_reflection", "custom_free"):
                if cleaned.get(name) is None:
                    self.add_error(name, _("Vul bij een eigen norm het aantal uren in (0 mag)."))
        return cleaned


class ManualActivityForm(forms.ModelForm):
    class Meta:
        model = ManualActivity
        fields = ["date", "title", "category", "hours", "accreditation_number", "provider"]
        localized_fields = ["hours"]
        widgets = {"date": DateInput()}
        help_texts = {
            "hours": _("Bijvoorbeeld 1,5. Bij SKJ telt één punt als één uur."),
            "accreditation_number": _("Als de activiteit door het SKJ is geaccrediteerd."),
        }

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Voer alleen activiteiten in die al hebben plaatsgevonden."))
        return day


class AttendanceCodeForm(forms.Form):
    code = forms.CharField(label=_("Aanwezigheidscode"), max_length=20, strip=True)


class CompletionForm(forms.Form):
    reflection = forms.CharField(
        label=_("Korte reflectie"),
        help_text=_("Wat neemt u uit deze module mee naar uw werk? Minstens een paar zinnen."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=3000,
        required=False,
    )

    def __init__(self, *args, requires_reflection=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.requires_reflection = requires_reflection

    def clean_reflection(self):
        text = self.cleaned_data["reflection"]
        if self.requires_reflection and len(text) < 50:
            raise forms.ValidationError(
                _("Deze module vraagt een korte reflectie van minstens 50 tekens voordat u hem afrondt.")
            )
        return text


class AttendeeListForm(forms.Form):
    attendees = forms.FileField(
        label=_("Deelnemerslijst (CSV)"),
        help_text=_("De export van het vergaderprogramma, met een kolom e-mailadressen. Hoogstens 1 MB."),
    )

    def clean_attendees(self):
        upload = self.cleaned_data["attendees"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 1 MB."))
        return upload


class VerifyForm(forms.Form):
    code = forms.CharField(label=_("Verificatiecode"), max_length=40, help_text=_("Bijvoorbeeld ABCD-EFGH-JKLM."))
