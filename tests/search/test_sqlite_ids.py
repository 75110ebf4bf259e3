"""SQLite: document ids pack date, sequence and audience code (search.store), and the migration renumbers old rows."""

import datetime
import importlib

import pytest
from django.db import connection

from search import store
from search.engines import SearchQuery, database_engine
from search.models import IndexedAudience, IndexedDocument, IndexedTag

from .conftest import MEMBERS, doc, load_corpus

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="packed ids are SQLite only")

D = datetime.date


def test_ids_are_in_date_order_and_carry_the_audience_code(adapter_registry, db):
    load_corpus(adapter_registry, [
        doc("new", "casus", "Nieuw", "ouders", audience=MEMBERS, date=D(2025, 5, 1)),
        doc("old", "guide", "Oud", "ouders", date=D(2019, 1, 1)),
        doc("undated", "guide", "Zonder datum", "ouders"),
        doc("same-day", "guide", "Zelfde dag", "ouders", date=D(2025, 5, 1)),
    ])
    rows = {row.key: row for row in IndexedDocument.objects.all()}
    by_id = [key for key, _ in sorted(((row.key, row.id) for row in rows.values()), key=lambda item: item[1])]
    assert by_id.index("undated") < by_id.index("old") < by_id.index("new")
    assert by_id.index("old") < by_id.index("same-day")
    codes = dict(IndexedAudience.objects.values_list("audience", "code"))
    for row in rows.values():
        assert row.id & store.AUDIENCE_MASK == codes[row.audience]
        low, high = store.date_id_range(row.date)
        assert low <= row.id <= high


def test_a_changed_audience_changes_the_id_and_what_shows(adapter_registry, db):
    load_corpus(adapter_registry, [doc("c", "casus", "Casus over ouders", "ouders", date=D(2024, 1, 1))])
    engine = database_engine()
    assert engine.search(SearchQuery(q="ouders"), ["public"]).total == 1
    store.write([doc("c", "casus", "Casus over ouders", "ouders", audience=MEMBERS, date=D(2024, 1, 1))])
    assert engine.search(SearchQuery(q="ouders"), ["public"]).total == 0
    assert [hit.key for hit in engine.search(SearchQuery(q="ouders"), ["public", MEMBERS]).hits] == ["c"]


def test_unknown_audiences_see_nothing(corpus):
    assert database_engine().search(SearchQuery(q="ouders"), ["group:Onbekend"]).total == 0


def test_migration_renumbers_old_rows_into_date_order(adapter_registry, db):
    """Rows with plain sequential ids (as before migration 0004) get packed ids; tags and full text follow."""
    load_corpus(adapter_registry, [
        doc("b", "guide", "Begeleide omgang", "ouders", tags=["omgang"], date=D(2024, 3, 1)),
        doc("a", "casus", "Contactverlies", "ouders", audience=MEMBERS, date=D(2020, 1, 1)),
    ])
    with connection.cursor() as cursor:  # back to the old shape: ids 1, 2 and no codes
        for old, key in enumerate(["b", "a"], start=1):
            pk = IndexedDocument.objects.get(key=key).pk
            cursor.execute("UPDATE search_indexedtag SET document_id = %s WHERE document_id = %s", [old, pk])
            cursor.execute("UPDATE search_indexeddocument SET id = %s WHERE id = %s", [old, pk])
        cursor.execute("DELETE FROM search_fts")
        cursor.execute("DELETE FROM search_indexedaudience")
    migration = importlib.import_module("search.migrations.0004_audience_coded_ids")

    class SchemaEditor:
        pass

    editor = SchemaEditor()
    editor.connection = connection
    migration.renumber(None, editor)
    rows = {row.key: row for row in IndexedDocument.objects.all()}
    assert rows["a"].id < rows["b"].id
    assert IndexedTag.objects.get(name="omgang").document_id == rows["b"].id
    engine = database_engine()
    assert [hit.key for hit in engine.search(SearchQuery(q="ouders", sort="date"), ["public", MEMBERS]).hits] == ["b", "a"]
    assert [hit.key for hit in engine.search(SearchQuery(q="ouders"), ["public"]).hits] == ["b"]
