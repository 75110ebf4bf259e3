import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from community.core.validators import visible_text
from methodology.models import Phase

from .checking import AnonymityCheckedForm, all_findings
from .vocabulary import AGE_BANDS, REMINDER_WEEKS, ConversationFormat, Perspective, Round

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
    conversation_format = forms.ChoiceField(
        label=_("Vorm van het gesprek"),
        choices=ConversationFormat.choices,
        required=False,
        help_text=_("In rondes leidt u het gesprek als bij intervisie: u bepaalt wanneer de volgende ronde begint."),
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

    def clean_conversation_format(self):
        return self.cleaned_data["conversation_format"] or ConversationFormat.FREE

    def clean_tags(self):
        names = [name.strip()[:100] for name in self.cleaned_data["tags"].split(",")]
        return sorted({name for name in names if name})[:10]


# Colleagues may be named (an @mention), the family and its surroundings never.
NO_NAMES = _("Noem geen namen van cliënten, plaatsen of scholen; een collega noemt u door @ te typen.")


def _with_no_names(text):
    return format_lazy("{} {}", text, NO_NAMES)


class ReactionForm(AnonymityCheckedForm):
    CHECKED_FIELDS = ("body",)

    body = _text(_("Uw reactie"), 4000, _with_no_names(_("Deel uw advies of ervaring.")), rows=6)
    perspective = forms.ChoiceField(
        label=_("Vanuit welk perspectief reageert u?"), choices=Perspective.choices, required=False
    )
    confirm_warnings = forms.BooleanField(
        label=_("Ik heb de waarschuwingen bekeken: deze gegevens maken niemand herkenbaar."), required=False
    )

    def __init__(self, *args, casus=None, is_author=False, **kwargs):
        super().__init__(*args, **kwargs)
        if casus is not None and casus.in_rounds:
            label, help_text = ROUND_FIELD_TEXT[(casus.current_round, is_author)]
            self.fields["body"].label, self.fields["body"].help_text = label, help_text


# What the reaction field asks in each round of a structured casus, for colleagues and for the poster.
ROUND_FIELD_TEXT = {
    (Round.QUESTIONS, False): (
        _("Uw verhelderende vraag"),
        _with_no_names(_("Ronde 1: stel alleen een vraag die de situatie verheldert; adviezen volgen in ronde 2.")),
    ),
    (Round.QUESTIONS, True): (
        _("Uw antwoord op de vragen"),
        _with_no_names(_("Ronde 1: beantwoord de verhelderende vragen van collega's.")),
    ),
    (Round.ADVICE, False): (
        _("Uw advies"),
        _with_no_names(_("Ronde 2: geef uw advies of deel uw ervaring met een vergelijkbare situatie.")),
    ),
    (Round.ADVICE, True): (
        _("Uw aanvulling"),
        _("Ronde 2: collega's geven advies. Vul zo nodig iets aan; uw reflectie volgt in ronde 3."),
    ),
    (Round.REFLECTION, True): (
        _("Uw reflectie"),
        _with_no_names(_("Ronde 3: wat neemt u mee uit de vragen en adviezen, en wat gaat u doen?")),
    ),
    (Round.REFLECTION, False): (_("Uw reactie"), ""),
}


class ReasonForm(forms.Form):
    reason = _text(_("Reden"), 1000, rows=3)


class CloseForm(AnonymityCheckedForm):
    CHECKED_FIELDS = ("follow_up",)

    follow_up = _text(
        _("Vervolg: wat heeft u gedaan en wat leverde het op?"),
        4000,
        _("Collega's leren van uw vervolg. Ook hier geen namen of andere herkenbare gegevens."),
        rows=5,
        required=False,
    )
    remind_weeks = forms.TypedChoiceField(
        label=_("Herinner mij aan het vervolg"),
        choices=[("", _("Geen herinnering"))]
        + [(weeks, format_lazy(_("Over {weeks} weken"), weeks=weeks)) for weeks in REMINDER_WEEKS],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("U krijgt dan één e-mail 'Hoe is het afgelopen?' met een link om het vervolg aan te vullen."),
    )
    confirm_warnings = forms.BooleanField(
        label=_("Ik heb de waarschuwingen bekeken: deze gegevens maken niemand herkenbaar."), required=False
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("follow_up") and not cleaned.get("remind_weeks") and "follow_up" not in self.errors:
            self.add_error(
                "follow_up",
                _("Beschrijf wat u deed en wat het opleverde, of kies wanneer wij u eraan herinneren."),
            )
        return cleaned


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
