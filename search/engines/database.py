"""Full-text search in the database: SQLite FTS5 (Python Snowball stems, bm25) or PostgreSQL (dutch, ts_rank).

Ranking, access filtering and the page of hits come from one query; the count and the facets (type, tag,
phase, year) from queries over the same filtered match set, so counts never include what the user may not see.

On SQLite a document's id packs its date, a sequence number and a code for its audience (``search.store``).
Access is arithmetic on the rowid inside the full-text query (the code in its low bits is tested against a
bitmask of the allowed codes), the chosen filters are tokens in the FTS5 column ``meta`` (weight 0), and the
total is an FTS5 count that reads no document rows. Ids are in date order, so "newest first" is a backwards
walk of the full-text index and "the newest N matches" is cheap. The work per query is bounded however many documents match (see
``benchmarks/README.md``):

* relevance: up to ``RANK_WINDOW`` matches, bm25 ranks them all. Above, bm25 ranks two windows: the newest
  RANK_WINDOW matches with a query word in title or tags (``head`` tokens, weight 0, so scores are the
  normal bm25 scores), then the newest RANK_WINDOW other matches; all remaining matches follow, newest first;
* date: newest first, ties on the same date by the order they were indexed (newest first);
* facets (over FACET_SAMPLE): counted over a pseudo-random sample of about ``FACET_SAMPLE`` visible matches and
  scaled to the exact total; the result says ``facets_approximate`` and the page and API show "ongeveer".
"""

import json
from collections import Counter
from dataclasses import dataclass, replace

from django.db import connection
from django.utils.html import escape

from .. import analysis, ranking, store
from ..models import IndexedDocument
from . import postgres as pg_syntax
from . import sqlite as fts5_syntax
from .base import Engine, Hit, SearchQuery, SearchResult

# bm25 weights of the FTS5 columns title, tags, text; ts_rank weights {D, C, B, A} (A = title).
BM25_WEIGHTS = (10.0, 4.0, 1.0, 0.0, 0.0, 0.0)  # title, tags, text; title_words, head, meta never score
BM25 = f"bm25(search_fts, {', '.join(map(str, BM25_WEIGHTS))})"
# Sizes in visible matches (see the module docstring and benchmarks/README.md):
RANK_WINDOW = 2000  # above: bm25 ranks windows of the newest matches (title/tag matches first)
FACET_SAMPLE = 1000  # above: facet counts from a sample of about this many matches ("ongeveer")
# The facet sample: documents whose (date ordinal << SEQUENCE_BITS | sequence) is divisible by an odd step. An
# odd step is coprime with 2**SEQUENCE_BITS, so for each sequence number every step-th day is taken: an even
# spread over dates, types and tags.
SAMPLE_KEY = f"(search_fts.rowid >> {store.AUDIENCE_BITS})"
TS_RANK_WEIGHTS = "{0.05, 0.2, 0.5, 1.0}"
PG_OPEN, PG_CLOSE = "\u27e6", "\u27e7"  # ts_headline markers, turned into <mark> after escaping
PG_HEADLINE = f"StartSel={PG_OPEN}, StopSel={PG_CLOSE}, MaxWords=32, MinWords=16, MaxFragments=2, FragmentDelimiter=\" … \""
SNIPPET_WORDS = 32
FEW = 3  # fewer matches of every word than this: matches of some of the words are ranked too

COLUMNS = "d.id, d.key, d.type, d.title, d.url, d.date, d.tags_text, d.phase"


def _placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


@dataclass(frozen=True)
class _Fts:
    """SQLite: a MATCH expression (a parameter) and the access condition on the rowid (trusted SQL, codes only)."""

    match: str
    visible: str

    @property
    def where(self) -> str:
        return f"search_fts MATCH %s AND {self.visible}"

    def narrowed(self, expression: str) -> "_Fts":
        return _Fts(f"({self.match}) {expression}", self.visible)


