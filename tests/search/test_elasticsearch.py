"""Elasticsearch offline: mapping, analysis and query bodies through elasticsearch-dsl's to_dict(), and the
fallback to the database when the server cannot be reached (a closed port here)."""

import json
import logging
from types import SimpleNamespace

import pytest
from django.test import override_settings

from search import analysis as analysis_module
from search import service, vocabulary
from search import synonyms as synonym_groups
from search.engines import SearchQuery, get_engine
from search.engines.elastic import (
    SYNONYM_SET,
    ElasticsearchEngine,
    SearchDocumentIndex,
    index_definition,
    synonym_set_body,
    synonyms,
)

UNREACHABLE = {"ENGINE": "elasticsearch", "ELASTICSEARCH_URL": "http://127.0.0.1:9", "TIMEOUT": 0.5}


@pytest.fixture
def es():
    return ElasticsearchEngine("http://127.0.0.1:9")


def test_index_has_dutch_analysis_and_synonyms_from_the_repo():
    body = index_definition("kennisplein-documents-x").to_dict()
    analysis = body["settings"]["analysis"]
    assert analysis["filter"]["dutch_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert analysis["filter"]["dutch_stop"] == {"type": "stop", "stopwords": "_dutch_"}
    assert analysis["filter"]["domain_synonyms"]["type"] == "synonym_graph"
    # search time, from an updateable synonym set: the file's groups (and the editors') go there
    assert analysis["filter"]["domain_synonyms"]["synonyms_set"] == SYNONYM_SET
    assert analysis["filter"]["domain_synonyms"]["updateable"] is True
    rules = [rule["synonyms"] for rule in synonym_set_body(synonym_groups.as_lines(analysis_module.file_synonyms()))]
    assert "vechtscheiding, complexe scheiding, conflictscheiding, hoog conflict scheiding" in rules
    assert "cjg, centrum voor jeugd en gezin" in synonyms()
    assert analysis["analyzer"]["dutch_search"]["filter"] == [
        "lowercase",
        "asciifolding",
        "domain_synonyms",
        "dutch_stop",
        "dutch_stemmer",
    ]
    properties = body["mappings"]["properties"]
    assert properties["title"]["analyzer"] == "dutch_index" and properties["title"]["search_analyzer"] == "dutch_search"
    assert properties["audience"] == {"type": "keyword"}
    assert properties["tags"]["fields"]["raw"] == {"type": "keyword"}
    assert properties["parts"] == {"type": "text", "analyzer": "dutch_index", "search_analyzer": "dutch_search"}


def _row(key, audience, text, title="Werkwijze"):
    return SimpleNamespace(
        key=key,
        type="guide",
        title=title,
        tags=[],
        tags_text="",
        text=text,
        audience=audience,
        date=None,
        year=None,
        url="/",
        phase="",
        language="nl",
    )


@pytest.mark.django_db
def test_documents_carry_their_compounds_parts_split_with_words_their_readers_may_see():
    members, association = "group:Leden", "group:Vereniging"
    rows = [
        _row("a", "public", "Over kinder, over begeleiding en over ouderschap."),
        _row("b", members, "De kinderbegeleiding en het ouderschapsplan."),
        _row("c", association, "Een plan dat alleen de Vereniging kent: het ouderschapsplan."),
    ]
    splitters = vocabulary.Splitters(rows)
    documents = {row.key: SearchDocumentIndex.from_row(row, "index", splitters)["_source"] for row in rows}
    # "plan" is a word of the Vereniging's only: the members' ouderschapsplan is not split with it
    assert documents["b"]["parts"] == "kinder begeleiding"
    assert documents["c"]["parts"] == "ouderschaps plan"
    assert documents["b"]["text"] == rows[1].text
    assert documents["a"]["parts"] == ""


def test_query_body_filters_by_audience_with_fuzziness_facets_and_highlighting(es):
    body = es.build_search(
        SearchQuery(q='omgang "begeleide omgang"', tag="omgang", year=2024, page=2), ["public", "group:Leden"]
    ).to_dict()
    query = body["query"]["bool"]
    assert {"terms": {"audience": ["public", "group:Leden"]}} in query["filter"]
    assert {"term": {"tags.raw": "omgang"}} in query["filter"] and {"term": {"year": 2024}} in query["filter"]
    phrase, word = query["must"]
    assert phrase["multi_match"]["type"] == "phrase"
    assert word["multi_match"]["fuzziness"] == "AUTO"
    assert (
        word["multi_match"]["fields"] == phrase["multi_match"]["fields"] == ["title^3", "tags^2", "text", "parts^0.5"]
    )
    assert set(body["aggs"]) == {"type", "tag", "phase", "year"}
    assert body["aggs"]["tag"]["terms"]["field"] == "tags.raw"
    assert body["highlight"]["pre_tags"] == ["<mark>"] and body["highlight"]["encoder"] == "html"
    assert (body["from"], body["size"]) == (10, 10)
    json.dumps(body)


def test_browse_and_date_sort_bodies(es):
    body = es.build_search(SearchQuery(type="casus", sort="date"), ["public"]).to_dict()
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert body["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}
    suggest = es.build_suggest("begeleide om", ["public"]).to_dict()
    assert suggest["query"]["bool"]["must"] == [{"match_bool_prefix": {"title": "begeleide om"}}]


def test_unreachable_server_falls_back_to_the_database(corpus, caplog):
    with override_settings(KENNISPLEIN_SEARCH=UNREACHABLE), caplog.at_level(logging.WARNING):
        assert get_engine().name == "elasticsearch"
        result = service.search(_anonymous(), SearchQuery(q="kindgesprek"))
        titles = [s["title"] for s in service.suggest_titles(_anonymous(), "kindges")]
    assert result.engine == "database" and result.hits[0].key == "g2"
    assert "niet bereikbaar" in result.notice
    assert titles == ["Het kindgesprek"]
    assert any("antwoord uit de database" in record.getMessage() for record in caplog.records)


def test_fallback_keeps_access_rules(corpus):
    with override_settings(KENNISPLEIN_SEARCH=UNREACHABLE):
        result = service.search(_anonymous(), SearchQuery(q="contactverlies"))
    assert [hit.key for hit in result.hits] == ["l1"]


def test_page_api_and_healthz_when_the_server_is_down(corpus, client):
    with override_settings(KENNISPLEIN_SEARCH=UNREACHABLE):
        page = client.get("/zoeken/", {"q": "kindgesprek"})
        api = client.get("/api/search", {"q": "kindgesprek"}).json()
        health = client.get("/healthz")
    assert page.status_code == 200 and "minder volledig" in page.content.decode()
    assert api["engine"] == "database" and "notice" in api and api["total"] == 1
    assert health.status_code == 200
    assert health.json()["checks"]["search"] == {
        "ok": True,
        "engine": "elasticsearch",
        "state": "degraded",
        "error": "ConnectionError",
        "fallback": "database",
    }


def test_index_writes_while_the_server_is_down_do_not_fail(db):
    from community.models import Organisation
    from search.models import IndexedDocument

    with override_settings(KENNISPLEIN_SEARCH=UNREACHABLE):
        organisation = Organisation.objects.create(name="Offline", slug="offline")
    assert IndexedDocument.objects.filter(key=f"organisation:{organisation.pk}").exists()


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()
