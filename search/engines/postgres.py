"""The database engine on PostgreSQL: tsquery syntax and queries (ts_rank), and writing the vector table.

The full-text index is the narrow table ``search_vector`` (id = IndexedDocument.id, one app-written tsvector):
the Snowball stems of title (weight A), tags (B) and text (C) computed in Python as on SQLite, the stems of
the known parts of its compounds (D, the lowest weight), and the head, filter and title-word tokens (also D:
prefixed, they never match a query's words, so they never score). The vector's text is made here (``vector``)
and the queries' tsquery text too, both read by PostgreSQL as written (no text search configuration: it would
only cost parsing). A GIN index answers the match; the text stays in ``search_indexeddocument``. The vector is stored out of line (TOAST, see migration 0005), so the table's heap
is about 100 bytes a row: a broad word's matches are counted and windowed from the GIN index and that small
heap, and a vector is only read for the few matches that are ranked (``ts_rank`` over a window).

Access is arithmetic on the id (the audience code in its low bits against a bitmask), as on SQLite. The
planner would take a sequential scan for a broad word and read every vector: the search's queries run with
sequential and plain index scans off (``SET LOCAL`` in a savepoint that is rolled back: nothing else is
affected), so the GIN index and the id index are always used.
"""

from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction

from .. import analysis
from ..ids import AUDIENCE_BITS, AUDIENCE_MASK, audience_codes, chunks
from .base import HEAD_PREFIX, DatabaseEngine, visible_mask

# D (parts of compounds; the head, filter and title-word tokens there never match a query's words), C (text),
# B (tags), A (title)
TS_RANK_WEIGHTS = "{0.05, 0.1, 0.4, 1.0}"
RANK = f"ts_rank('{TS_RANK_WEIGHTS}', v.vector, %s::tsquery)"
GIN = "search_vector_gin"
TITLE_WORD = "0w"  # the title's words unstemmed (weight D), for search-as-you-type prefixes
SAMPLE_KEY = f"(m.id >> {AUDIENCE_BITS})"
PLANNER = (
    "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL jit = off; SET LOCAL work_mem = '32MB'"
)


def vector(text) -> str:
    """A document's tsvector as PostgreSQL reads it ('stem':1A,7A 'other':2B): what ``setweight(to_tsvector(
    'simple', …), …)`` gives for title (A), tags (B), the parts, head, filter and title-word tokens (D) and text (C),
    in that order (positions above 16,383 are read as 16,383; D comes before C so the parts keep theirs)."""
    title_words = " ".join(TITLE_WORD + word for word in text.title_words.split())
    segments = (
        (text.title, "A"),
        (text.tags, "B"),
        (f"{text.parts} {text.head} {text.meta} {title_words}", "D"),
        (text.text, "C"),
    )
    positions: defaultdict[str, list[str]] = defaultdict(list)
    start = 1
    for tokens, weight in segments:
        tokens = tokens.split()
        labels = map(f"{{}}{weight}".format, range(start, start + len(tokens)))
        for token, label in zip(tokens, labels, strict=True):
            positions[token].append(label)
        start += len(tokens)
    return " ".join([f"'{token}':{','.join(found)}" for token, found in positions.items()])


# ----- tsquery syntax (lexemes are Snowball stems: word characters only) -----------------------------------------


def _phrase(stems, prefix: str = "") -> str:
    return "(" + " <-> ".join(f"'{prefix}{s}'" for s in stems) + ")"


def clause_expression(clause: analysis.Clause, prefix: str = "") -> str:
    """One clause: its words (a phrase) or any of its alternatives."""
    variants = [_phrase([analysis.stem(word) for word in variant], prefix) for variant in clause.variants]
    return variants[0] if len(variants) == 1 else "(" + " | ".join(variants) + ")"


def tsquery(parsed: analysis.ParsedQuery, operator: str = "AND") -> str:
    """A tsquery (its text, read as written: the lexemes are stems made here) over the stems; phrases stay
    phrases."""
    joiner = " & " if operator == "AND" else " | "
    return "(" + joiner.join(clause_expression(clause) for clause in parsed.clauses) + ")"


