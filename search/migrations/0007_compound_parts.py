"""SQLite: the FTS5 table gets a column ``parts`` (the stems of the known parts of a document's compounds, with
a bm25 weight below the text's), so a query for ``begeleiding`` finds ``kinderbegeleiding``.

FTS5 tables cannot add a column: the table is recreated and the index emptied (derived data,
``rebuild_search_index`` fills it again). PostgreSQL keeps its table: the parts go into the vector's lowest
weight (D) when a document is next written, so nothing is emptied there. Self-contained: this migration imports
nothing of today's search code.
"""

from django.db import migrations

COLUMNS = "title, tags, text, parts, title_words, head, meta"
COLUMNS_BEFORE = "title, tags, text, title_words, head, meta"


def create(columns):
    return [
        "DROP TABLE IF EXISTS search_fts_vocab",
        "DROP TABLE IF EXISTS search_fts",
        f"CREATE VIRTUAL TABLE search_fts USING fts5({columns}, tokenize = 'unicode61 remove_diacritics 2')",
        "CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'row')",
        "DELETE FROM search_indexedtag",
        "DELETE FROM search_indexeddocument",
    ]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0006_synonym_groups")]

    operations = [migrations.RunPython(run(create(COLUMNS)), run(create(COLUMNS_BEFORE)))]
