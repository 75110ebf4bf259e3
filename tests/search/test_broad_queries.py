"""Both databases: the bounded paths for very broad queries (forced here with tiny windows and samples) keep the rules:
only what the role may see in results and facet counts, an exact total, sampled facets marked as approximate
and close to the exact counts, pagination over every match without overlap, title/tag matches first, and
newest first when sorting by date."""

import datetime

import pytest

from search.engines import SearchQuery, database_engine

from .conftest import VISIBLE, doc, load_corpus

database = type(database_engine())  # the engine class of the database in use: its window and sample sizes

EVERYONE = ["public", "login", "group:Leden", "group:Vereniging OKK Ouderschap Blijft"]


@pytest.fixture
def broad(monkeypatch):
    monkeypatch.setattr(database, "RANK_WINDOW", 2)
    monkeypatch.setattr(database, "FACET_SAMPLE", 2)


def keys(result):
    return [hit.key for hit in result.hits]


@pytest.mark.parametrize("role", ["anonymous", "lid", "vereniging"])
def test_broad_paths_respect_access(corpus, role_users, role, monkeypatch):
    from django.contrib.auth.models import AnonymousUser

    from search import service

    audiences = service.allowed_audiences(role_users[role] or AnonymousUser())
    engine = database_engine()
    exact = {q: engine.search(SearchQuery(q=q, per_page=50), audiences) for q in ["ouders", "contactverlies"]}
    monkeypatch.setattr(database, "RANK_WINDOW", 1)
    monkeypatch.setattr(database, "FACET_SAMPLE", 1)
    for q in ["ouders", "contactverlies", "vechtscheiding"]:
        for sort in ("relevance", "date"):
            result = engine.search(SearchQuery(q=q, sort=sort, per_page=50), audiences)
            assert set(keys(result)) <= VISIBLE[role], (q, sort)
    for q, before in exact.items():
        after = engine.search(SearchQuery(q=q, per_page=50), audiences)
        assert after.total == before.total  # the total stays exact
        assert set(keys(after)) == set(keys(before))  # the same match set, in tiers
        assert set(after.facets["type"]) <= set(before.facets["type"])  # a sample never invents values
        if after.total > 2:
            assert after.facets_approximate


def test_title_and_tag_matches_first_and_pages_cover_every_match_once(corpus, broad):
    engine = database_engine()
    result = engine.search(SearchQuery(q="kindgesprek"), EVERYONE)
    assert keys(result)[0] == "g2"
    total = engine.search(SearchQuery(q="ouders"), EVERYONE).total
    assert total > 4  # so the tiers (2 + 2) and the tail are all on some page
    pages = [keys(engine.search(SearchQuery(q="ouders", per_page=2, page=page), EVERYONE)) for page in range(1, 8)]
    flat = [key for page in pages for key in page]
    assert len(flat) == len(set(flat)) == total
    every = {hit.key for hit in engine.search(SearchQuery(q="ouders", per_page=50), EVERYONE).hits}
    assert set(flat) == every


def test_date_sort_is_newest_first(corpus, broad):
    result = database_engine().search(SearchQuery(q="ouders", sort="date", per_page=50), EVERYONE)
    dates = [hit.date for hit in result.hits if hit.date]
    assert dates == sorted(dates, reverse=True) and len(dates) > 3


def test_page_and_api_say_ongeveer(corpus, broad, client):
    response = client.get("/api/search", {"q": "ouders"})
    assert response.json()["facets_approximate"] is True
    page = client.get("/zoeken/", {"q": "ouders"})
    assert "ongeveer" in page.content.decode()


def test_sampled_facet_counts_are_close_to_the_exact_ones(adapter_registry, db, monkeypatch):
    """Documents are indexed type by type (as a rebuild does), over many dates: the sample must not follow either."""
    types = ["guide", "casus", "lunchsession"]
    start = datetime.date(2020, 1, 1)
    docs = [
        doc(
            f"{type_}-{i}",
            type_,
            f"Stuk {i}",
            "Ouders en kinderen na de scheiding.",
            tags=["omgang"] if i % 4 == 0 else [],
            date=start + datetime.timedelta(days=i % 500),
        )
        for type_ in types
        for i in range(400)
    ]
    load_corpus(adapter_registry, docs)
    engine = database_engine()
    monkeypatch.setattr(database, "FACET_SAMPLE", 2000)
    exact = engine.search(SearchQuery(q="ouders"), ["public"])
    assert not exact.facets_approximate and exact.facets["type"] == {"casus": 400, "guide": 400, "lunchsession": 400}
    monkeypatch.setattr(database, "FACET_SAMPLE", 100)
    sampled = engine.search(SearchQuery(q="ouders"), ["public"])
    assert sampled.facets_approximate and sampled.total == 1200
    for type_ in types:
        assert 300 <= sampled.facets["type"][type_] <= 500, sampled.facets["type"]
    assert 200 <= sampled.facets["tag"]["omgang"] <= 400, sampled.facets["tag"]
    assert set(sampled.facets["year"]) == {"2020", "2021"}


def test_a_phrase_pages_through_every_match_once(adapter_registry, db, broad):
    """PostgreSQL takes a phrase's windows from its words' candidates and checks the phrase in them."""
    start = datetime.date(2022, 1, 1)
    phrase = [
        doc(
            f"p{i}",
            "guide",
            "Plan van aanpak" if i % 3 == 0 else f"Gids {i}",
            "Wij maken een plan van aanpak.",
            date=start + datetime.timedelta(days=2 * i),
        )
        for i in range(12)
    ]
    apart = [
        doc(f"w{i}", "casus", f"Casus {i}", "De aanpak van het plan.", date=start + datetime.timedelta(days=2 * i + 1))
        for i in range(12)
    ]
    load_corpus(adapter_registry, phrase + apart)
    engine = database_engine()
    every = engine.search(SearchQuery(q='"plan van aanpak"', per_page=50), EVERYONE)
    assert every.total == 12 and not every.total_approximate
    pages = [
        keys(engine.search(SearchQuery(q='"plan van aanpak"', per_page=2, page=page), EVERYONE))
        for page in range(1, 30)
    ]
    flat = [key for page in pages for key in page]
    assert len(flat) == len(set(flat)) == 12
    assert set(flat) == {hit.key for hit in every.hits} == {f"p{i}" for i in range(12)}