class DatabaseEngine(Engine):
    name = "database"

    @property
    def vendor(self) -> str:
        return connection.vendor

    # ----- matching -------------------------------------------------------------------------------------

    def _match(self, parsed: analysis.ParsedQuery, operator: str) -> tuple[str, str, list]:
        """(FROM clause, WHERE condition, params) for the full-text condition."""
        if self.vendor == "postgresql":
            expression, params = pg_syntax.tsquery(parsed, operator)
            source = f"search_indexeddocument d CROSS JOIN (SELECT {expression} AS query) q"
            return source, "d.search_vector @@ q.query", params
        source = "search_fts JOIN search_indexeddocument d ON d.id = search_fts.rowid"
        return source, "search_fts MATCH %s", [fts5_syntax.match(parsed, operator)]

    def _filters(self, query: SearchQuery, audiences: list[str]) -> tuple[list[str], list]:
        where = [f"d.audience IN ({_placeholders(audiences)})"]
        params = list(audiences)
        if query.type:
            where.append("d.type = %s")
            params.append(query.type)
        if query.phase:
            where.append("d.phase = %s")
            params.append(query.phase)
        if query.year:
            where.append("d.year = %s")
            params.append(query.year)
        if query.tag:
            where.append("EXISTS (SELECT 1 FROM search_indexedtag t WHERE t.document_id = d.id AND t.name = %s)")
            params.append(query.tag)
        return where, params

    # ----- search ---------------------------------------------------------------------------------------

    def search(self, query: SearchQuery, audiences: list[str], lexicon=None) -> SearchResult:
        """With a ``lexicon`` (search.analysis.Lexicon of what these audiences may see) words get alternatives."""
        result = SearchResult(query=query, engine=self.name)
        parsed = analysis.parse(query.q, lexicon)
        if not audiences or not (parsed or query.has_filters):
            return result
        reranked = bool(parsed) and query.sort == "relevance" and query.offset + query.per_page <= ranking.CANDIDATES
        run_query = replace(query, page=1, per_page=ranking.CANDIDATES) if reranked else query
        self._run(run_query, parsed, audiences, "AND", result, plain=reranked)
        if result.total < FEW and len(parsed.clauses) > 1:
            # Few items have every word: items with some of them are ranked too (the more words, the higher).
            every = result
            result = SearchResult(query=query, engine=self.name)
            self._run(run_query, parsed, audiences, "OR", result, plain=reranked)
            keys = {hit.key for hit in every.hits}
            result.hits = every.hits + [hit for hit in result.hits if hit.key not in keys]
            result.relaxed = every.total == 0 and result.total > 0
        result.query = query
        if reranked:
            hits = ranking.collapse_chapters(ranking.rerank(parsed, result.hits))
            hits = ranking.mix_types(hits, query.per_page)[query.offset : query.offset + query.per_page]
            stems = parsed.stems
            for hit in hits:
                hit.snippet = analysis.highlight(hit.text, stems, SNIPPET_WORDS)
                hit.title_html = analysis.highlight(hit.title, stems, whole=True)
            result.hits = hits
        for hit in result.hits:
            hit.text = ""
        return result

    def _run(self, query, parsed, audiences, operator, result, plain=False) -> None:
        """Total, facets and one page of hits; ``plain``: hits with their text and no snippets yet."""
        if self.vendor == "sqlite":
            return self._run_sqlite(query, parsed, audiences, operator, result, plain)
        filters, filter_params = self._filters(query, audiences)
        if parsed:
            source, condition, match_params = self._match(parsed, operator)
            where, params = [condition, *filters], [*match_params, *filter_params]
        else:
            source, where, params = "search_indexeddocument d", filters, filter_params
        where_sql = " AND ".join(where)
        result.facets, result.total = self._facets(source, where_sql, params)
        if result.total:
            result.hits = self._hits(query, parsed, source, where_sql, params, plain)

    def _facets(self, source, where_sql, params):
        sql = f"""
            WITH m AS (SELECT d.id, d.type, d.phase, d.year FROM {source} WHERE {where_sql})
            SELECT 'type', m.type, COUNT(*) FROM m GROUP BY m.type
            UNION ALL SELECT 'phase', m.phase, COUNT(*) FROM m WHERE m.phase <> '' GROUP BY m.phase
            UNION ALL SELECT 'year', CAST(m.year AS TEXT), COUNT(*) FROM m WHERE m.year IS NOT NULL GROUP BY m.year
            UNION ALL SELECT 'tag', t.name, COUNT(*) FROM m JOIN search_indexedtag t ON t.document_id = m.id GROUP BY t.name
        """
        facets = {"type": {}, "tag": {}, "phase": {}, "year": {}}
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for facet, value, count in cursor.fetchall():
                facets[facet][str(value)] = count
        total = sum(facets["type"].values())
        return _ordered(facets), total

    def _hits(self, query, parsed, source, where_sql, params, plain=False) -> list[Hit]:
        postgres = self.vendor == "postgresql" and not plain
        if parsed:
            score = (
                f"ts_rank('{TS_RANK_WEIGHTS}', d.search_vector, q.query)"
                if postgres
                else f"-bm25(search_fts, {', '.join(map(str, BM25_WEIGHTS))})"
            )
        else:
            score = "0.0"
        order = "score DESC, d.date DESC NULLS LAST, d.id" if query.sort == "relevance" else "d.date DESC NULLS LAST, score DESC, d.id"
        extra = ", q.query AS query" if postgres and parsed else ""
        if plain and parsed:
            score = f"ts_rank('{TS_RANK_WEIGHTS}', d.search_vector, q.query)"
        inner = (
            f"SELECT {COLUMNS}, d.text, {score} AS score{extra} FROM {source} WHERE {where_sql} "
            f"ORDER BY {order} LIMIT %s OFFSET %s"
        )
        page_params = [*params, query.per_page, query.offset]
        if postgres and parsed:
            sql = (
                "SELECT r.id, r.key, r.type, r.title, r.url, r.date, r.tags_text, r.phase, "
                f"ts_headline('dutch', r.text, r.query, '{PG_HEADLINE}'), "
                f"ts_headline('dutch', r.title, r.query, 'HighlightAll=true, StartSel={PG_OPEN}, StopSel={PG_CLOSE}'), "
                f"r.score FROM ({inner}) r ORDER BY {order.replace('d.', 'r.')}"
            )
        else:
            sql = inner
        with connection.cursor() as cursor:
            cursor.execute(sql, page_params)
            rows = cursor.fetchall()
        hits = []
        stems = parsed.stems
        for row in rows:
            _id, key, type_, title, url, date, tags_text, phase, text_or_snippet, *rest = row
            if postgres and parsed:
                title_html, score = rest
                snippet, title_html = _pg_marks(text_or_snippet), _pg_marks(title_html)
            elif plain:
                score, snippet, title_html = rest[0], "", ""
            else:
                score = rest[0]
                snippet = analysis.highlight(text_or_snippet, stems, SNIPPET_WORDS)
                title_html = analysis.highlight(title, stems, whole=True)
            hits.append(
                Hit(
                    key=key, type=type_, title=title, url=url, snippet=snippet, title_html=title_html,
                    date=_as_date(date), tags=[tag for tag in tags_text.split(" | ") if tag], phase=phase,
                    score=float(score or 0), text=text_or_snippet if plain else "",
                )
            )
        return hits

    # ----- SQLite: everything filtered inside FTS5 ----------------------------------------------------------

    @staticmethod
    def _filter_tokens(query: SearchQuery) -> list[str]:
        return [
            analysis.meta_token(kind, int(getattr(query, kind)) if kind == "year" else getattr(query, kind))
            for kind in ("type", "phase", "year", "tag")
            if getattr(query, kind)
        ]

    def _run_sqlite(self, query, parsed, audiences, operator, result, plain=False) -> None:
        codes = sorted(store.audience_codes(audiences).values())
        if not codes:  # nothing in the index that these audiences may see
            return
        filters = self._filter_tokens(query)
        parts = [f"({fts5_syntax.match(parsed, operator)})"] if parsed else []
        parts += [f'meta : "{token}"' for token in filters]
        fts = _Fts(" AND ".join(parts), _visible(codes))
        result.total, sample, step = self._sqlite_count_and_sample(fts, self._estimate(parsed, filters, operator))
        if not result.total:
            return
        result.facets = self._sqlite_facet_counts(sample, result.total)
        result.facets_approximate = step > 1
        if query.sort == "date" or not parsed:
            ranked = self._sqlite_newest(fts, query.per_page, query.offset)
        elif result.total <= RANK_WINDOW:
            ranked = self._sqlite_ranked(fts, query.per_page, query.offset)
        else:
            ranked = self._sqlite_broad_relevance(query, parsed, fts, result.total)
        result.hits = self._sqlite_hits(ranked, parsed, plain)

    @staticmethod
    def _estimate(parsed, filters, operator) -> int | None:
        """An upper bound on the matches, from the index's own term statistics (None: no bound known)."""
        variants = [[tuple(map(analysis.stem, variant)) for variant in clause.variants] for clause in parsed.clauses]
        terms = {stem for clause in variants for variant in clause for stem in variant} | set(filters)
        counts = {}
        if terms:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT term, doc FROM search_fts_vocab WHERE term IN ({_placeholders(terms)})", list(terms))
                counts = dict(cursor.fetchall())
        bounds = [sum(min(counts.get(stem, 0) for stem in variant) for variant in clause) for clause in variants]
        if operator == "OR" and bounds:
            bounds = [sum(bounds)]
        bounds += [counts.get(token, 0) for token in filters]
        return min(bounds) if bounds else None

    @staticmethod
    def _count(fts: "_Fts") -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM search_fts WHERE {fts.where}", [fts.match])
            return cursor.fetchone()[0]

    @staticmethod
    def _sqlite_count_and_sample(fts: "_Fts", estimate) -> tuple[int, list[int], int]:
        """The exact total and the ids of a sample of the matches, in one pass over the full-text index.

        The sample is every match (step 1: exact facets) up to about FACET_SAMPLE matches; above, a
        pseudo-random 1/step of them, with step chosen from the estimate (and once more from the total when
        the estimate was far off).
        """
        step = _odd(estimate // FACET_SAMPLE) if estimate is not None else 1
        sql = (
            f"SELECT COUNT(*), json_group_array(rowid) FILTER (WHERE {SAMPLE_KEY} %% %s = 0) "
            f"FROM search_fts WHERE {fts.where}"
        )
        for _attempt in range(2):
            with connection.cursor() as cursor:
                cursor.execute(sql, [step, fts.match])
                total, ids = cursor.fetchone()
            sample = json.loads(ids)
            exact = step == 1 and total <= 2 * FACET_SAMPLE
            sampled = step > 1 and total > FACET_SAMPLE and FACET_SAMPLE // 4 <= len(sample) <= 2 * FACET_SAMPLE
            if exact or sampled:
                break
            step = 1 if total <= FACET_SAMPLE else _odd(total // FACET_SAMPLE)
        return total, sample, step

    @staticmethod
    def _sqlite_facet_counts(ids, total):
        """Facet counts over these documents, scaled to the total when they are a sample."""
        facets = {"type": Counter(), "tag": Counter(), "phase": Counter(), "year": Counter()}
        for chunk in store.chunks(ids, 4 * FACET_SAMPLE):
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT type, phase, year, tags_text FROM search_indexeddocument WHERE id IN ({_placeholders(chunk)})", chunk
                )
                for type_, phase, year, tags_text in cursor.fetchall():
                    facets["type"][type_] += 1
                    if phase:
                        facets["phase"][phase] += 1
                    if year is not None:
                        facets["year"][str(year)] += 1
                    facets["tag"].update(tag for tag in tags_text.split(" | ") if tag)
        seen = sum(facets["type"].values())
        scale = total / seen if seen and seen != total else 1
        return _ordered(
            {name: {value: max(1, round(count * scale)) for value, count in counts.items()} for name, counts in facets.items()}
        )

    @staticmethod
    def _sqlite_ranked(fts: "_Fts", limit, offset, oldest_id=None) -> list[tuple[int, float]]:
        """(id, score) of one page by bm25, ties newest first, in one query inside the full-text index.

        With ``oldest_id`` only the matches from that id on (the newest ones: ids are in date order) are ranked.
        """
        window = "AND rowid >= %s " if oldest_id is not None else ""
        sql = f"SELECT rowid, {BM25} AS rank FROM search_fts WHERE {fts.where} {window}ORDER BY rank, rowid DESC LIMIT %s OFFSET %s"
        params = [fts.match, *([oldest_id] if oldest_id is not None else []), limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(pk, -rank) for pk, rank in cursor.fetchall()]

    @staticmethod
    def _sqlite_newest(fts: "_Fts", limit, offset) -> list[tuple[int, float]]:
        """One page newest first: ids are in date order, so this walks the full-text index backwards."""
        sql = f"SELECT rowid, 0.0 FROM search_fts WHERE {fts.where} ORDER BY rowid DESC LIMIT %s OFFSET %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [fts.match, limit, offset])
            return cursor.fetchall()

    @staticmethod
    def _window_start(fts: "_Fts", size) -> int:
        """The id of the oldest of the newest ``size`` matches (0 when size is 0: an empty window)."""
        if not size:
            return 0
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT rowid FROM search_fts WHERE {fts.where} ORDER BY rowid DESC LIMIT 1 OFFSET %s", [fts.match, size - 1])
            return cursor.fetchone()[0]

    def _sqlite_broad_relevance(self, query, parsed, fts: "_Fts", total) -> list[tuple[int, float]]:
        """More than RANK_WINDOW matches: the order is three tiers, and a page is cut from them.

        1. the newest RANK_WINDOW matches with a query word in title or tags, by bm25;
        2. the newest RANK_WINDOW other matches, by bm25;
        3. all remaining matches, newest first.
        bm25 runs over at most two windows, however many documents match; a tier the page does not reach
        costs nothing.
        """
        head = fts5_syntax.head_any(parsed)
        tiers = [fts.narrowed(f"AND {head}"), fts.narrowed(f"NOT {head}")]
        head_total = self._count(tiers[0])
        sizes = [min(RANK_WINDOW, head_total), min(RANK_WINDOW, total - head_total)]
        starts = [None, None]
        first, last = query.offset, query.offset + query.per_page
        ranked, tier_first = [], 0
        for tier in (0, 1):
            begin, end = max(first, tier_first), min(last, tier_first + sizes[tier])
            if begin < end:
                starts[tier] = self._window_start(tiers[tier], sizes[tier])
                ranked += self._sqlite_ranked(tiers[tier], end - begin, begin - tier_first, starts[tier])
            tier_first += sizes[tier]
        if last > tier_first:  # the tail: what neither window holds, newest first
            starts = [self._window_start(tiers[i], sizes[i]) if start is None else start for i, start in enumerate(starts)]
            begin = max(first, tier_first)
            sql = (
                f"SELECT id, 0.0 FROM (SELECT rowid AS id FROM search_fts WHERE {tiers[0].where} AND rowid < %s "
                f"UNION ALL SELECT rowid AS id FROM search_fts WHERE {tiers[1].where} AND rowid < %s) "
                "ORDER BY id DESC LIMIT %s OFFSET %s"
            )
            params = [tiers[0].match, starts[0], tiers[1].match, starts[1], last - begin, begin - tier_first]
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                ranked += cursor.fetchall()
        return ranked

    @staticmethod
    def _sqlite_hits(ranked, parsed, plain=False) -> list[Hit]:
        if not ranked:
            return []
        ids = [pk for pk, _score in ranked]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {COLUMNS}, d.text FROM search_indexeddocument d WHERE d.id IN ({_placeholders(ids)})", ids)
            rows = {row[0]: row for row in cursor.fetchall()}
        stems = parsed.stems if parsed else frozenset()
        hits = []
        for pk, score in ranked:
            if pk not in rows:  # a full-text row left behind by a raw table flush (tests); never shown
                continue
            _id, key, type_, title, url, date, tags_text, phase, text = rows[pk]
            hits.append(
                Hit(
                    key=key, type=type_, title=title, url=url,
                    snippet="" if plain else analysis.highlight(text, stems, SNIPPET_WORDS),
                    title_html="" if plain else analysis.highlight(title, stems, whole=True), date=_as_date(date),
                    tags=[tag for tag in tags_text.split(" | ") if tag], phase=phase, score=float(score or 0),
                    text=text if plain else "",
                )
            )
        return hits

    # ----- suggestions ----------------------------------------------------------------------------------

    def suggest_titles(self, prefix: str, audiences: list[str], limit: int = 8) -> list[dict]:
        words = analysis.words(prefix)[:6]
        if not words or not audiences:
            return []
        if self.vendor == "postgresql":
            source = "search_indexeddocument d"
            condition = "d.search_vector @@ to_tsquery('dutch', %s)"
            match = " & ".join(f"{word}:*A" for word in words)
            order = "d.date DESC NULLS LAST"
        else:
            source = "search_fts JOIN search_indexeddocument d ON d.id = search_fts.rowid"
            condition = "search_fts MATCH %s"
            match = " AND ".join(f'(title_words : "{word}"* OR title : "{analysis.stem(word)}"*)' for word in words)
            order = BM25
        sql = (
            f"SELECT d.title, d.url, d.type FROM {source} WHERE {condition} "
            f"AND d.audience IN ({_placeholders(audiences)}) ORDER BY {order} LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, *audiences, limit])
            return [{"title": title, "url": url, "type": type_} for title, url, type_ in cursor.fetchall()]

    def vocabulary(self, audiences: list[str], limit: int = 2000) -> dict[str, int]:
        """Words of what these audiences may see (the most recent documents), with how often they occur."""
        counts: dict[str, int] = {}
        rows = (
            IndexedDocument.objects.filter(audience__in=audiences)
            .order_by("-date", "-pk")
            .values_list("title", "tags_text", "text")[:limit]
        )
        for title, tags_text, text in rows:
            for word in analysis.words(f"{title} {tags_text} {text[:5000]}"):
                if len(word) > 3 and not word.isdigit():
                    counts[word] = counts.get(word, 0) + 1
        return counts

    def health(self) -> dict:
        with connection.cursor() as cursor:
            if self.vendor == "sqlite":
                cursor.execute("SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH %s", ['"kennisplein"'])
            else:
                cursor.execute(
                    "SELECT COUNT(*) FROM search_indexeddocument WHERE search_vector @@ plainto_tsquery('dutch', %s)",
                    ["kennisplein"],
                )
            cursor.fetchone()
        return {"ok": True, "engine": self.name, "backend": self.vendor}


def _odd(number: int) -> int:
    return max(1, number) | 1


def _visible(codes) -> str:
    """SQL: the document's audience code (the low bits of its id) is one of these.

    Codes below 63 are tested as one bitmask (cheaper per row than an IN list); higher codes, if any, by a list.
    """
    code = f"(search_fts.rowid & {store.AUDIENCE_MASK})"
    small, large = [c for c in codes if c < 63], [c for c in codes if c >= 63]
    tests = [f"((1 << {code}) & {sum(1 << c for c in small)}) != 0"] if small else []
    tests += [f"{code} IN ({', '.join(map(str, large))})"] if large else []
    return "(" + " OR ".join(tests) + ")"


def _ordered(facets):
    for name in facets:
        ordered = sorted(facets[name].items(), key=lambda item: (-item[1], item[0]))
        if name == "year":
            ordered = sorted(facets[name].items(), reverse=True)
        facets[name] = dict(ordered)
    return facets


def _pg_marks(text: str) -> str:
    return escape(text or "").replace(PG_OPEN, "<mark>").replace(PG_CLOSE, "</mark>")


def _as_date(value):
    if value is None or hasattr(value, "year"):
        return value
    import datetime

    return datetime.date.fromisoformat(str(value)[:10])
