"""The database engine on PostgreSQL: tsquery syntax and queries (ts_rank), and writing the vector table.

The full-text index is the narrow table ``search_vector`` (id = IndexedDocument.id, one app-written tsvector):
the Snowball stems of title (weight A), tags (B) and text (C) computed in Python as on SQLite, the stems of
the known parts of its compounds (D, the lowest weight), and the head, filter and title-word tokens (also D:
prefixed, they never match a query's words, so they never score). The vector's text is made here (``vector``)
and the queries' tsquery text too, both read by PostgreSQL as written (no text search configuration: it would
only cost parsing). A GIN index answers the match; the text stays in ``search_indexeddocument``. The vector is stored out of line (TOAST, see migration 0005), so the table's heap
is about 100 bytes a row: a broad word's matches are windowed from the GIN index and that small heap, counted
from a sample of them (sample tokens, ``count_and_sample``), and a vector is only read for the few matches that
are ranked (``ts_rank`` over a window) or whose phrase is checked.

Access is arithmetic on the id (the audience code in its low bits against a bitmask), as on SQLite. The
planner would take a sequential scan for a broad word and read every vector: the search's queries run with
sequential and plain index scans off (``SET LOCAL`` in a savepoint that is rolled back: nothing else is
affected), so the GIN index and the id index are always used.
"""

import hashlib
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, replace

from django.db import connection, transaction

from .. import analysis
from ..ids import AUDIENCE_BITS, AUDIENCE_MASK, audience_codes, chunks
from .base import HEAD_PREFIX, Counted, DatabaseEngine, visible_mask

# D (parts of compounds; the head, filter and title-word tokens there never match a query's words), C (text),
# B (tags), A (title)
TS_RANK_WEIGHTS = "{0.05, 0.1, 0.4, 1.0}"
RANK = f"ts_rank('{TS_RANK_WEIGHTS}', v.vector, %s::tsquery)"
GIN = "search_vector_gin"
TITLE_WORD = "0w"  # the title's words unstemmed (weight D), for search-as-you-type prefixes
SAMPLE_KEY = f"(m.id >> {AUDIENCE_BITS})"
# Sample tokens: a document of sample level k (``sample_level``) carries "0s1" … "0sk", so "these words in 1 of
# 2**k documents" is one more term for the GIN index, which then skips through the words' long posting lists.
SAMPLE_PREFIX = "0s"
SAMPLE_LEVELS = 24
PROBE_ROWS = 2000  # the probe's level: about this many documents (or up to twice as many) are in its sample
PROBE_LEVEL = (
    f"greatest(1, least({SAMPLE_LEVELS}, floor(log(2, greatest(c.reltuples, 1)::numeric / {PROBE_ROWS}))::int))"
)
NO_ID = (1 << 63) - 1


def _counted(name: str, value: str, source: str) -> str:
    """SQL: '<name>', {value: count} over the rows of ``source``."""
    counts = f"SELECT {value} AS value, count(*) AS n {source} GROUP BY 1"
    return f"'{name}', (SELECT coalesce(json_object_agg(value, n), '{{}}') FROM ({counts}) t)"


# The facet sample's counts (name -> value -> count) in SQL, over its documents' rows ``d``.
TAGS = "FROM d, unnest(string_to_array(d.tags_text, ' | ')) tag WHERE tag <> ''"
FACET_COUNTS = ", ".join(
    (
        _counted("type", "d.type", "FROM d"),
        _counted("tag", "tag", TAGS),
        _counted("phase", "d.phase", "FROM d WHERE d.phase <> ''"),
        _counted("year", "d.year::text", "FROM d WHERE d.year IS NOT NULL"),
    )
)
PLANNER = (
    "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL jit = off; SET LOCAL work_mem = '32MB'"
)


def sample_level(pk: int) -> int:
    """The document is in the samples of levels 1 … this (a hash of its id): 1 in 2**k documents is in level k's."""
    digest = int.from_bytes(hashlib.blake2b(pk.to_bytes(8, "big", signed=True), digest_size=8).digest(), "big")
    return min(SAMPLE_LEVELS, (digest & -digest).bit_length() - 1) if digest else SAMPLE_LEVELS


