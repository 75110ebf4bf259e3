"""Writing SearchDocuments into the database index (rows, tags and the vendor's full-text table) in batches.

Vendor-neutral: the full-text rows are written by the database engine (``search.engines.sqlite`` / ``postgres``).
"""

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F, Max
from django.utils import timezone

from . import analysis
from .engines import database_engine
from .engines.base import full_text
from .ids import AUDIENCE_BITS, SEQUENCE_BITS, audience_codes, chunks, date_id_range, first_sequence, packed_id
from .models import IndexedAudience, IndexedDocument, IndexedTag
from .vocabulary import Splitters

RERANK_CHARS = 3000  # the start of a text whose stems the re-rank reads (search.ranking)
AUDIENCES_CACHE_KEY = "search:audiences"
KEY_LENGTH = IndexedDocument._meta.get_field("key").max_length


def stored_key(key: str) -> str:
    """A document's key as the index stores it (cut to the column's length)."""
    return key[:KEY_LENGTH]


def _row(document, generation: str) -> IndexedDocument:
    tags = [tag.strip() for tag in document.tags if tag and tag.strip()]
    return IndexedDocument(
        key=stored_key(document.key),
        type=document.type,
        object_ref=document.object_ref[:120],
        title=document.title[:500],
        text=document.text or "",
        tags_text=" | ".join(dict.fromkeys(tags)),
        audience=document.audience or "public",
        date=document.date,
        year=document.date.year if document.date else None,
        url=document.url or "",
        phase=document.phase or "",
        language=document.language or "nl",
        generation=generation,
    )


def _rerank_stems(row, text) -> str:
    """The ``stems`` column: stems of title, tags and the text's start, then the parts of compounds (marked)."""
    start = text.text if len(row.text) <= RERANK_CHARS else analysis.stemmed(row.text[:RERANK_CHARS])
    return f"{text.title} {text.tags} {start} {analysis.marked_parts(text.parts)}"


def _delete_ids(ids) -> None:
    fulltext = database_engine()
    for chunk in chunks(ids):
        IndexedTag.objects.filter(document_id__in=chunk)._raw_delete(connection.alias)
        fulltext.delete_ids(chunk)
        IndexedDocument.objects.filter(id__in=chunk)._raw_delete(connection.alias)


COLUMNS = (
    "id",
    "key",
    "type",
    "object_ref",
    "audience",
    "date",
    "year",
    "url",
    "phase",
    "language",
    "generation",
    "indexed_at",
    "title",
    "tags_text",
    "stems",
    "text",
)


def _new_ids(rows) -> list[int]:
    codes = audience_codes({row.audience for row in rows}, create=True)
    following = _next_sequences({row.date for row in rows})
    ids = []
    for row in rows:
        sequence = following[row.date]
        following[row.date] = sequence + 1
        pk = packed_id(sequence, codes[row.audience])
        if pk > date_id_range(row.date)[1]:
            raise OverflowError(f"too many search documents dated {row.date}")
        ids.append(pk)
    return ids


DAY_SHIFT = AUDIENCE_BITS + SEQUENCE_BITS  # id >> DAY_SHIFT is the date's ordinal (0: undated)


def _next_sequences(dates) -> dict:
    """The next free sequence number of each date, in one query: the highest id per date over the id range of
    these dates (an index range scan; a list of one range per date plans slowly on PostgreSQL)."""
    following = {date: first_sequence(date) for date in dates}
    days = {date.toordinal() if date else 0: date for date in dates}
    low = min(date_id_range(date)[0] for date in dates)
    high = max(date_id_range(date)[1] for date in dates)
    highest = (
        IndexedDocument.objects.filter(id__range=(low, high))
        .annotate(day=F("id") / (1 << DAY_SHIFT))
        .values("day")
        .annotate(last=Max("id"))
        .values_list("day", "last")
    )
    for day, last in highest:
        if day in days:
            following[days[day]] = (last >> AUDIENCE_BITS) + 1
    return following


