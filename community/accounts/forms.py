from django import forms
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from community.models import MembershipApplication, NotificationPreference


class SignupNameForm(forms.Form):
    """Extra fields on allauth's sign-up form: members are professionals with a name."""

    first_name = forms.CharField(
        label=_("Voornaam"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Achternaam"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"].strip()
        user.last_name = self.cleaned_data["last_name"].strip()
        user.save(update_fields=["first_name", "last_name"])


class MembershipApplicationForm(forms.ModelForm):
    class Meta:
        model = MembershipApplication
        fields = ["profession", "organisation", "motivation"]
        labels = {
            "profession": _("Beroep"),
            "organisation": _("Organisatie"),
            "motivation": _("Waarom wilt u lid worden?"),
        }
        help_texts = {
            "profession": _("Bijvoorbeeld jeugdhulpverlener, advocaat, gedragswetenschapper of mediator."),
            "motivation": _("Vertel kort hoe u in uw werk met scheidende ouders te maken hebt (maximaal 2000 tekens)."),
        }
        widgets = {
            "profession": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "motivation": forms.Textarea(attrs={"rows": 6, "maxlength": 2000}),
        }

    def clean_motivation(self):
        motivation = self.cleaned_data["motivation"].strip()
        if len(motivation) < 20:
            raise forms.ValidationError(_("Schrijf ten minste 20 tekens over uw motivatie."))
        return motivation


class MembershipDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Besluit"),
        choices=[
            (MembershipApplication.Status.APPROVED, _("Goedkeuren")),
            (MembershipApplication.Status.REJECTED, _("Afwijzen")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Toelichting voor de aanvrager"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == MembershipApplication.Status.REJECTED and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Geef bij een afwijzing een toelichting voor de aanvrager."))
        return cleaned


class NotificationPreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = list(NotificationPreference.TOPICS)
        widgets = {topic: forms.RadioSelect for topic in NotificationPreference.TOPICS}
        labels = {
            "casus_reactions": gettext_lazy(
                "Nieuwe reacties op casussen die ik volg (mijn eigen casussen volg ik vanzelf)"
            ),
            "mentions": gettext_lazy("Als een collega mij noemt (@naam)"),
            "new_casuses": gettext_lazy("Nieuwe casussen in fases en tags die ik volg, of met mijn expertise"),
            "new_recaps": gettext_lazy("Nieuwe terugblikken op lunchsessies"),
            "upcoming_sessions": gettext_lazy("Komende lunchsessies"),
        }


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Uw wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=gettext_lazy("Ter bevestiging. Verwijderen kan niet ongedaan worden gemaakt."),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "Ik begrijp dat mijn account en profiel verdwijnen en mijn casussen en reacties "
            "geanonimiseerd blijven staan."
        ),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."))
        return password
