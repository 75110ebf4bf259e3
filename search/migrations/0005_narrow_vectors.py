"""The re-rank's stems in their own column, and PostgreSQL's full-text index in a narrow table of its own.

PostgreSQL: the generated ``search_vector`` column (stems by the database's 'dutch' configuration, in the wide
document row) is replaced by the table ``search_vector``: the document id and a tsvector the application writes
(Snowball stems from Python, as on SQLite), with a GIN index. The vector is stored out of line, uncompressed
(STORAGE EXTERNAL), so the table's heap stays about 100 bytes a row and a broad word's matches are counted
without reading their vectors. PostgreSQL only moves values out of line when a row exceeds about 2 kB, so
each row carries a filler (``fill``, 2,100 spaces by default, compressed to a few bytes) that makes it that
long; ``toast_tuple_target`` = 128 then moves the vector out.

Both databases: the index is emptied (derived data; ``rebuild_search_index`` fills it again). Self-contained:
this migration imports nothing of today's search code.
"""

from django.db import migrations, models

POSTGRES_FORWARD = [
    "DROP INDEX IF EXISTS search_indexeddocument_vector",
    "ALTER TABLE search_indexeddocument DROP COLUMN IF EXISTS search_vector",
    "CREATE TABLE search_vector (id bigint PRIMARY KEY, vector tsvector NOT NULL, "
    "fill text NOT NULL DEFAULT repeat(' ', 2100)) WITH (toast_tuple_target = 128)",
    "ALTER TABLE search_vector ALTER COLUMN vector SET STORAGE EXTERNAL",
    "CREATE INDEX search_vector_gin ON search_vector USING GIN (vector)",
]
POSTGRES_BACKWARD = [
    "DROP TABLE IF EXISTS search_vector",
    """
    ALTER TABLE search_indexeddocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('dutch'::regconfig, coalesce(tags_text, '')), 'B') ||
        setweight(to_tsvector('dutch'::regconfig, coalesce(text, '')), 'C')
    ) STORED
    """,
    "CREATE INDEX search_indexeddocument_vector ON search_indexeddocument USING GIN (search_vector)",
]
EMPTY = {
    "sqlite": ["DELETE FROM search_indexedtag", "DELETE FROM search_indexeddocument", "DELETE FROM search_fts"],
    "postgresql": ["DELETE FROM search_indexedtag", "DELETE FROM search_indexeddocument"],
}


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0004_audience_coded_ids")]

    operations = [
        migrations.RunPython(run(EMPTY), migrations.RunPython.noop),
        migrations.RunPython(run({"postgresql": POSTGRES_FORWARD}), run({"postgresql": POSTGRES_BACKWARD})),
        migrations.AddField(
            model_name="indexeddocument", name="stems", field=models.TextField(blank=True, default=""),
        ),
    ]
