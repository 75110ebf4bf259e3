"""The database engine on SQLite: FTS5 syntax and queries (bm25), and writing the FTS5 table.

The full-text index is the FTS5 table ``search_fts`` (rowid = IndexedDocument.id; columns title, tags, text
holding Snowball stems, parts the stems of the known parts of its compounds, title_words the unstemmed title
words for prefixes, head and meta, see ``engines.base``). Access is arithmetic on the rowid inside the full-text query (the audience code in its low
bits is tested against a bitmask of the allowed codes), the chosen filters are ``meta`` tokens in the MATCH
expression, and the total is an FTS5 count that reads no document rows.
"""

import json
from dataclasses import dataclass

from django.db import connection

from .. import analysis
from ..ids import AUDIENCE_BITS, AUDIENCE_MASK, audience_codes, chunks
from .base import HEAD_PREFIX, Counted, DatabaseEngine, sample_facets, visible_mask

# bm25 weights of the FTS5 columns title, tags, text, parts (of compounds: below the words themselves);
# title_words, head, meta never score
BM25_WEIGHTS = (10.0, 4.0, 1.0, 0.2, 0.0, 0.0, 0.0)
BM25 = f"bm25(search_fts, {', '.join(map(str, BM25_WEIGHTS))})"
# The facet sample: documents whose (date ordinal << SEQUENCE_BITS | sequence) is divisible by an odd step. An
# odd step is coprime with 2**SEQUENCE_BITS, so for each sequence number every step-th day is taken: an even
# spread over dates, types and tags.
SAMPLE_KEY = f"(search_fts.rowid >> {AUDIENCE_BITS})"


# ----- FTS5 syntax ----------------------------------------------------------------------------------------------


def _phrase(stems, prefix: str = "") -> str:
    return '"' + " ".join(prefix + s for s in stems) + '"'


def clause_expression(clause: analysis.Clause, prefix: str = "") -> str:
    """One clause: its words (a phrase) or any of its alternatives."""
    variants = [_phrase([analysis.stem(word) for word in variant], prefix) for variant in clause.variants]
    return variants[0] if len(variants) == 1 else "(" + " OR ".join(variants) + ")"


def match(parsed: analysis.ParsedQuery, operator: str = "AND") -> str:
    """An FTS5 MATCH expression over the stemmed columns; phrases stay phrases."""
    return f" {operator} ".join(clause_expression(clause) for clause in parsed.clauses)


def head_any(parsed: analysis.ParsedQuery) -> str:
    """An FTS5 expression: a query word (or phrase, or alternative) occurs in title or tags."""
    return "(" + " OR ".join(clause_expression(clause, HEAD_PREFIX) for clause in parsed.clauses) + ")"


def visible(codes) -> str:
    """SQL: the document's audience code (the low bits of its id) is one of these (trusted: integers only).

    Codes below 63 are tested as one bitmask (cheaper per row than an IN list); higher codes, if any, by a list.
    """
    code = f"(search_fts.rowid & {AUDIENCE_MASK})"
    mask, large = visible_mask(codes)
    tests = [f"((1 << {code}) & {mask}) != 0"] if mask else []
    tests += [f"{code} IN ({', '.join(map(str, large))})"] if large else []
    return "(" + " OR ".join(tests) + ")"


def _placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


@dataclass(frozen=True)
class Fts:
    """A MATCH expression (a parameter) and the access condition on the rowid (trusted SQL, codes only)."""

    match: str
    visible: str

    @property
    def where(self) -> str:
        return f"search_fts MATCH %s AND {self.visible}"

    def narrowed(self, expression: str) -> "Fts":
        return Fts(f"({self.match}) {expression}", self.visible)


