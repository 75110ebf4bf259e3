"""PostgreSQL: very broad queries are counted from a probe of one sample level (sample tokens in the vectors), not
match by match. Forced here with a tiny exact-count limit: the estimate is close to the exact total, says it
is approximate on the page and in the API, never counts what the role may not see, counts a phrase's matches
and not merely its words, and a rare phrase among many candidates is still counted exactly."""

import datetime
from collections import Counter

import pytest
from django.db import connection

from search.engines import SearchQuery, database_engine, postgres
from search.engines.base import FullText

from .conftest import doc, load_corpus

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="the probe is PostgreSQL's")

MEMBERS = "group:Leden"
START = datetime.date(2021, 1, 1)


def test_sample_levels_halve_the_documents():
    levels = Counter(postgres.sample_level(pk) for pk in range(1 << 20, (1 << 20) + 40_000))
    at_least = {k: sum(n for level, n in levels.items() if level >= k) / 40_000 for k in range(1, 6)}
    for k, share in at_least.items():
        assert abs(share - 2**-k) < 0.2 * 2**-k, at_least


def test_a_document_carries_the_tokens_of_its_sample_levels():
    pk = next(pk for pk in range(1, 10_000) if postgres.sample_level(pk) == 3)
    text = postgres.vector(FullText("titel", "", "tekst", "", "titel", "", ""), pk)
    assert "'0s1':" in text and "'0s3':" in text and "'0s4'" not in text


@pytest.fixture
def estimating(monkeypatch):
    monkeypatch.setattr(postgres.PostgresEngine, "EXACT_COUNT", 40)
    monkeypatch.setattr(postgres.PostgresEngine, "PROBE_HITS", 4)
    monkeypatch.setattr(postgres.PostgresEngine, "FACET_SAMPLE", 50)


def many(prefix, count, type_, text, audience="public", title="Stuk"):
    return [
        doc(f"{prefix}{i}", type_, f"{title} {i}", text, audience=audience, date=START + datetime.timedelta(days=i))
        for i in range(count)
    ]


@on_postgresql
@pytest.mark.parametrize("level", ["1", "3"])
def test_a_broad_total_is_estimated_close_to_the_exact_one(adapter_registry, db, estimating, monkeypatch, level):
    load_corpus(
        adapter_registry,
        many("g", 640, "guide", "Ouders en kinderen na de scheiding.")
        + many("c", 320, "casus", "Ouders in een vechtscheiding.", audience=MEMBERS),
    )
    monkeypatch.setattr(postgres, "PROBE_LEVEL", level)
    engine = database_engine()
    public = engine.search(SearchQuery(q="ouders", per_page=50), ["public"])
    assert public.total_approximate and public.facets_approximate
    assert 640 * 0.7 <= public.total <= 640 * 1.3
    assert set(public.facets["type"]) == {"guide"}  # the members' casussen are in no count
    assert {hit.key[:1] for hit in public.hits} == {"g"} and len(public.hits) == 50
    member = engine.search(SearchQuery(q="ouders"), ["public", MEMBERS])
    assert 960 * 0.7 <= member.total <= 960 * 1.3
    assert set(member.facets["type"]) == {"guide", "casus"}


@on_postgresql
def test_a_phrase_estimate_counts_the_phrase_not_its_words(adapter_registry, db, estimating):
    load_corpus(
        adapter_registry,
        many("p", 400, "guide", "Wij maken samen een plan van aanpak.")
        + many("w", 400, "casus", "De aanpak van het plan volgt later.", title="Casus"),
    )
    result = database_engine().search(SearchQuery(q='"plan van aanpak"', per_page=50), ["public"])
    assert result.total_approximate and 400 * 0.7 <= result.total <= 400 * 1.3
    assert {hit.key[:1] for hit in result.hits} == {"p"}
    assert set(result.facets["type"]) == {"guide"}


@on_postgresql
def test_a_rare_phrase_among_many_candidates_is_counted_exactly(adapter_registry, db, estimating):
    load_corpus(
        adapter_registry,
        many("w", 600, "casus", "De aanpak van het plan volgt later.")
        + many("p", 3, "guide", "Wij maken samen een plan van aanpak.", title="Gids"),
    )
    result = database_engine().search(SearchQuery(q='"plan van aanpak"'), ["public"])
    assert not result.total_approximate and result.total == 3
    assert sorted(hit.key for hit in result.hits) == ["p0", "p1", "p2"]


@on_postgresql
def test_the_page_and_the_api_say_the_total_is_approximate(adapter_registry, db, estimating, client):
    load_corpus(
        adapter_registry,
        many("g", 300, "guide", "Ouders en kinderen na de scheiding.")
        + many("z", 5, "casus", "Een zeldzaam woord.", title="Casus"),
    )
    body = client.get("/api/search", {"q": "ouders"}).json()
    assert body["total_approximate"] is True and body["facets_approximate"] is True
    page = client.get("/zoeken/", {"q": "ouders"}).content.decode()
    assert f"ongeveer {body['total']} resultaten" in page
    exact = client.get("/api/search", {"q": "zeldzaam"}).json()
    assert exact["total_approximate"] is False and exact["total"] == 5
