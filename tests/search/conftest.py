"""Test adapters, so the search tests depend on no other app: documents from a list, and plain Wagtail pages."""

import datetime
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction

from community.core import access
from community.core.hooks import SEARCH_ADAPTERS
from search import indexing
from search.documents import SearchAdapter, SearchDocument


@dataclass
class Item:
    pk: str
    document: SearchDocument


class ListAdapter(SearchAdapter):
    """Serves a fixed list of SearchDocuments (through rebuild, like any app adapter)."""

    models = ()

    def __init__(self, type_, label, docs):
        self.type = type_
        self.label = label
        self.docs = docs

    def queryset(self):
        return [Item(doc.key, doc) for doc in self.docs]

    def to_document(self, obj):
        return obj.document


class TestPageAdapter(SearchAdapter):
    """Plain Wagtail pages (wagtailcore.Page, not subclasses): title + search_description, audience from restrictions."""

    type = "testpage"
    label = "Testpagina"
    models = (Page,)
    specs: dict = {}

    def queryset(self):
        return Page.objects.filter(depth__gt=2).live().specific()

    def to_document(self, page):
        if type(page) is not Page or not page.live:
            return None
        spec = self.specs.get(page.slug, {})
        return SearchDocument(
            type=self.type,
            key=f"page:{page.pk}",
            title=page.title,
            text=page.search_description,
            url=page.url_path,
            audience=access.page_audience(page),
            tags=spec.get("tags", []),
            phase=spec.get("phase", ""),
            date=spec.get("date"),
        )


class AdapterRegistry:
    """Search adapters for one test: beside the apps' own ones, or after ``clear()`` instead of them."""

    def register(self, adapter):
        hooks.register(SEARCH_ADAPTERS, lambda: adapter)

    def clear(self):
        hooks._hooks[SEARCH_ADAPTERS] = []


@pytest.fixture
def adapter_registry():
    """Registers adapters for one test only; the real ones (organisation, …) are put back afterwards."""
    hooks.search_for_hooks()
    saved = list(hooks._hooks.get(SEARCH_ADAPTERS, []))
    yield AdapterRegistry()
    hooks._hooks[SEARCH_ADAPTERS] = saved


@pytest.fixture
def page_adapter(adapter_registry, db):
    adapter = TestPageAdapter()
    adapter.specs = {}
    adapter_registry.register(adapter)
    return adapter


def doc(key, type_, title, text, audience="public", tags=(), phase="", date=None, url=None):
    return SearchDocument(
        type=type_,
        key=key,
        title=title,
        text=text,
        url=url or f"/{type_}/{key}/",
        audience=audience,
        tags=list(tags),
        phase=phase,
        date=date,
    )


MEMBERS = f"group:{settings.MEMBERS_GROUP}"
ASSOCIATION = f"group:{settings.ASSOCIATION_GROUP}"

