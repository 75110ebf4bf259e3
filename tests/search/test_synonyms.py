"""Editors' synonyms (Wagtail snippet "Synoniemen voor zoeken"): added to the file's groups, used by the next query
without a rebuild, an exact match above a synonym match, access unchanged; Elasticsearch gets the updated set."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings

from search import service, synonyms
from search.engines import SearchQuery, elastic
from search.models import SynonymGroup

from .conftest import MEMBERS, doc, load_corpus

D = datetime.date(2024, 5, 1)
LONG = " Dit is een langere tekst met uitleg voor professionals die met gescheiden ouders werken in het traject."
DOCS = [
    doc("huis", "guide", "Omgangshuis in Arnhem", "Het omgangshuis ontvangt ouders en kinderen." + LONG, date=D),
    doc(
        "ruimte",
        "casus",
        "Bezoekruimte te klein",
        "De bezoekruimte is te klein voor drie kinderen." + LONG,
        audience=MEMBERS,
        date=D,
    ),
]
ADD_URL = "/cms/snippets/search/synonymgroup/add/"


@pytest.fixture
def synonym_corpus(adapter_registry, db):
    load_corpus(adapter_registry, DOCS)


def keys(user, q):
    return [hit.key for hit in service.search(user, SearchQuery(q=q)).hits]


def test_editor_adds_synonyms_in_the_admin_and_the_next_search_uses_them(synonym_corpus, client_for, role_users):
    member = role_users["lid"]
    assert keys(member, "omgangshuis") == ["huis"] and keys(member, "bezoekruimte") == ["ruimte"]
    response = client_for("redacteur").post(ADD_URL, {"terms": "omgangshuis ~ bezoekruimte"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert keys(member, "omgangshuis") == ["huis", "ruimte"]  # the exact match above the synonym match
    assert keys(member, "bezoekruimte") == ["ruimte", "huis"]
    # access is unchanged: an anonymous visitor finds the public guide through the synonym, never the casus
    assert keys(AnonymousUser(), "bezoekruimte") == ["huis"]
    assert keys(AnonymousUser(), "omgangshuis") == ["huis"]
    assert service.search(AnonymousUser(), SearchQuery(q="omgangshuis")).members_more == 1  # a count only
    SynonymGroup.objects.get().delete()
    assert keys(member, "omgangshuis") == ["huis"]


def test_admin_form_is_dutch_and_refuses_a_single_word(db, client_for):
    client = client_for("redacteur")
    page = client.get(ADD_URL).content.decode()
    assert "woorden met dezelfde betekenis" in page.lower() and "Gescheiden door komma" in page
    response = client.post(ADD_URL, {"terms": "omgangshuis"})
    page = response.content.decode()
    assert response.status_code == 200 and "Geef minstens twee woorden" in page and 'value="omgangshuis"' in page
    assert not SynonymGroup.objects.exists()


@pytest.mark.parametrize("role", ["anonymous", "account", "lid", "moderator"])
def test_only_editors_and_beheerders_manage_synonyms(db, client_for, role):
    response = client_for(role).get(ADD_URL)
    assert response.status_code in (302, 403)
    assert client_for("beheerder").get(ADD_URL).status_code == 200


def test_editor_groups_merge_into_the_file_groups(db):
    SynonymGroup.objects.create(terms="bemiddeling, conflictbemiddeling")
    groups = synonyms.groups()
    mediation = next(group for group in groups if ("mediation",) in group)
    assert ("conflictbemiddeling",) in mediation and ("omgangsbemiddeling",) in mediation
    assert synonyms.merged([(("a",), ("b",)), (("c",), ("d",)), (("b",), ("c",))]) == (
        (("a",), ("b",), ("c",), ("d",)),
    )


class FakeSynonymsApi:
    def __init__(self):
        self.calls = []

    def put_synonym(self, **kwargs):
        self.calls.append(kwargs)


def test_elasticsearch_gets_the_updated_synonym_set_without_a_rebuild(db):
    config = {"ENGINE": "elasticsearch", "ELASTICSEARCH_URL": "http://127.0.0.1:9", "TIMEOUT": 0.5}
    with override_settings(KENNISPLEIN_SEARCH=config):
        from search.engines import get_engine

        engine = get_engine()
        assert isinstance(engine, elastic.ElasticsearchEngine)
        api = FakeSynonymsApi()
        engine.client.synonyms = api
        SynonymGroup.objects.create(terms="omgangshuis ~ bezoekruimte")
    (call,) = api.calls
    assert call["id"] == elastic.SYNONYM_SET
    rules = [rule["synonyms"] for rule in call["synonyms_set"]]
    assert "omgangshuis, bezoekruimte" in rules and "cjg, centrum voor jeugd en gezin" in rules
    assert len({rule["id"] for rule in call["synonyms_set"]}) == len(rules)
