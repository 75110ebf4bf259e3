"""Document ids pack date, sequence and an audience code (see ``search.store``), and the ``meta`` and ``head``
columns of SQLite's full-text table change (audience out of ``meta``; ``head`` holds prefixed tokens).

Old ids cannot be kept, so the index is emptied: it is derived data, ``rebuild_search_index`` fills it again
(self-contained: this migration imports nothing of today's search code).
"""

from django.db import migrations, models

EMPTY = ["DELETE FROM search_indexedtag", "DELETE FROM search_indexeddocument"]


def empty_index(apps, schema_editor):
    statements = EMPTY + (["DELETE FROM search_fts"] if schema_editor.connection.vendor == "sqlite" else [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_fts_filter_columns")]

    operations = [
        migrations.CreateModel(
            name="IndexedAudience",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.PositiveSmallIntegerField(unique=True)),
                ("audience", models.CharField(max_length=255, unique=True)),
            ],
        ),
        migrations.RunPython(empty_index, migrations.RunPython.noop),
    ]