def head_any(parsed: analysis.ParsedQuery) -> str:
    return "(" + " | ".join(clause_expression(clause, HEAD_PREFIX) for clause in parsed.clauses) + ")"


def visible(codes) -> str:
    """SQL: the audience code in the id's low bits is one of these (trusted: integers only)."""
    code = f"(v.id & {AUDIENCE_MASK})"
    mask, large = visible_mask(codes)
    tests = [f"((1::bigint << {code}::int) & {mask}) <> 0"] if mask else []
    tests += [f"{code} IN ({', '.join(map(str, large))})"] if large else []
    return "(" + " OR ".join(tests) + ")"


@dataclass(frozen=True)
class Vector:
    """A tsquery (a parameter), the words alone (for ts_rank), "a query word in title or tags" and the access
    condition (trusted SQL)."""

    query: str
    words: str
    head: str
    visible: str

    @property
    def where(self) -> str:
        return f"v.vector @@ %s::tsquery AND {self.visible}"

    def narrowed(self, expression: str) -> "Vector":
        return Vector(f"({self.query} & {expression})", self.words, self.head, self.visible)


class PostgresEngine(DatabaseEngine):
    vendor = "postgresql"
    TABLE = "search_vector"
    RANK_WINDOW = 500  # ts_rank reads each ranked vector from TOAST: a smaller window than bm25's on SQLite

    @contextmanager
    def reading(self):
        """The search's queries with the planner held to the indexes (see the module docstring)."""
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(PLANNER)
            yield
            transaction.set_rollback(True)  # read only: this undoes the SET LOCALs, also inside a request's transaction

    def match(self, parsed, operator, filters, codes) -> Vector:
        words = tsquery(parsed, operator) if parsed else ""
        parts = ([words] if parsed else []) + [f"'{token}'" for token in filters]
        return Vector(" & ".join(parts), words, head_any(parsed) if parsed else "", visible(codes))

    def tiers(self, vector, parsed):
        return vector.narrowed(vector.head), vector.narrowed(f"!{vector.head}")

    def count(self, vector) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM search_vector v WHERE {vector.where}", [vector.query])
            return cursor.fetchone()[0]

    def count_and_sample(self, vector, estimate_of, with_head=False):
        """Total, facet sample (its step from the total, in the same statement) and, for relevance, the number of
        matches with a query word in title or tags: one round trip, one pass over the matches."""
        exact = self.FACET_SAMPLE
        head_sql, head_params = "NULL::bigint", []
        if with_head and vector.head:
            head = vector.narrowed(vector.head)
            head_sql, head_params = f"(SELECT count(*) FROM search_vector v WHERE {head.where})", [head.query]
        sql = f"""
            WITH m AS MATERIALIZED (SELECT v.id FROM search_vector v WHERE {vector.where}),
                 n AS (SELECT count(*) AS total FROM m),
                 s AS (SELECT CASE WHEN total <= {exact} THEN 1 ELSE (greatest(1, total / {self.FACET_SAMPLE}) | 1) END AS step FROM n)
            SELECT n.total, s.step, ARRAY(SELECT m.id FROM m WHERE {SAMPLE_KEY} %% s.step = 0), {head_sql}
            FROM n, s
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [vector.query, *head_params])
            total, step, sample, head_total = cursor.fetchone()
        return total, list(sample), step, head_total

    def ranked(self, vector, limit, offset, newest=None):
        """(id, score) of one page by ts_rank, ties newest first; with ``newest`` among the newest that many only
        (the window's ids first, from the GIN index and the small heap; then their vectors are ranked)."""
        if newest is None:
            sql = (
                f"SELECT v.id, {RANK} AS score FROM search_vector v WHERE {vector.where} "
                "ORDER BY score DESC, v.id DESC LIMIT %s OFFSET %s"
            )
            params = [vector.words, vector.query, limit, offset]
        else:
            sql = (
                f"SELECT v.id, {RANK} AS score FROM search_vector v WHERE v.id = ANY(ARRAY("
                f"SELECT v.id FROM search_vector v WHERE {vector.where} ORDER BY v.id DESC LIMIT %s)) "
                "ORDER BY score DESC, v.id DESC LIMIT %s OFFSET %s"
            )
            params = [vector.words, vector.query, newest, limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(pk, float(score)) for pk, score in cursor.fetchall()]

    def newest(self, vector, limit, offset):
        sql = f"SELECT v.id, 0.0 FROM search_vector v WHERE {vector.where} ORDER BY v.id DESC LIMIT %s OFFSET %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [vector.query, limit, offset])
            return cursor.fetchall()

    def older_than_windows(self, tiers, sizes, limit, offset):
        parts, params = [], []
        for tier, size in zip(tiers, sizes, strict=True):
            parts.append(f"(SELECT v.id FROM search_vector v WHERE {tier.where} ORDER BY v.id DESC OFFSET %s)")
            params += [tier.query, size]
        sql = f"SELECT id, 0.0 FROM ({' UNION ALL '.join(parts)}) t ORDER BY id DESC LIMIT %s OFFSET %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit, offset])
            return cursor.fetchall()

    # ----- suggestions and health ---------------------------------------------------------------------------

    def suggest_titles(self, prefix: str, audiences: list[str], limit: int = 8) -> list[dict]:
        words = analysis.words(prefix)[:6]
        codes = sorted(audience_codes(audiences).values()) if words and audiences else []
        if not codes:
            return []
        query = " & ".join(f"('{TITLE_WORD}{word}':* | '{analysis.stem(word)}':*A)" for word in words)
        sql = (
            "SELECT d.title, d.url, d.type FROM search_vector v JOIN search_indexeddocument d ON d.id = v.id "
            f"WHERE {Vector(query, '', '', visible(codes)).where} ORDER BY v.id DESC LIMIT %s"
        )
        with self.reading(), connection.cursor() as cursor:
            cursor.execute(sql, [query, limit])
            return [{"title": title, "url": url, "type": type_} for title, url, type_ in cursor.fetchall()]

    def health(self) -> dict:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM search_vector LIMIT 1")
            cursor.fetchall()
        return {"ok": True, "engine": self.name, "backend": self.vendor}

    # ----- writing ------------------------------------------------------------------------------------------

    def write(self, rows, texts) -> None:
        """The vectors made here (``vector``) and copied in: the database's own to_tsvector costs several times
        more per document than reading a vector's text."""
        self.insert(
            "search_vector",
            ("id", "vector"),
            sorted((row.id, vector(text)) for row, text in zip(rows, texts, strict=True)),
        )

    def insert(self, table, columns, values) -> None:
        """With COPY: one stream per batch, no statement per row."""
        if not values:
            return
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for value in values:
                copy.write_row(value)

    @contextmanager
    def loading(self):
        """A rebuild into an empty table (the first, or after a migration emptied the index) loads it without its
        GIN index and builds that once at the end: much faster than keeping it current row by row. A rebuild of
        a filled index keeps the index (searches go on meanwhile)."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT NOT EXISTS (SELECT 1 FROM search_vector)")
            empty = cursor.fetchone()[0]
            if empty:
                cursor.execute(f"DROP INDEX IF EXISTS {GIN}")
        try:
            yield
        finally:
            if empty:
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
                    cursor.execute(f"CREATE INDEX IF NOT EXISTS {GIN} ON search_vector USING GIN (vector)")

    def delete_ids(self, ids) -> None:
        for chunk in chunks(ids):
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM search_vector WHERE id = ANY(%s)", [list(chunk)])

    def drop_orphans(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM search_vector v WHERE NOT EXISTS (SELECT 1 FROM search_indexeddocument d WHERE d.id = v.id)"
            )

    def optimize(self) -> None:
        """Move the GIN index's pending entries into the index proper and refresh the planner's statistics."""
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT gin_clean_pending_list('{GIN}'::regclass)")
            cursor.execute("ANALYZE search_vector")