def sample_token(level) -> str:
    """SQL: the tsquery of one sample level (``level`` trusted SQL: an integer expression)."""
    return f"('{SAMPLE_PREFIX}' || ({level}))::tsquery"


def vector(text, pk: int) -> str:
    """A document's tsvector as PostgreSQL reads it ('stem':1A,7A 'other':2B): what ``setweight(to_tsvector(
    'simple', …), …)`` gives for title (A), tags (B), the parts, head, filter, title-word and sample tokens (D)
    and text (C), in that order (positions above 16,383 are read as 16,383; D comes before C so the parts keep
    theirs)."""
    title_words = " ".join(TITLE_WORD + word for word in text.title_words.split())
    samples = " ".join(f"{SAMPLE_PREFIX}{level}" for level in range(1, sample_level(pk) + 1))
    segments = (
        (text.title, "A"),
        (text.tags, "B"),
        (f"{text.parts} {text.head} {text.meta} {title_words} {samples}", "D"),
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


def _phrase(stems, prefix: str = "", loose: bool = False) -> str:
    return "(" + (" & " if loose else " <-> ").join(f"'{prefix}{s}'" for s in stems) + ")"


def clause_expression(clause: analysis.Clause, prefix: str = "", loose: bool = False) -> str:
    """One clause: its words (a phrase; ``loose``: its words anywhere) or any of its alternatives."""
    variants = [_phrase([analysis.stem(word) for word in variant], prefix, loose) for variant in clause.variants]
    return variants[0] if len(variants) == 1 else "(" + " | ".join(variants) + ")"


def tsquery(parsed: analysis.ParsedQuery, operator: str = "AND", loose: bool = False) -> str:
    """A tsquery (its text, read as written: the lexemes are stems made here) over the stems; phrases stay
    phrases, or with ``loose`` become their words anywhere in the document (what the GIN index answers alone:
    a phrase is checked against each candidate's vector)."""
    joiner = " & " if operator == "AND" else " | "
    return "(" + joiner.join(clause_expression(clause, loose=loose) for clause in parsed.clauses) + ")"


def head_any(parsed: analysis.ParsedQuery, loose: bool = False) -> str:
    return "(" + " | ".join(clause_expression(clause, HEAD_PREFIX, loose) for clause in parsed.clauses) + ")"


def visible(codes) -> str:
    """SQL: the audience code in the id's low bits is one of these (trusted: integers only)."""
    code = f"(v.id & {AUDIENCE_MASK})"
    mask, large = visible_mask(codes)
    tests = [f"((1::bigint << {code}::int) & {mask}) <> 0"] if mask else []
    tests += [f"{code} IN ({', '.join(map(str, large))})"] if large else []
    return "(" + " OR ".join(tests) + ")"


def estimated(count: int) -> int:
    """An estimated count to two significant digits (86,816 -> 87,000): no more precise than it is."""
    return round(count, 2 - len(str(count))) if count >= 100 else count


@dataclass(frozen=True)
class Vector:
    """A tsquery (a parameter), the same with its phrases loose (the GIN index's candidates: no vector is read),
    the words alone (for ts_rank), "a query word in title or tags" (exact and loose) and the access condition
    (trusted SQL)."""

    query: str
    loose: str
    words: str
    head: str
    head_loose: str
    visible: str

    @property
    def where(self) -> str:
        return f"v.vector @@ %s::tsquery AND {self.visible}"

    @property
    def newest_candidates(self) -> str:
        """SQL: the ids of the newest candidates (parameters: the loose tsquery, how many), from the GIN index and
        the small heap alone."""
        return (
            f"SELECT v.id FROM search_vector v WHERE v.vector @@ %s::tsquery AND {self.visible} "
            "ORDER BY v.id DESC LIMIT %s"
        )

    @property
    def headed(self) -> "Vector":
        """The matches with a query word in title or tags."""
        return self.narrowed(self.head, self.head_loose)

    @property
    def phrased(self) -> bool:
        """Its matches are fewer than its candidates (a phrase is checked in each candidate's vector)."""
        return self.loose != self.query

    def narrowed(self, expression: str, loose: str) -> "Vector":
        return replace(self, query=f"({self.query} & {expression})", loose=f"({self.loose} & {loose})")


class PostgresEngine(DatabaseEngine):
    vendor = "postgresql"
    TABLE = "search_vector"
    RANK_WINDOW = 500  # ts_rank reads each ranked vector from TOAST: a smaller window than bm25's on SQLite
    EXACT_COUNT = 2000  # above (candidates of the match, estimated by the probe): an estimated total
    PROBE_HITS = 10  # fewer matches in the probe than this: counted exactly whatever the candidates
    PROBE_CHECKS = 500  # a phrase's probe: a sample level with about this many candidates to check

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
        loose = tsquery(parsed, operator, loose=True) if parsed else ""
        tokens = [f"'{token}'" for token in filters]
        return Vector(
            query=" & ".join(([words] if parsed else []) + tokens),
            loose=" & ".join(([loose] if parsed else []) + tokens),
            words=words,
            head=head_any(parsed) if parsed else "",
            head_loose=head_any(parsed, loose=True) if parsed else "",
            visible=visible(codes),
        )

    def tiers(self, vector, parsed):
        return vector.headed, vector.narrowed(f"!{vector.head}", f"!{vector.head_loose}")

    def count(self, vector) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM search_vector v WHERE {vector.where}", [vector.query])
            return cursor.fetchone()[0]

    def count_and_sample(self, vector, estimate_of, with_head=False):
        """Total, facet sample and, for relevance, the number of matches with a query word in title or tags: one
        round trip whose work is bounded however many documents match.

        A probe first: the matches among the documents of one sample level (about PROBE_ROWS documents, from the
        table's size), whose count times 2**level estimates the total. When that estimates at most EXACT_COUNT
        candidates, or the probe found too few matches to estimate from (PROBE_HITS: a phrase whose words occur
        often but rarely together), every match is counted and the facet sample is taken as on SQLite; above, the
        total is the estimate (two significant digits) and the facets come from a sample level holding about
        FACET_SAMPLE matches."""
        head = vector.headed if with_head and vector.head else None
        visible = vector.visible

        def at_level(param: str, level: str) -> str:
            """SQL: the documents of this sample level that match the tsquery parameter and may be seen."""
            return f"v.vector @@ (%({param})s::tsquery && {sample_token(level)}) AND {visible}"

        in_probe, candidates, level = "NULL::bigint", "(SELECT count(*) FROM p) << k.level", "c.level"
        if vector.phrased:
            # The GIN index alone counts the candidates; the phrase is checked in about PROBE_CHECKS of them.
            in_probe = f"(SELECT count(*) FROM search_vector v WHERE {at_level('loose', 'l.level')})"
            candidates = "c.n << c.level"
            level = f"c.level + greatest(0, round(log(2, greatest(c.n, 1)::numeric / {self.PROBE_CHECKS}))::int)"
        head_sql = "NULL::bigint"
        if head:
            head_sql = f"""CASE WHEN x.exact
                THEN (SELECT count(*) FROM search_vector v WHERE v.vector @@ %(head)s::tsquery AND {visible})
                ELSE (SELECT count(*) FROM search_vector v WHERE {at_level("head", "x.level")}) << x.level END"""
        lowest_facet_level = "e.level" if vector.phrased else "1"  # a phrase: no more checks than the probe's
        sql = f"""
            WITH l AS MATERIALIZED (
                     SELECT {PROBE_LEVEL} AS level FROM pg_class c WHERE c.oid = 'search_vector'::regclass),
                 c AS MATERIALIZED (SELECT l.level, {in_probe} AS n FROM l),
                 k AS MATERIALIZED (SELECT {level} AS level FROM c),
                 p AS MATERIALIZED (
                     SELECT v.id FROM search_vector v WHERE {at_level("query", "(SELECT level FROM k)")}),
                 e AS MATERIALIZED (
                     SELECT k.level, {candidates} AS candidates, (SELECT count(*) FROM p) << k.level AS estimate
                     FROM k, c),
                 x AS MATERIALIZED (
                     SELECT e.*,
                            (e.candidates <= {self.EXACT_COUNT} OR e.estimate < ({self.PROBE_HITS} << e.level)) AS exact,
                            greatest({lowest_facet_level},
                                     round(log(2, greatest(e.estimate, 1)::numeric / {self.FACET_SAMPLE}))::int)
                                AS facet_level
                     FROM e),
                 m AS MATERIALIZED (
                     SELECT v.id FROM search_vector v
                     WHERE (SELECT exact FROM x) AND v.vector @@ %(query)s::tsquery AND {visible}),
                 n AS (SELECT count(*) AS total FROM m),
                 s AS (SELECT CASE WHEN total <= {self.FACET_SAMPLE} THEN 1
                              ELSE (greatest(1, total / {self.FACET_SAMPLE}) | 1) END AS step FROM n),
                 sample AS (
                SELECT CASE WHEN x.exact THEN ARRAY(SELECT m.id FROM m WHERE {SAMPLE_KEY} %% s.step = 0)
                            WHEN x.facet_level = x.level THEN ARRAY(SELECT p.id FROM p)
                            ELSE ARRAY(SELECT v.id FROM search_vector v WHERE {at_level("query", "x.facet_level")})
                       END AS ids
                FROM x, n, s),
                 d AS MATERIALIZED (
                     SELECT d.type, d.phase, d.year, d.tags_text FROM search_indexeddocument d
                     WHERE d.id = ANY((SELECT ids FROM sample)::bigint[]))
            SELECT x.exact,
                   CASE WHEN x.exact THEN n.total ELSE x.estimate END,
                   CASE WHEN x.exact THEN s.step ELSE 1 << x.facet_level END,
                   (SELECT count(*) FROM d),
                   json_build_object({FACET_COUNTS}),
                   {head_sql}
            FROM x, n, s
        """
        params = {"query": vector.query, "loose": vector.loose, "head": head.query if head else ""}
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            exact, total, step, seen, facets, head_total = cursor.fetchone()
        if exact:
            return Counted(total, facets, seen, step, head_total)
        return Counted(estimated(total), facets, seen, step, head_total and estimated(head_total), estimated=True)

    def ranked(self, vector, limit, offset, newest=None):
        """(id, score) of one page by ts_rank, ties newest first; with ``newest`` among the newest that many
        candidates only (the window's ids first, from the GIN index and the small heap; then their vectors are
        ranked, and a phrase checked in them)."""
        if newest is None:
            sql = (
                f"SELECT v.id, {RANK} AS score FROM search_vector v WHERE {vector.where} "
                "ORDER BY score DESC, v.id DESC LIMIT %s OFFSET %s"
            )
            params = [vector.words, vector.query, limit, offset]
        else:
            phrase = " AND v.vector @@ %s::tsquery" if vector.phrased else ""
            sql = (
                f"SELECT v.id, {RANK} AS score FROM search_vector v WHERE v.id = ANY(ARRAY({vector.newest_candidates}))"
                f"{phrase} ORDER BY score DESC, v.id DESC LIMIT %s OFFSET %s"
            )
            params = [vector.words, vector.loose, newest, *([vector.query] if vector.phrased else []), limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(pk, float(score)) for pk, score in cursor.fetchall()]

    def newest(self, vector, limit, offset):
        sql = f"SELECT v.id, 0.0 FROM search_vector v WHERE {vector.where} ORDER BY v.id DESC LIMIT %s OFFSET %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [vector.query, limit, offset])
            return cursor.fetchall()

    def older_than_windows(self, tiers, sizes, limit, offset):
        """The matches older than the oldest candidate of each tier's window (``ranked``'s windows)."""
        parts, params = [], []
        for tier, size in zip(tiers, sizes, strict=True):
            parts.append(
                f"(SELECT v.id FROM search_vector v WHERE {tier.where} "
                f"AND v.id < (SELECT coalesce(min(w.id), {NO_ID}) FROM ({tier.newest_candidates}) w))"
            )
            params += [tier.query, tier.loose, size]
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
            f"WHERE v.vector @@ %s::tsquery AND {visible(codes)} ORDER BY v.id DESC LIMIT %s"
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
            sorted((row.id, vector(text, row.id)) for row, text in zip(rows, texts, strict=True)),
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
