"""SQLite: the cheaper paths for very broad queries (forced here with tiny thresholds) keep the rules:
only what the role may see in results and facet counts, an exact total, sampled facets marked as approximate,
pagination without overlap, date order, and the same first hits by bm25 as the exact path."""

import pytest
from django.db import connection

from search.engines import SearchQuery, database, database_engine

from .conftest import VISIBLE

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the broad-query paths are SQLite only")


@pytest.fixture
def broad(monkeypatch):
    monkeypatch.setattr(database, "BROAD_MATCHES", 1)
    monkeypatch.setattr(database, "DATE_WALK_MATCHES", 1)
    monkeypatch.setattr(database, "FACET_SAMPLE", 1)


def keys(result):
    return [hit.key for hit in result.hits]


@pytest.mark.parametrize("role", ["anonymous", "lid", "vereniging"])
def test_broad_paths_respect_access(corpus, role_users, role, monkeypatch):
    from django.contrib.auth.models import AnonymousUser

    from search import service

    audiences = service.allowed_audiences(role_users[role] or AnonymousUser())
    engine = database_engine()
    exact = {q: engine.search(SearchQuery(q=q, per_page=50), audiences) for q in ["ouders", "contactverlies"]}
    for name in ("BROAD_MATCHES", "DATE_WALK_MATCHES", "FACET_SAMPLE"):
        monkeypatch.setattr(database, name, 1)
    for q in ["ouders", "contactverlies", "vechtscheiding"]:
        for sort in ("relevance", "date"):
            result = engine.search(SearchQuery(q=q, sort=sort, per_page=50), audiences)
            assert set(keys(result)) <= VISIBLE[role], (q, sort)
            if result.total > 1:
                assert result.facets_approximate
    for q, before in exact.items():
        after = engine.search(SearchQuery(q=q, per_page=50), audiences)
        assert after.total == before.total  # the total stays exact
        assert set(keys(after)) == set(keys(before))  # same match set, title/tag matches first
        assert set(after.facets["type"]) <= set(before.facets["type"])  # a sample never invents values


def test_broad_relevance_puts_title_and_tag_matches_first_and_pages_do_not_overlap(corpus, broad):
    engine = database_engine()
    audiences = ["public", "login", "group:Leden", "group:Vereniging OKK Ouderschap Blijft"]
    result = engine.search(SearchQuery(q="kindgesprek"), audiences)
    assert keys(result)[0] == "g2"
    pages = [keys(engine.search(SearchQuery(q="ouders", per_page=2, page=page), audiences)) for page in (1, 2, 3, 4)]
    flat = [key for page in pages for key in page]
    assert len(flat) == len(set(flat)) == min(8, engine.search(SearchQuery(q="ouders"), audiences).total)


def test_broad_date_sort_is_newest_first(corpus, broad):
    engine = database_engine()
    audiences = ["public", "login", "group:Leden", "group:Vereniging OKK Ouderschap Blijft"]
    result = engine.search(SearchQuery(q="ouders", sort="date"), audiences)
    dates = [hit.date for hit in result.hits if hit.date]
    assert dates == sorted(dates, reverse=True) and result.hits


def test_page_and_api_say_ongeveer(corpus, broad, client):
    response = client.get("/api/search", {"q": "ouders"})
    assert response.json()["facets_approximate"] is True
    page = client.get("/zoeken/", {"q": "ouders"})
    assert "ongeveer" in page.content.decode()