CORPUS = [
    doc(
        "g1",
        "guide",
        "Begeleide omgang",
        "In de fase begeleide omgang ziet het kind de ouder bij wie het niet woont, "
        "maximaal vier keer onder begeleiding in een Omgangshuis.",
        tags=["omgang", "omgangshuis"],
        phase="begeleide-omgang",
        date=datetime.date(2024, 3, 1),
    ),
    doc(
        "g2",
        "guide",
        "Het kindgesprek",
        "De hulpverlener voert een kindgesprek zonder de ouders erbij. Het kind vertelt wat het nodig heeft.",
        tags=["kind"],
        phase="kindgesprek",
        date=datetime.date(2023, 9, 12),
    ),
    doc(
        "g3",
        "guide",
        "Intake met beide ouders apart",
        "Bij de intake spreken we beide ouders apart over de scheiding, de omgangsregeling en het ouderschapsplan.",
        tags=["intake"],
        phase="intake",
        date=datetime.date(2022, 1, 5),
    ),
    doc(
        "t1",
        "training",
        "Training: escalatie bij vechtscheidingen",
        "Wanneer ouders geen afspraken maken, schakelen we "
        "het Jeugdteam of Veilig Thuis in. Deze module gaat over complexe scheidingen.",
        audience=ASSOCIATION,
        tags=["vechtscheiding", "veilig thuis"],
        date=datetime.date(2024, 6, 1),
    ),
    doc(
        "c1",
        "casus",
        "Vader ziet zijn dochter al een jaar niet",
        "Contactverlies na een vechtscheiding: de moeder weigert elke omgangsregeling. Hoe zouden jullie dit oppakken?",
        audience=MEMBERS,
        tags=["contactverlies", "vechtscheiding"],
        phase="intake",
        date=datetime.date(2024, 11, 3),
    ),
    doc(
        "c2",
        "casus",
        "Ouderschapsplan wordt niet nageleefd",
        "Ouders hebben een ouderschapsplan opgesteld, maar de afspraken over de omgang worden niet nagekomen.",
        audience=MEMBERS,
        tags=["ouderschapsplan"],
        date=datetime.date(2024, 2, 20),
    ),
    doc(
        "l1",
        "lunchsession",
        "Terugblik: een nieuwe aanpak bij contactverlies",
        "Op 29 november spraken 120 professionals "
        "over contactverlies na een complexe scheiding. Kinderen verliezen het contact met een ouder.",
        tags=["contactverlies"],
        date=datetime.date(2023, 11, 29),
    ),
    doc(
        "l2",
        "lunchsession",
        "Terugblik: interventies voor gescheiden ouders",
        "90 professionals bespraken interventies voor gezinnen met gescheiden ouders, zoals omgangsbemiddeling.",
        audience=MEMBERS,
        tags=["interventies"],
        date=datetime.date(2023, 6, 28),
    ),
    doc(
        "o1",
        "organisation",
        "Lindenhout",
        "Arnhem. Lindenhout voert de methodiek Ouderschap Blijft uit voor omgangsbemiddeling en omgangsbegeleiding.",
        date=datetime.date(2019, 1, 1),
    ),
    doc(
        "o2",
        "organisation",
        "Juzt",
        "Breda. Juzt biedt begeleide bezoeken en overdrachtsbegeleiding <script>.",
        date=datetime.date(2018, 5, 1),
    ),
    doc(
        "v1",
        "training",
        "Werkmateriaal samenwerkingsovereenkomst",
        "Het formulier voor de samenwerkingsovereenkomst met beide ouders, voor het Plan van Aanpak.",
        audience=ASSOCIATION,
        tags=["werkmaterialen"],
        phase="plan-van-aanpak",
        date=datetime.date(2024, 1, 10),
    ),
]

# What each role may see of CORPUS
PUBLIC_KEYS = {"g1", "g2", "g3", "l1", "o1", "o2"}
MEMBER_KEYS = PUBLIC_KEYS | {"c1", "c2", "l2"}
ASSOCIATION_KEYS = MEMBER_KEYS | {"t1", "v1"}
VISIBLE = {
    "anonymous": PUBLIC_KEYS,
    "account": PUBLIC_KEYS,
    "lid": MEMBER_KEYS,
    "vereniging": ASSOCIATION_KEYS,
    "moderator": MEMBER_KEYS,
    "redacteur": MEMBER_KEYS,
    "beheerder": ASSOCIATION_KEYS,
}


def load_corpus(registry_module, docs=CORPUS):
    labels = {
        "guide": "Handleiding",
        "training": "Training",
        "casus": "Casus",
        "lunchsession": "Lunchsessie",
        "organisation": "Organisatie",
    }
    registry_module.clear()
    for type_, label in labels.items():
        registry_module.register(ListAdapter(type_, label, [d for d in docs if d.type == type_]))
    return indexing.rebuild()


@pytest.fixture
def corpus(adapter_registry, db):
    load_corpus(adapter_registry)
    return CORPUS


def restrict(page, *group_names):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(Group.objects.filter(name__in=group_names))
    return restriction
