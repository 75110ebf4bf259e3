"""/zoeken/, /api/search, suggestions and the API docs."""

import pytest

from .conftest import VISIBLE


@pytest.fixture
def anon(client):
    return client


def test_empty_page_helps(anon, corpus):
    response = anon.get("/zoeken/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="?q=begeleide+omgang"' in html and 'id="search-q"' in html


def test_results_with_type_snippet_date_tags_and_facets(anon, corpus):
    response = anon.get("/zoeken/", {"q": "contactverlies"})
    html = response.content.decode()
    assert "Terugblik: een nieuwe aanpak bij <mark>contactverlies</mark>" in html
    assert "<mark>contactverlies</mark>" in html
    assert "Lunchsessie" in html and '<time datetime="2023-11-29">' in html
    assert "Verfijnen" in html and "?q=contactverlies&amp;type=lunchsession" in html
    assert "Vader ziet zijn dochter" not in html  # members only
    assert response["Cache-Control"].count("private") == 1 and "no-store" in response["Cache-Control"]


def test_filter_sort_and_pagination_links(anon, corpus):
    html = anon.get("/zoeken/", {"q": "ouders", "type": "guide", "sort": "date"}).content.decode()
    assert "Actieve filters" in html and "Soort: Handleiding" in html
    assert html.index("Begeleide omgang") < html.index("Het kindgesprek") < html.index("Intake met beide")
    many = anon.get("/zoeken/", {"q": "ouders"}).content.decode()
    assert "Volgende pagina" not in many  # 5 public hits fit on one page


def test_did_you_mean(anon, corpus):
    """A misspelt query that finds nothing is searched again with the suggestion, and the page says so."""
    html = anon.get("/zoeken/", {"q": "kindgesprk"}).content.decode()
    assert "Resultaten voor <strong>kindgesprek</strong>;" in html and "?q=kindgesprk&amp;literal=1" in html
    assert "/guide/g2/" in html
    literal = anon.get("/zoeken/", {"q": "kindgesprk", "literal": "1"}).content.decode()
    assert "Bedoelde u" in literal and "?q=kindgesprek" in literal and "/guide/g2/" not in literal


def test_nothing_found_state(anon, corpus):
    html = anon.get("/zoeken/", {"q": "zeppelinhangar"}).content.decode()
    assert "We hebben niets gevonden" in html and "in te loggen" in html


def test_bad_page_parameters_are_explained(anon, corpus):
    response = anon.get("/zoeken/", {"q": "omgang", "page": "nul"})
    assert response.status_code == 400 and "De pagina moet een geheel getal" in response.content.decode()


def test_api_shape(client_for, corpus):
    body = client_for("lid").get("/api/search", {"q": "contactverlies"}).json()
    assert set(body) >= {"query", "engine", "total", "page", "results", "facets"}
    assert body["query"] == "contactverlies" and body["engine"] == "database" and body["total"] == 2
    first = body["results"][0]
    assert set(first) == {"type", "title", "url", "snippet", "date", "tags"}
    assert "<mark>" in first["snippet"] and first["url"].startswith("http://testserver/")
    assert set(body["facets"]) == {"type", "tag", "phase", "year"}
    assert body["facets"]["tag"] == {"contactverlies": 2, "vechtscheiding": 1}


def test_api_suggestion(client, corpus):
    assert client.get("/api/search", {"q": "omgangsbemidelling"}).json()["suggestion"] == "omgangsbemiddeling"


@pytest.mark.parametrize(
    "params,field",
    [
        ({}, None),
        ({"q": "x" * 201}, "q"),
        ({"q": "omgang", "page": "0"}, "page"),
        ({"q": "omgang", "page": "a"}, "page"),
        ({"q": "omgang", "sort": "random"}, "sort"),
        ({"q": "omgang", "year": "20x4"}, "year"),
        ({"q": "omgang", "type": "onbekend"}, "type"),
        ({"q": "omgang", "phase": "een fase!"}, "phase"),
        ({"q": "omgang", "limit": "5"}, None),
    ],
)
def test_api_bad_parameters_give_400_in_dutch(client, corpus, params, field):
    response = client.get("/api/search", params)
    assert response.status_code == 400
    body = response.json()
    assert body["error"]
    if field:
        assert field in body["errors"]


def test_api_rate_limited(client, corpus, settings):
    statuses = [client.get("/api/search", {"q": "omgang"}).status_code for _ in range(61)]
    assert statuses[-1] == 429 and set(statuses[:60]) == {200}
    assert "te vaak" in client.get("/api/search", {"q": "omgang"}).json()["error"]


@pytest.mark.parametrize("role", ["anonymous", "account", "lid", "vereniging", "beheerder"])
def test_api_and_page_follow_access_rules(client_for, corpus, role):
    from .conftest import CORPUS

    client = client_for(role)
    titles = {d.key: d.title for d in CORPUS}
    for q in ["ouders", "contactverlies", "samenwerkingsovereenkomst", "vechtscheiding"]:
        body = client.get("/api/search", {"q": q}).json()
        shown = {r["title"] for r in body["results"]}
        assert shown <= {titles[k] for k in VISIBLE[role]}
        assert sum(body["facets"]["type"].values()) == body["total"]
    html = client.get("/zoeken/", {"q": "samenwerkingsovereenkomst"}).content.decode()
    assert ("/training/v1/" in html) == (role in ("vereniging", "beheerder"))


def test_suggest_endpoint(client_for, corpus):
    assert client_for("anonymous").get("/api/search/suggest", {"q": "vader"}).json()["suggestions"] == []
    suggestions = client_for("lid").get("/api/search/suggest", {"q": "vader"}).json()["suggestions"]
    assert suggestions == [
        {
            "title": "Vader ziet zijn dochter al een jaar niet",
            "url": "/casus/c1/",
            "type": "casus",
            "type_label": "Casus",
        }
    ]
    assert (
        client_for("lid").get("/api/search/suggest", {"q": "kindges"}).json()["suggestions"][0]["title"]
        == "Het kindgesprek"
    )


def test_openapi_and_docs(client, corpus):
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.") and "/api/search" in schema["paths"]
    params = {p["name"] for p in schema["paths"]["/api/search"]["get"]["parameters"]}
    assert params == {"q", "type", "tag", "phase", "year", "sort", "page", "literal"}
    assert "casus" in schema["components"]["schemas"]["SearchResult"]["properties"]["type"]["enum"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/openapi.json" in docs.content.decode()


def test_search_box_in_every_header(client, corpus):
    html = client.get("/").content.decode()
    assert 'action="/zoeken/"' in html and 'data-suggest-url="/api/search/suggest"' in html
    assert "js/search-suggest.js" in html


def test_constant_queries(client_for, corpus, django_assert_max_num_queries):
    client = client_for("lid")
    client.get("/zoeken/", {"q": "ouders"})
    # On SQLite a search is at most 9 queries however many documents match (audience codes, term statistics,
    # count + sample, facet rows, hits, and for very broad queries the tier counts and windows).
    with django_assert_max_num_queries(15):
        client.get("/zoeken/", {"q": "ouders"})
    with django_assert_max_num_queries(13):
        client.get("/api/search", {"q": "ouders", "tag": "contactverlies"})


def test_phase_labels_come_from_the_adapters(corpus, client, adapter_registry, monkeypatch):
    """Search reaches into no app for facet labels: the adapter whose documents carry the phases names them."""
    from search.documents import adapters

    guide = next(adapter for adapter in adapters() if adapter.type == "guide")
    monkeypatch.setattr(
        guide, "facet_labels", lambda facet, values: {"intake": "Intake met beide ouders"} if facet == "phase" else {}
    )
    page = client.get("/zoeken/", {"q": "ouders"}).content.decode()
    assert "Intake met beide ouders" in page
