"""SQLite: document ids pack date, sequence and an audience code (see ``search.store``), and the ``meta`` and
``head`` columns of the full-text table change (audience out of ``meta``; ``head`` holds prefixed tokens).

Existing rows are renumbered (tags follow) and the full-text table is refilled. On PostgreSQL only the
(unused) code table is created.
"""

import datetime

from django.db import migrations, models


def _as_date(value):
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


def renumber(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    from search import store

    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT audience FROM search_indexeddocument ORDER BY audience")
        codes = {audience: code for code, (audience,) in enumerate(cursor.fetchall(), start=1)}
        cursor.executemany("INSERT INTO search_indexedaudience (code, audience) VALUES (%s, %s)", [(c, a) for a, c in codes.items()])
        cursor.execute("SELECT id, date, audience FROM search_indexeddocument ORDER BY date, id")
        following, mapping = {}, []
        for old, value, audience in cursor.fetchall():
            date = _as_date(value)
            sequence = following.get(date, store.first_sequence(date))
            following[date] = sequence + 1
            mapping.append((old, store.packed_id(sequence, codes[audience])))
        cursor.execute("CREATE TEMP TABLE search_new_ids (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
        cursor.executemany("INSERT INTO search_new_ids (old, new) VALUES (%s, %s)", mapping)
        cursor.execute("UPDATE search_indexedtag SET document_id = (SELECT new FROM search_new_ids WHERE old = document_id)")
        cursor.execute("UPDATE search_indexeddocument SET id = -id")  # out of the way of the new ids first
        cursor.execute(
            "UPDATE search_indexeddocument SET id = (SELECT new FROM search_new_ids WHERE old = -search_indexeddocument.id)"
        )
        cursor.execute("DROP TABLE search_new_ids")
        cursor.execute("DELETE FROM search_fts")
    store.refill_fts(connection)
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES('optimize')")


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
        migrations.RunPython(renumber, migrations.RunPython.noop),
    ]
