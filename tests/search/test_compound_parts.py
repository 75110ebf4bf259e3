"""Decompounding at index time: a document's compounds also get their known parts indexed, at a lower weight than
the words themselves, split only with words every reader of that document may see (per role: nothing leaks)."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from search import analysis, indexing, service, store
from search.documents import SearchDocument
from search.engines import SearchQuery, database_engine
from search.models import IndexedDocument

from .conftest import ASSOCIATION, MEMBERS, ListAdapter, doc, load_corpus

D = datetime.date(2024, 5, 1)
LONG = " Dit is een langere tekst met uitleg voor professionals die met gescheiden ouders werken in het traject."
DOCS = [
    # only the compound: found by its parts
    doc("kb", "guide", "Naast de oudergesprekken", "Over kinderbegeleiding tijdens de scheiding." + LONG, date=D),
    # the parts as words of their own (what makes them known words of the index)
    doc("beg", "training", "Begeleiding", "Begeleiding van ouders na de scheiding." + LONG, date=D),
    doc("kin", "casus", "Jonge kinderen", "Wat jonge kinderen nodig hebben." + LONG, date=D),
    doc("apart", "guide", "Een kind apart", "Wij geven kinderen begeleiding, zonder de ouders erbij." + LONG, date=D),
    # "kluis" is a word of a members' casus only, "code" a public word
    doc(
        "geheim", "casus", "Afspraak met de ouders", "De sleutels liggen in de kluis." + LONG, audience=MEMBERS, date=D
    ),
    doc("pub-code", "guide", "Formulier", "Vul de code in en bewaar de kluiscode goed." + LONG, date=D),
    doc(
        "m-code",
        "casus",
        "Huisbezoek",
        "Vader vergat de kluiscode van het omgangshuis." + LONG,
        audience=MEMBERS,
        date=D,
    ),
    # "dossier" is a word of Vereniging material only: a members' casus is not split by it
    doc("v", "training", "Werkmateriaal", "Het dossier van de vereniging." + LONG, audience=ASSOCIATION, date=D),
    doc(
        "m-map",
        "casus",
        "Overdracht",
        "De dossiermap ligt bij de moeder; de map is blauw." + LONG,
        audience=MEMBERS,
        date=D,
    ),
]


@pytest.fixture
def parts_corpus(adapter_registry, db):
    load_corpus(adapter_registry, DOCS)


def _keys(result):
    return [hit.key for hit in result.hits]


def _engine_keys(q, audiences=("public",)):
    """The database engine without a lexicon: no query-time expansion, only what the index holds."""
    return _keys(database_engine().search(SearchQuery(q=q), list(audiences)))


def test_part_stems_from_the_lexicon():
    lexicon = analysis.Lexicon({"kinderen", "begeleiding", "ouderschap", "plan", "over", "dracht"}, ())
    assert lexicon.decompound("kinderbegeleidingsplan") == ("kinder", "begeleidings", "plan")
    assert lexicon.decompound("ouderschapsplan") == ("ouderschaps", "plan")
    assert lexicon.decompound("overdracht") == ()  # a stop word is no part
    assert lexicon.decompound("begeleiding") == ()
    text = analysis.words("Het ouderschapsplan en de kinderbegeleiding")
    assert lexicon.part_stems(text) == "kinder beleid ouderschap plan"  # one compound after the other


def test_a_part_finds_the_compound_in_the_index(parts_corpus):
    assert "kb" in _engine_keys("begeleiding")
    assert "kb" in _engine_keys("kinder")


def test_the_compound_written_apart_finds_it_in_the_index(parts_corpus):
    assert "kb" in _engine_keys("kinder begeleiding")
    assert "kb" in _engine_keys('"kinder begeleiding"')  # its parts stand side by side


def test_the_whole_word_ranks_above_the_part(parts_corpus, role_users):
    keys = _engine_keys("begeleiding")
    assert keys.index("beg") < keys.index("kb")
    keys = _keys(service.search(role_users["lid"], SearchQuery(q="begeleiding")))
    assert keys[0] == "beg" and "kb" in keys


def test_the_whole_compound_ranks_above_its_parts(parts_corpus, role_users):
    for q in ("kinderbegeleiding", "kinder begeleiding"):
        keys = _keys(service.search(role_users["lid"], SearchQuery(q=q)))
        assert keys[0] == "kb", (q, keys)
        assert "apart" in keys, (q, keys)  # "kinderen begeleiding", the words apart: below


def test_the_index_keeps_the_parts_of_the_stems_column_for_the_rerank(parts_corpus):
    stems = IndexedDocument.objects.get(key="kb").stems.split()
    assert "kinderbeleid" in stems and {"0pkinder", "0pbeleid"} <= set(stems)


def test_a_rebuild_splits_with_the_whole_new_corpus_whatever_the_order(adapter_registry, db):
    """One document per batch: the compound comes before the word that makes its part known."""
    load_corpus(adapter_registry, [])
    assert not IndexedDocument.objects.exists()
    adapter_registry.clear()
    adapter_registry.register(ListAdapter("guide", "Handleiding", DOCS[:3]))
    indexing.rebuild(batch_size=1)
    assert "kb" in _engine_keys("begeleiding")


def test_a_later_write_splits_with_the_index_vocabulary_and_its_own_batch(parts_corpus):
    store.write([_public("nieuw", "Thuis: de kinderbegeleiding.")])  # "begeleiding" is a word of the index
    assert "nieuw" in _engine_keys("begeleiding")
    store.write([_public("zorgplan", "Een zorgplan."), _public("woorden", "Over zorg en een plan.")])  # one batch
    assert "zorgplan" in _engine_keys("plan") and "zorgplan" in _engine_keys("zorg")


@pytest.mark.parametrize("role", ["anonymous", "account", "lid", "vereniging", "moderator", "redacteur", "beheerder"])
def test_a_restricted_word_never_splits_a_document_its_readers_see(parts_corpus, role, role_users):
    """ "kluis" is only in a members' casus: the public "kluiscode" is not split by it, so "kluis" never finds the
    public document, for any role; for members it finds the members' casus (split with public + members' words)."""
    user = role_users.get(role) or AnonymousUser()
    keys = _keys(service.search(user, SearchQuery(q="kluis")))
    assert "pub-code" not in keys
    if role in ("anonymous", "account"):
        assert keys == [] and service.search(user, SearchQuery(q="kluis")).total == 0
    else:
        assert keys[0] == "geheim" and "m-code" in keys
    # Vereniging's "dossier" does not split the members' "dossiermap" (not every reader may see the word)
    audiences = service.allowed_audiences(user)
    assert "m-map" not in _engine_keys("dossier", audiences)
    assert ("v" in _engine_keys("dossier", audiences)) == (ASSOCIATION in audiences)


def test_no_part_of_a_public_document_comes_from_a_restricted_word(parts_corpus):
    assert "0pkluis" not in IndexedDocument.objects.get(key="pub-code").stems.split()
    assert "0pkluis" in IndexedDocument.objects.get(key="m-code").stems.split()
    assert "0pdossier" not in IndexedDocument.objects.get(key="m-map").stems.split()
    # and a later write of a public document with a members' word beside it in the same batch
    store.write([_public("deur", "De kluisdeur en de deur."), _members("m-kluis", "Nog een kluis.")])
    assert "0pkluis" not in IndexedDocument.objects.get(key="deur").stems.split()
    assert "deur" not in _engine_keys("kluis")


def _public(key, text):
    return SearchDocument(type="guide", key=key, title=key, text=text, url=f"/{key}/", audience="public", date=D)


def _members(key, text):
    return SearchDocument(type="casus", key=key, title=key, text=text, url=f"/{key}/", audience=MEMBERS, date=D)