def _insert(rows) -> None:
    """One batch insert (a COPY on PostgreSQL: much faster than bulk_create for thousands of long texts)."""
    now = timezone.now()
    for row, pk in zip(rows, _new_ids(rows), strict=True):
        row.id, row.indexed_at = pk, now
    values = [
        tuple(
            getattr(row, column) if column not in ("date", "indexed_at") else _db_value(getattr(row, column))
            for column in COLUMNS
        )
        for row in sorted(rows, key=lambda row: row.id)  # in id order: B-tree appends, not splits
    ]
    database_engine().insert("search_indexeddocument", COLUMNS, values)


def _db_value(value):
    if value is None:
        return None
    return (
        connection.ops.adapt_datetimefield_value(value)
        if hasattr(value, "hour")
        else connection.ops.adapt_datefield_value(value)
    )


def write(documents, generation: str = "", splitters: Splitters | None = None) -> list[IndexedDocument]:
    """Add or replace documents (by key) in one transaction: readers see the old or the new version.

    ``splitters``: the lexicons that split their compounds (``search.vocabulary.Splitters``; a rebuild gives
    those of everything it writes), by default the index's vocabulary and these documents'.
    """
    documents = list({document.key: document for document in documents}.values())
    if not documents:
        return []
    rows = [_row(document, generation) for document in documents]
    splitters = splitters or Splitters(rows)
    texts = [full_text(row, splitters.for_audience(row.audience)) for row in rows]
    for row, text in zip(rows, texts, strict=True):
        row.stems = _rerank_stems(row, text)
    with transaction.atomic():
        keys = [row.key for row in rows]
        existing = []
        for chunk in chunks(keys):
            existing += IndexedDocument.objects.filter(key__in=chunk).values_list("id", flat=True)
        _delete_ids(existing)
        _insert(rows)
        tags = [(row.id, tag[:100]) for row in rows for tag in row.tags]
        database_engine().insert("search_indexedtag", ("document_id", "name"), tags)
        database_engine().write(rows, texts)
    cache.delete(AUDIENCES_CACHE_KEY)
    return rows


def delete_refs(refs) -> list[str]:
    """Remove the documents of these objects; returns the removed keys."""
    refs = list(refs)
    if not refs:
        return []
    with transaction.atomic():
        found = []
        for chunk in chunks(refs):
            found += IndexedDocument.objects.filter(object_ref__in=chunk).values_list("id", "key")
        _delete_ids([pk for pk, _key in found])
    return [key for _pk, key in found]


def delete_keys(keys) -> None:
    with transaction.atomic():
        ids = []
        for chunk in chunks(keys):
            ids += IndexedDocument.objects.filter(key__in=chunk).values_list("id", flat=True)
        _delete_ids(ids)


def delete_stale(generation: str, started) -> int:
    """After a rebuild: remove rows the rebuild did not write (unless updated since it started)."""
    stale = list(
        IndexedDocument.objects.exclude(generation=generation)
        .filter(indexed_at__lt=started)
        .values_list("id", flat=True)
    )
    for chunk in chunks(stale):
        with transaction.atomic():
            _delete_ids(chunk)
    return len(stale)


def distinct_audiences() -> list[str]:
    """The audiences with a code in document ids (every audience a document was indexed for: a small table, not
    a pass over the documents)."""
    audiences = cache.get(AUDIENCES_CACHE_KEY)
    if audiences is None:
        audiences = sorted(IndexedAudience.objects.values_list("audience", flat=True))
        cache.set(AUDIENCES_CACHE_KEY, audiences, 60)
    return audiences


def optimize() -> None:
    """After a rebuild: the vendor's full-text index made compact (faster queries)."""
    database_engine().optimize()


def drop_orphans(**kwargs) -> None:
    """Full-text rows whose document is gone are removed (the full-text tables are no Django models, so a
    flush of the tables, e.g. between transactional tests, leaves them behind). Connected to post_migrate,
    which runs after migrate and after flush."""
    fulltext = database_engine()
    if fulltext.TABLE in connection.introspection.table_names():  # not before its migration
        fulltext.drop_orphans()
