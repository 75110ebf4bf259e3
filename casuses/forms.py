import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from community.core.validators import visible_text
from methodology.models import Phase

from .checking import AnonymityCheckedForm, all_findings
from .vocabulary import AGE_BANDS, Perspective

HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")


def plain_text(value: str) -> None:
    if HTML_TAG.search(value or ""):
        raise ValidationError(
            _("Gebruik gewone tekst zonder HTML-code (zoals <script> of <b>). Haal de code weg en probeer het opnieuw.")
        )


def _text(label, max_length, help_text="", rows=6, required=True):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        strip=True,
        validators=[plain_text, visible_text],
        widget=forms.Textarea(attrs={"rows": rows, "maxlength": max_length, "data-anonymity-field": "1"}),
        error_messages={
            "required": _("Vul dit veld in."),
            "max_length": _("Deze tekst is te lang: maximaal %(limit_value)d tekens (nu %(show_value)d)."),
        },
    )


class CasusForm(AnonymityCheckedForm):
    CHECKED_FIELDS = ("title", "situation", "question", "tags")

    title = forms.CharField(
        label=_("Titel"),
        max_length=120,
        validators=[plain_text, visible_text],
        help_text=_("Kort en zonder namen of plaatsen, bijvoorbeeld: 'Puber weigert contact met vader'."),
        widget=forms.TextInput(attrs={"maxlength": 120, "data-anonymity-field": "1", "autocomplete": "off"}),
        error_messages={
            "required": _("Geef de casus een titel."),
            "max_length": _("De titel is te lang: maximaal %(limit_value)d tekens (nu %(show_value)d)."),
        },
    )
    situation = _text(
        _("Situatie"),
        6000,
        _(
            "Beschrijf de situatie zonder namen, adressen, scholen of data. Gebruik rollen: [MOEDER], [VADER], [KIND 1]."
        ),
        rows=10,
    )
    question = _text(
        _("Vraag aan collega's"), 2000, _("Wat wilt u weten? Bijvoorbeeld: 'Hoe zouden jullie dit oppakken?'"), rows=4
    )
    age_band = forms.ChoiceField(
        label=_("Leeftijd van het kind"),
        choices=[("", _("Kies een leeftijdsgroep"))] + AGE_BANDS,
        error_messages={"required": _("Kies de leeftijdsgroep van het kind.")},
    )
    phase = forms.ModelChoiceField(
        label=_("Fase van de methodiek"),
        queryset=None,
        required=False,
        empty_label=_("Geen of onbekend"),
        to_field_name="slug",
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=200,
        validators=[plain_text],
        help_text=_("Trefwoorden gescheiden door komma's, bijvoorbeeld: contactverlies, overdracht."),
        widget=forms.TextInput(attrs={"data-anonymity-field": "1", "autocomplete": "off"}),
        error_messages={"max_length": _("Te veel tags: maximaal %(limit_value)d tekens.")},
    )
    show_on_profile = forms.BooleanField(
        label=_("Toon deze casus als mijn bijdrage op mijn ledenprofiel"),
        required=False,
        help_text=_("Uw naam staat altijd bij de casus; dit bepaalt alleen of hij ook op uw profiel verschijnt."),
    )
    confirm_warnings = forms.BooleanField(
        label=_("Ik heb de waarschuwingen bekeken: deze gegevens zijn nodig en maken het gezin niet herkenbaar."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].queryset = Phase.objects.all()

    def clean_tags(self):
        names = [name.strip()[:100] for name in self.cleaned_data["tags"].split(",")]
        return sorted({name for name in names if name})[:10]


class ReactionForm(AnonymityCheckedForm):
    CHECKED_FIELDS = ("body",)

    body = _text(_("Uw reactie"), 4000, _("Deel uw advies of ervaring. Noem geen namen, plaatsen of scholen."), rows=6)
    perspective = forms.ChoiceField(
        label=_("Vanuit welk perspectief reageert u?"), choices=Perspective.choices, required=False
    )
    confirm_warnings = forms.BooleanField(
        label=_("Ik heb de waarschuwingen bekeken: deze gegevens maken niemand herkenbaar."), required=False
    )


class ReasonForm(forms.Form):
    reason = _text(_("Reden"), 1000, rows=3)


class CloseForm(AnonymityCheckedForm):
    CHECKED_FIELDS = ("follow_up",)

    follow_up = _text(
        _("Vervolg: wat heeft u gedaan en wat leverde het op?"),
        4000,
        _("Collega's leren van uw vervolg. Ook hier geen namen of andere herkenbare gegevens."),
        rows=5,
    )
    confirm_warnings = forms.BooleanField(
        label=_("Ik heb de waarschuwingen bekeken: deze gegevens maken niemand herkenbaar."), required=False
    )


def field_rows(form, checked) -> dict:
    """Each visible field with its own findings, so they show next to the field they concern; the
    summary with "alles vervangen" follows the last checked field."""
    by_name = {field.name: field for field in checked}
    return {
        "rows": [
            {"field": field, "checked": field.name in form.CHECKED_FIELDS, "findings": by_name.get(field.name)}
            for field in form.visible_fields()
        ],
        "checked": checked,
        "total": len(all_findings(checked)),
        "last_checked": form.CHECKED_FIELDS[-1],
    }
