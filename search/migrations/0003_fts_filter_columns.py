"""SQLite: the FTS5 table gets two more columns, both with bm25 weight 0 (they never change a score).

* ``head``: the stems of title and tags again, so a query can be narrowed to documents with a query word in
  title or tags (what ranks first anyway) without changing the bm25 score;
* ``meta``: audience, type, phase, year and tags as opaque tokens, so access and facet filters run inside the
  full-text index (see ``search.engines.base.meta_text``).

The table is recreated and the index emptied: it is derived data, ``rebuild_search_index`` fills it again
(self-contained: this migration imports nothing of today's search code).
"""

from django.db import migrations

CREATE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, tags, text, title_words, head, meta, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'row')",
]
CREATE_OLD = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, tags, text, title_words, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'row')",
]
DROP = ["DROP TABLE IF EXISTS search_fts_vocab", "DROP TABLE IF EXISTS search_fts"]
EMPTY = ["DELETE FROM search_indexedtag", "DELETE FROM search_indexeddocument"]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in DROP + CREATE + EMPTY:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in DROP + CREATE_OLD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [migrations.RunPython(forward, backward)]
