"""Both databases: document ids pack date, sequence and audience code (search.store); migrations empty the index
(derived data) and a rebuild fills it again; full-text rows of vanished documents are dropped."""

import datetime
import importlib
from pathlib import Path

from django.db import connection

from search import ids, indexing, store
from search.engines import SearchQuery, database_engine
from search.models import IndexedAudience, IndexedDocument, IndexedTag

from .conftest import MEMBERS, doc, load_corpus

D = datetime.date


def test_ids_are_in_date_order_and_carry_the_audience_code(adapter_registry, db):
    load_corpus(
        adapter_registry,
        [
            doc("new", "casus", "Nieuw", "ouders", audience=MEMBERS, date=D(2025, 5, 1)),
            doc("old", "guide", "Oud", "ouders", date=D(2019, 1, 1)),
            doc("undated", "guide", "Zonder datum", "ouders"),
            doc("same-day", "guide", "Zelfde dag", "ouders", date=D(2025, 5, 1)),
        ],
    )
    rows = {row.key: row for row in IndexedDocument.objects.all()}
    by_id = [key for key, _ in sorted(((row.key, row.id) for row in rows.values()), key=lambda item: item[1])]
    assert by_id.index("undated") < by_id.index("old") < by_id.index("new")
    assert by_id.index("old") < by_id.index("same-day")
    codes = dict(IndexedAudience.objects.values_list("audience", "code"))
    for row in rows.values():
        assert row.id & ids.AUDIENCE_MASK == codes[row.audience]
        low, high = ids.date_id_range(row.date)
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


def test_migrations_empty_the_index_and_a_rebuild_fills_it_in_date_order(adapter_registry, db):
    """Migrations 0004/0005 cannot keep old ids: they empty the index (derived data); a rebuild fills it again."""
    load_corpus(
        adapter_registry,
        [
            doc("b", "guide", "Begeleide omgang", "ouders", tags=["omgang"], date=D(2024, 3, 1)),
            doc("a", "casus", "Contactverlies", "ouders", audience=MEMBERS, date=D(2020, 1, 1)),
        ],
    )
    migration = importlib.import_module("search.migrations.0005_narrow_vectors")

    class SchemaEditor:
        def execute(self, sql):
            with connection.cursor() as cursor:
                cursor.execute(sql)

    editor = SchemaEditor()
    editor.connection = connection
    migration.run(migration.EMPTY)(None, editor)
    store.drop_orphans()  # post_migrate, after every migrate
    engine = database_engine()
    assert IndexedDocument.objects.count() == 0
    assert engine.search(SearchQuery(q="ouders"), ["public", MEMBERS]).total == 0
    indexing.rebuild()  # what rebuild_search_index runs
    rows = {row.key: row for row in IndexedDocument.objects.all()}
    assert rows["a"].id < rows["b"].id
    assert IndexedTag.objects.get(name="omgang").document_id == rows["b"].id
    assert [hit.key for hit in engine.search(SearchQuery(q="ouders", sort="date"), ["public", MEMBERS]).hits] == [
        "b",
        "a",
    ]
    assert [hit.key for hit in engine.search(SearchQuery(q="ouders"), ["public"]).hits] == ["b"]


def test_migrations_import_no_search_code():
    """Self-contained: a migration must not depend on today's search modules (they change, migrations do not)."""
    for path in sorted((Path(__file__).resolve().parents[2] / "search" / "migrations").glob("0*.py")):
        source = path.read_text()
        assert "from search" not in source and "import search" not in source, path.name


def test_full_text_rows_of_vanished_documents_are_dropped(corpus):
    """A flush of the tables (no Django model holds the full-text rows) is followed by post_migrate."""
    IndexedTag.objects.all()._raw_delete(connection.alias)
    IndexedDocument.objects.all()._raw_delete(connection.alias)
    engine = database_engine()
    assert engine.search(SearchQuery(q="ouders"), ["public"]).total > 0  # full-text rows left behind
    store.drop_orphans()
    assert engine.search(SearchQuery(q="ouders"), ["public"]).total == 0
