"""Forms of the member directory and of editing one's profile."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.models import MemberProfile, Region


class DirectoryFilterForm(forms.Form):
    label_suffix = ""
    q = forms.CharField(label=gettext_lazy("Naam"), required=False, max_length=100)
    beroep = forms.CharField(label=gettext_lazy("Beroep"), required=False, max_length=100)
    regio = forms.ModelChoiceField(
        label=gettext_lazy("Regio"),
        queryset=Region.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("Alle regio's"),
    )
    expertise = forms.CharField(label=gettext_lazy("Expertise"), required=False, max_length=100)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = MemberProfile
        fields = [
            "profession",
            "profession_visibility",
            "organisation",
            "organisation_name",
            "organisation_visibility",
            "region",
            "region_visibility",
            "expertise",
            "expertise_visibility",
            "bio",
            "bio_visibility",
            "contributions_visibility",
            "in_directory",
        ]
        labels = {
            "profession": gettext_lazy("Beroep"),
            "organisation": gettext_lazy("Lidorganisatie"),
            "organisation_name": gettext_lazy("Of: andere organisatie"),
            "region": gettext_lazy("Regio"),
            "expertise": gettext_lazy("Expertise"),
            "bio": gettext_lazy("Korte introductie"),
            "in_directory": gettext_lazy("Toon mij in de ledengids, zodat collega's mij kunnen vinden"),
        }
        help_texts = {
            "organisation_name": gettext_lazy("Als uw organisatie geen lid is van de Vereniging."),
            "bio": gettext_lazy("Waar werkt u aan, waarover kunnen collega's u bellen? Maximaal 1000 tekens."),
        }
        widgets = {"bio": forms.Textarea(attrs={"rows": 5, "maxlength": 1000})}

    def clean_expertise(self):
        tags = self.cleaned_data["expertise"]
        if len(tags) > 15:
            raise forms.ValidationError(_("Kies hooguit 15 onderwerpen."))
        if any(len(tag) > 50 for tag in tags):
            raise forms.ValidationError(_("Een onderwerp is hooguit 50 tekens lang."))
        return tags
