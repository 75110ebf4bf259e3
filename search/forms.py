"""The parameters of a search (page and API), validated with Dutch messages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .documents import adapters
from .engines.base import SORTS, SearchQuery

MAX_PAGE = 500


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Zoekterm"), required=False, max_length=200, strip=True)
    type = forms.CharField(label=_("Soort"), required=False, max_length=40)
    tag = forms.CharField(label=_("Tag"), required=False, max_length=100)
    phase = forms.SlugField(label=_("Fase"), required=False, max_length=120)
    year = forms.IntegerField(label=_("Jaar"), required=False, min_value=1900, max_value=2100)
    sort = forms.ChoiceField(
        label=_("Sorteren op"),
        required=False,
        choices=[("relevance", _("Relevantie")), ("date", _("Datum (nieuwste eerst)"))],
    )
    page = forms.IntegerField(label=_("Pagina"), required=False, min_value=1, max_value=MAX_PAGE)
    literal = forms.BooleanField(label=_("Zoek precies wat ik typte"), required=False)

    error_messages = {
        "q": _("De zoekterm mag hoogstens 200 tekens lang zijn."),
        "type": _("Onbekende soort. Kies uit: %(choices)s."),
        "tag": _("De tag mag hoogstens 100 tekens lang zijn."),
        "phase": _("De fase moet een korte naam zijn van letters, cijfers en streepjes (bijvoorbeeld ‘intake’)."),
        "year": _("Het jaar moet een getal tussen 1900 en 2100 zijn."),
        "sort": _("Sorteren kan op ‘relevance’ (relevantie) of ‘date’ (datum)."),
        "page": _("De pagina moet een geheel getal van 1 tot en met %(max)s zijn."),
    }

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["sort"].choices = [(value, label) for value, label in self.fields["sort"].choices if value in SORTS]

    def clean_type(self):
        value = self.cleaned_data.get("type", "")
        types = [adapter.type for adapter in adapters()]
        if value and value not in types:
            raise forms.ValidationError(self.error_messages["type"] % {"choices": ", ".join(sorted(types))})
        return value

    def messages(self) -> dict[str, str]:
        """One clear Dutch message per refused parameter."""
        out = {}
        for name, errors in self.errors.items():
            if name == "type":
                out[name] = str(errors[0])
            else:
                out[name] = str(self.error_messages.get(name, errors[0])) % {"max": MAX_PAGE}
        return out

    def to_query(self, per_page: int = 10) -> SearchQuery:
        data = self.cleaned_data
        return SearchQuery(
            q=data.get("q") or "",
            type=data.get("type") or "",
            tag=(data.get("tag") or "").strip(),
            phase=data.get("phase") or "",
            year=data.get("year"),
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
            per_page=per_page,
            literal=bool(data.get("literal")),
        )
