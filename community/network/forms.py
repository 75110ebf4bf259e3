"""Filter forms of the organisation directory and the ouderbijeenkomsten."""

from django import forms
from django.utils.translation import gettext_lazy

from community.models import Offer, Region


class OrganisationFilterForm(forms.Form):
    label_suffix = ""
    regio = forms.ModelChoiceField(
        label=gettext_lazy("Regio"),
        queryset=Region.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("Alle regio's"),
    )
    aanbod = forms.ModelChoiceField(
        label=gettext_lazy("Aanbod"),
        queryset=Offer.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("Al het aanbod"),
    )
    gecertificeerd = forms.BooleanField(label=gettext_lazy("Alleen gecertificeerde leden"), required=False)


class MeetingFilterForm(forms.Form):
    label_suffix = ""
    regio = forms.ModelChoiceField(
        label=gettext_lazy("Regio"),
        queryset=Region.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("Alle regio's"),
    )
