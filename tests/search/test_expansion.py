"""Compounds, synonyms, typo retries, collapsed chapters and the members' count: what they find, per role, and
that none of them reveals a document, title or word a role may not see."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from search import analysis, service
from search.engines import SearchQuery

from .conftest import MEMBERS, doc, load_corpus

D = datetime.date(2024, 5, 1)
LONG = " Dit is een langere tekst met uitleg voor professionals die met gescheiden ouders werken in het traject."
DOCS = [
    doc("kb", "guide", "Kinderbegeleiding", "Over kinderbegeleiding naast de oudergesprekken." + LONG, date=D),
    doc(
        "rvdk",
        "casus",
        "Onderzoek door de Raad voor de Kinderbescherming",
        "De Raad voor de Kinderbescherming onderzoekt het gezag; de ouders zijn het nageleefd noch besproken." + LONG,
        audience=MEMBERS,
        date=D,
    ),
    doc("bem", "guide", "Bemiddeling tussen ouders", "Bemiddeling helpt ouders afspraken te maken." + LONG, date=D),
    doc("med", "training", "Mediation in de praktijk", "Mediation helpt ouders afspraken te maken." + LONG, date=D),
    doc("g", "guide", "Handleiding overdracht", "De overdracht van het kind tussen ouders." + LONG, date=D, url="/g/"),
    doc(
        "g-a",
        "guide",
        "Voorbereiden – Handleiding overdracht",
        "Voor de overdracht spreekt u een plek af." + LONG,
        date=D,
        url="/g/#a",
    ),
    doc(
        "g-b",
        "guide",
        "Afronden – Handleiding overdracht",
        "Na de overdracht belt u beide ouders." + LONG,
        date=D,
        url="/g/#b",
    ),
    doc(
        "geheim",
        "casus",
        "Zorgen over de schoolwisseling",
        "Een schoolwisseling midden in het traject." + LONG,
        audience=MEMBERS,
        date=D,
    ),
]
ALL = ["public", MEMBERS]


@pytest.fixture
def expansion_corpus(adapter_registry, db):
    load_corpus(adapter_registry, DOCS)


def _search(user, q, **options):
    return service.search(user, SearchQuery(q=q, **options))


def _keys(result):
    return [hit.key for hit in result.hits]


def test_compound_written_apart_finds_the_compound(expansion_corpus, role_users):
    assert _keys(_search(role_users["lid"], "kinder begeleiding"))[:1] == ["kb"]


def test_compound_parts_and_joined_words_from_the_lexicon():
    lexicon = analysis.Lexicon(
        {"ouderschap", "plan", "ouderschapsplan", "kinder", "begeleiding", "kinderbegeleiding"}, []
    )
    assert lexicon.parts("ouderschapsplan") == ("ouderschaps", "plan")
    assert lexicon.joined("ouderschap", "plan") == "ouderschapsplan"
    assert lexicon.joined("kinder", "begeleiding") == "kinderbegeleiding"
    assert lexicon.decompound("kinderbegeleidingsplan") == ("kinder", "begeleidings", "plan")
    assert lexicon.decompound("begeleiding") == () and lexicon.decompound("kinder") == ()
    (clause,) = lexicon.expand(["kinder", "begeleiding"])
    assert clause.words == ("kinderbegeleiding",) and ("kinder", "begeleiding") in clause.alternatives


def test_synonym_groups_with_several_words_and_abbreviations():
    groups = analysis.parse_synonyms("# comment\nrvdk, raad voor de kinderbescherming\nsolo\n")
    assert groups == [(("rvdk",), ("raad", "voor", "de", "kinderbescherming"))]
    lexicon = analysis.Lexicon(set(), groups)
    (clause,) = lexicon.expand(["raad", "voor", "de", "kinderbescherming"])
    assert clause.phrase and ("rvdk",) in clause.alternatives


def test_exact_word_ranks_above_its_synonym(expansion_corpus, role_users):
    keys = _keys(_search(role_users["lid"], "bemiddeling"))
    assert keys[0] == "bem" and "med" in keys


def test_abbreviation_finds_members_casus_for_members_only(expansion_corpus, role_users):
    assert _keys(_search(role_users["lid"], "rvdk"))[:1] == ["rvdk"]
    for role in ("anonymous", "account"):
        assert _search(role_users.get(role) or AnonymousUser(), "rvdk").total == 0


def test_typo_is_searched_again_and_said(expansion_corpus, client):
    result = _search(AnonymousUser(), "kinderbegeleidng")
    assert result.corrected_from == "kinderbegeleidng" and result.suggestion == "kinderbegeleiding"
    assert _keys(result)[:1] == ["kb"]
    page = client.get("/zoeken/", {"q": "kinderbegeleidng"}).content.decode()
    assert "Resultaten voor <strong>kinderbegeleiding</strong>;" in page and "zocht u toch" in page
    literal = _search(AnonymousUser(), "kinderbegeleidng", literal=True)
    assert literal.total == 0 and not literal.corrected_from and literal.suggestion == "kinderbegeleiding"


def test_typo_never_corrects_to_a_word_the_user_may_not_see(expansion_corpus, role_users):
    """ "schoolwisseling" is only in a members' casus: a visitor gets no suggestion and no retry."""
    anonymous = _search(AnonymousUser(), "schoolwiseling")
    assert anonymous.total == 0 and not anonymous.suggestion and not anonymous.corrected_from
    member = _search(role_users["lid"], "schoolwiseling")
    assert member.corrected_from and _keys(member) == ["geheim"]


def test_chapters_collapse_under_their_guide(expansion_corpus, role_users):
    result = _search(role_users["lid"], "overdracht")
    groups = [hit for hit in result.hits if hit.url.startswith("/g/")]
    assert len(groups) == 1 and groups[0].more_chapters == 2 and groups[0].group_url == "/g/"


@pytest.mark.parametrize("role", ["anonymous", "account", "lid", "vereniging", "beheerder"])
def test_members_count_only_for_anonymous_and_only_a_count(expansion_corpus, role, client_for, role_users):
    response = client_for(role).get("/zoeken/", {"q": "schoolwisseling"})
    page = response.content.decode()
    assert "Zorgen over de schoolwisseling" not in page or role not in ("anonymous", "account")
    if role == "anonymous":
        assert "Log in om ook 1 resultaat voor leden te zien" in page
        assert "Zorgen over de schoolwisseling" not in page and "midden in het traject" not in page
        api = client_for(role).get("/api/search", {"q": "schoolwisseling"}).json()
        assert api["members_more"] == 1 and api["total"] == 0 and api["results"] == []
    else:
        assert "resultaat voor leden te zien" not in page and "resultaten voor leden te zien" not in page


def test_members_count_is_zero_when_members_see_nothing_more(expansion_corpus):
    assert _search(AnonymousUser(), "kinderbegeleiding").members_more == 0