class SqliteEngine(DatabaseEngine):
    vendor = "sqlite"
    TABLE = "search_fts"

    def match(self, parsed, operator, filters, codes) -> Fts:
        parts = [f"({match(parsed, operator)})"] if parsed else []
        parts += [f'meta : "{token}"' for token in filters]
        return Fts(" AND ".join(parts), visible(codes))

    def tiers(self, fts, parsed):
        head = head_any(parsed)
        return fts.narrowed(f"AND {head}"), fts.narrowed(f"NOT {head}")

    def estimate(self, parsed, filters, operator) -> int | None:
        """An upper bound on the matches, from the index's own term statistics (None: no bound known)."""
        variants = [[tuple(map(analysis.stem, variant)) for variant in clause.variants] for clause in parsed.clauses]
        terms = {stem for clause in variants for variant in clause for stem in variant} | set(filters)
        counts = {}
        if terms:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT term, doc FROM search_fts_vocab WHERE term IN ({_placeholders(terms)})", list(terms)
                )
                counts = dict(cursor.fetchall())
        bounds = [sum(min(counts.get(stem, 0) for stem in variant) for variant in clause) for clause in variants]
        if operator == "OR" and bounds:
            bounds = [sum(bounds)]
        bounds += [counts.get(token, 0) for token in filters]
        return min(bounds) if bounds else None

    def count(self, fts) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM search_fts WHERE {fts.where}", [fts.match])
            return cursor.fetchone()[0]

    def count_and_sample(self, fts, estimate_of, with_head=False):
        """The exact total and the ids of a sample of the matches, in one pass over the full-text index.

        The sample is every match (step 1: exact facets) up to about FACET_SAMPLE matches; above, a
        pseudo-random 1/step of them, with step chosen from the estimate (and once more from the total when
        the estimate was far off).
        """
        estimate = estimate_of()
        step = _odd(estimate // self.FACET_SAMPLE) if estimate is not None else 1
        sql = (
            f"SELECT COUNT(*), json_group_array(rowid) FILTER (WHERE {SAMPLE_KEY} %% %s = 0) "
            f"FROM search_fts WHERE {fts.where}"
        )
        for _attempt in range(2):
            with connection.cursor() as cursor:
                cursor.execute(sql, [step, fts.match])
                total, ids = cursor.fetchone()
            sample = json.loads(ids)
            exact = step == 1 and total <= 2 * self.FACET_SAMPLE
            sampled = (
                step > 1
                and total > self.FACET_SAMPLE
                and self.FACET_SAMPLE // 4 <= len(sample) <= 2 * self.FACET_SAMPLE
            )
            if exact or sampled:
                break
            step = 1 if total <= self.FACET_SAMPLE else _odd(total // self.FACET_SAMPLE)
        rows = self._facet_rows(ids) if sample else []
        return Counted(total, sample_facets(rows), len(rows), step)

    @staticmethod
    def _facet_rows(ids: str) -> list[tuple]:
        """(type, phase, year, tags_text) of the documents in this JSON list of ids (one parameter: a thousand
        placeholders cost more to build than the query takes)."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT type, phase, year, tags_text FROM search_indexeddocument "
                "WHERE id IN (SELECT value FROM json_each(%s))",
                [ids],
            )
            return cursor.fetchall()

    def ranked(self, fts, limit, offset, newest=None):
        """(id, score) of one page by bm25, ties newest first, in one query inside the full-text index."""
        oldest_id = self._window_start(fts, newest) if newest is not None else None
        window = "AND rowid >= %s " if oldest_id is not None else ""
        sql = f"SELECT rowid, {BM25} AS rank FROM search_fts WHERE {fts.where} {window}ORDER BY rank, rowid DESC LIMIT %s OFFSET %s"
        params = [fts.match, *([oldest_id] if oldest_id is not None else []), limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(pk, -rank) for pk, rank in cursor.fetchall()]

    def newest(self, fts, limit, offset):
        """One page newest first: ids are in date order, so this walks the full-text index backwards."""
        sql = f"SELECT rowid, 0.0 FROM search_fts WHERE {fts.where} ORDER BY rowid DESC LIMIT %s OFFSET %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [fts.match, limit, offset])
            return cursor.fetchall()

    @staticmethod
    def _window_start(fts, size) -> int:
        """The id of the oldest of the newest ``size`` matches (0 when size is 0: an empty window)."""
        if not size:
            return 0
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM search_fts WHERE {fts.where} ORDER BY rowid DESC LIMIT 1 OFFSET %s",
                [fts.match, size - 1],
            )
            return cursor.fetchone()[0]

    def older_than_windows(self, tiers, sizes, limit, offset):
        starts = [self._window_start(tier, size) for tier, size in zip(tiers, sizes, strict=True)]
        sql = (
            f"SELECT id, 0.0 FROM (SELECT rowid AS id FROM search_fts WHERE {tiers[0].where} AND rowid < %s "
            f"UNION ALL SELECT rowid AS id FROM search_fts WHERE {tiers[1].where} AND rowid < %s) "
            "ORDER BY id DESC LIMIT %s OFFSET %s"
        )
        params = [tiers[0].match, starts[0], tiers[1].match, starts[1], limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    # ----- suggestions and health ---------------------------------------------------------------------------

    def suggest_titles(self, prefix: str, audiences: list[str], limit: int = 8) -> list[dict]:
        words = analysis.words(prefix)[:6]
        codes = sorted(audience_codes(audiences).values()) if words and audiences else []
        if not codes:
            return []
        expression = " AND ".join(f'(title_words : "{word}"* OR title : "{analysis.stem(word)}"*)' for word in words)
        sql = (
            "SELECT d.title, d.url, d.type FROM search_fts JOIN search_indexeddocument d ON d.id = search_fts.rowid "
            f"WHERE search_fts MATCH %s AND {visible(codes)} ORDER BY {BM25} LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [expression, limit])
            return [{"title": title, "url": url, "type": type_} for title, url, type_ in cursor.fetchall()]

    def health(self) -> dict:
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH %s", ['"kennisplein"'])
            cursor.fetchone()
        return {"ok": True, "engine": self.name, "backend": self.vendor}

    # ----- writing ------------------------------------------------------------------------------------------

    INSERT = (
        "INSERT INTO search_fts (rowid, title, tags, text, parts, title_words, head, meta) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    )

    def write(self, rows, texts) -> None:
        """Written with the raw sqlite3 cursor, in rowid order: FTS5 flushes its pending index data whenever a
        rowid is lower than the one before."""
        connection.ensure_connection()
        values = sorted(
            (row.id, text.title, text.tags, text.text, text.parts, text.title_words, text.head, text.meta)
            for row, text in zip(rows, texts, strict=True)
        )
        connection.connection.executemany(self.INSERT, values)

    def insert(self, table, columns, values) -> None:
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({_placeholders(columns)})"
        with connection.cursor() as cursor:
            cursor.executemany(sql, values)

    def delete_ids(self, ids) -> None:
        for chunk in chunks(ids):
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({_placeholders(chunk)})", list(chunk))

    def drop_orphans(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts WHERE rowid NOT IN (SELECT id FROM search_indexeddocument)")

    def optimize(self) -> None:
        """Merge the full-text index's segments into one (after a rebuild: faster queries)."""
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES('optimize')")


def _odd(number: int) -> int:
    return max(1, number) | 1
