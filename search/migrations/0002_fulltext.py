"""The full-text index beside search_indexeddocument: FTS5 on SQLite, a weighted tsvector + GIN on PostgreSQL."""

from django.db import migrations

SQLITE_FORWARD = [
    # Stems are computed in Python (Snowball Dutch) and stored here; rowid = search_indexeddocument.id.
    # title_words holds the unstemmed title words, for search-as-you-type prefixes.
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, tags, text, title_words, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'row')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts_vocab", "DROP TABLE IF EXISTS search_fts"]

POSTGRES_FORWARD = [
    """
    ALTER TABLE search_indexeddocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('dutch'::regconfig, coalesce(tags_text, '')), 'B') ||
        setweight(to_tsvector('dutch'::regconfig, coalesce(text, '')), 'C')
    ) STORED
    """,
    "CREATE INDEX search_indexeddocument_vector ON search_indexeddocument USING GIN (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_indexeddocument_vector",
    "ALTER TABLE search_indexeddocument DROP COLUMN IF EXISTS search_vector",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
