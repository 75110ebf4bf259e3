"""Full-text search in the database: SQLite FTS5 (Python Snowball stems, bm25) or PostgreSQL (dutch, ts_rank).

Ranking, access filtering and the page of hits come from one query; the count and the facets (type, tag,
phase, year) from queries over the same filtered match set, so counts never include what the user may not see.

On SQLite the access and facet filters are tokens in the FTS5 column ``meta`` (weight 0), so one MATCH
expression holds the words, the allowed audiences and the chosen filters, and the total is an FTS5 count that
reads no document rows. Queries matching more than ``BROAD_MATCHES`` visible documents (very common words) are
"broad" and take cheaper, documented paths (see ``benchmarks/README.md``):

* relevance (over BROAD_MATCHES): bm25 ranks, in one query, the matches with a query word in title or tags (the ``head`` column,
  weight 0, so scores are the same bm25 scores); the other matches follow, also by bm25, on later pages;
* date (over DATE_WALK_MATCHES): the date index is walked newest first and each document is checked against the MATCH (ties on the same
  date by id instead of by score);
* facets (over FACET_SAMPLE): counted over an even sample of about ``FACET_SAMPLE`` visible matches (by rowid) and scaled to the
  exact total; the result says ``facets_approximate`` and the page and API show "ongeveer".
"""

from django.db import connection
from django.utils.html import escape

from .. import analysis
from ..models import IndexedDocument
from .base import Engine, Hit, SearchQuery, SearchResult

# bm25 weights of the FTS5 columns title, tags, text; ts_rank weights {D, C, B, A} (A = title).
BM25_WEIGHTS = (10.0, 4.0, 1.0, 0.0, 0.0, 0.0)  # title, tags, text; title_words, head, meta never score
BM25 = f"bm25(search_fts, {', '.join(map(str, BM25_WEIGHTS))})"
# Thresholds in visible matches (see the module docstring and benchmarks/README.md):
BROAD_MATCHES = 15000  # above: relevance ranks title/tag matches first
DATE_WALK_MATCHES = 2000  # above: sort by date walks the date index
FACET_SAMPLE = 2000  # above: facet counts from an even sample of about this many matches ("ongeveer")
TIE_MARGIN = 50  # extra rows ranked by bm25 alone before ties are broken by date and id
TS_RANK_WEIGHTS = "{0.05, 0.2, 0.5, 1.0}"
PG_OPEN, PG_CLOSE = "\u27e6", "\u27e7"  # ts_headline markers, turned into <mark> after escaping
PG_HEADLINE = f"StartSel={PG_OPEN}, StopSel={PG_CLOSE}, MaxWords=32, MinWords=16, MaxFragments=2, FragmentDelimiter=\" … \""
SNIPPET_WORDS = 32

COLUMNS = "d.id, d.key, d.type, d.title, d.url, d.date, d.tags_text, d.phase"


def _placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


class DatabaseEngine(Engine):
    name = "database"

    @property
    def vendor(self) -> str:
        return connection.vendor

    # ----- matching -------------------------------------------------------------------------------------

    def _match(self, parsed: analysis.ParsedQuery, operator: str) -> tuple[str, str, list]:
        """(FROM clause, WHERE condition, params) for the full-text condition."""
        if self.vendor == "postgresql":
            parts, params = [], []
            for clause in parsed.clauses:
                parts.append("phraseto_tsquery('dutch', %s)" if clause.phrase else "plainto_tsquery('dutch', %s)")
                params.append(" ".join(clause.words))
            joiner = " && " if operator == "AND" else " || "
            source = f"search_indexeddocument d CROSS JOIN (SELECT ({joiner.join(parts)}) AS query) q"
            return source, "d.search_vector @@ q.query", params
        source = "search_fts JOIN search_indexeddocument d ON d.id = search_fts.rowid"
        return source, "search_fts MATCH %s", [parsed.fts5(operator)]

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

    def search(self, query: SearchQuery, audiences: list[str]) -> SearchResult:
        result = SearchResult(query=query, engine=self.name)
        parsed = analysis.parse(query.q)
        if not audiences or not (parsed or query.has_filters):
            return result
        self._run(query, parsed, audiences, "AND", result)
        if result.total == 0 and len(parsed.clauses) > 1:
            self._run(query, parsed, audiences, "OR", result)
            result.relaxed = result.total > 0
        return result

    def _run(self, query, parsed, audiences, operator, result) -> None:
        if self.vendor == "sqlite":
            return self._run_sqlite(query, parsed, audiences, operator, result)
        filters, filter_params = self._filters(query, audiences)
        if parsed:
            source, condition, match_params = self._match(parsed, operator)
            where, params = [condition, *filters], [*match_params, *filter_params]
        else:
            source, where, params = "search_indexeddocument d", filters, filter_params
        where_sql = " AND ".join(where)
        result.facets, result.total = self._facets(source, where_sql, params)
        if result.total:
            result.hits = self._hits(query, parsed, source, where_sql, params)

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

    def _hits(self, query, parsed, source, where_sql, params) -> list[Hit]:
        postgres = self.vendor == "postgresql"
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
            else:
                score = rest[0]
                snippet = analysis.highlight(text_or_snippet, stems, SNIPPET_WORDS)
                title_html = analysis.highlight(title, stems, whole=True)
            hits.append(
                Hit(
                    key=key, type=type_, title=title, url=url, snippet=snippet, title_html=title_html,
                    date=_as_date(date), tags=[tag for tag in tags_text.split(" | ") if tag], phase=phase,
                    score=float(score or 0),
                )
            )
        return hits

    # ----- SQLite: everything filtered inside FTS5 ----------------------------------------------------------

    def _fts_match(self, query: SearchQuery, parsed, audiences, operator) -> str:
        parts = [f"({parsed.fts5(operator)})"] if parsed else []
        parts.append(analysis.meta_any("audience", audiences))
        for kind in ("type", "phase", "year", "tag"):
            value = getattr(query, kind)
            if value:
                parts.append(analysis.meta_any(kind, [int(value) if kind == "year" else value]))
        return " AND ".join(parts)

    @staticmethod
    def _count(match: str) -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH %s", [match])
            return cursor.fetchone()[0]

    def _run_sqlite(self, query, parsed, audiences, operator, result) -> None:
        match = self._fts_match(query, parsed, audiences, operator)
        result.facets, result.total = self._sqlite_facets(match)
        if not result.total:
            return
        result.facets_approximate = result.total > FACET_SAMPLE
        if query.sort == "date" or not parsed:
            ranked = self._sqlite_by_date(query, match, audiences, result.total > DATE_WALK_MATCHES)
        elif result.total > BROAD_MATCHES:
            ranked = self._sqlite_broad_relevance(query, parsed, match)
        else:
            ranked = self._sqlite_ranked(match, query.per_page, query.offset)
        result.hits = self._sqlite_hits(ranked, parsed)

    @staticmethod
    def _sqlite_facets(match):
        """The exact total (an FTS5 count) and the facet counts, in one statement.

        Up to BROAD_MATCHES matches the counts are exact; above, they come from every k-th rowid (about
        FACET_SAMPLE documents, still only visible ones) and are scaled to the total.
        """
        sql = f"""
            WITH n AS MATERIALIZED (SELECT COUNT(*) AS total FROM search_fts WHERE search_fts MATCH %s),
            m AS MATERIALIZED (
                SELECT d.id, d.type, d.phase, d.year FROM search_fts JOIN search_indexeddocument d ON d.id = search_fts.rowid
                WHERE search_fts MATCH %s AND (
                    (SELECT total FROM n) <= {FACET_SAMPLE}
                    OR search_fts.rowid %% MAX(1, (SELECT total FROM n) / {FACET_SAMPLE}) = 0
                )
            )
            SELECT 'total', '', total FROM n
            UNION ALL SELECT 'type', m.type, COUNT(*) FROM m GROUP BY m.type
            UNION ALL SELECT 'phase', m.phase, COUNT(*) FROM m WHERE m.phase <> '' GROUP BY m.phase
            UNION ALL SELECT 'year', CAST(m.year AS TEXT), COUNT(*) FROM m WHERE m.year IS NOT NULL GROUP BY m.year
            UNION ALL SELECT 'tag', t.name, COUNT(*) FROM m CROSS JOIN search_indexedtag t ON t.document_id = m.id GROUP BY t.name
        """
        facets = {"type": {}, "tag": {}, "phase": {}, "year": {}}
        total = 0
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, match])
            for facet, value, count in cursor.fetchall():
                if facet == "total":
                    total = count
                else:
                    facets[facet][str(value)] = count
        if total > FACET_SAMPLE:  # scale the sample to the exact total
            seen = sum(facets["type"].values()) or 1
            for name in facets:
                facets[name] = {value: max(1, round(count * total / seen)) for value, count in facets[name].items()}
        return _ordered(facets), total

    @staticmethod
    def _sqlite_ranked(match, limit, offset) -> list[tuple[int, float]]:
        """(id, score) of one page by bm25 (ties: newest date first, then id), in one query.

        The inner part ranks in the FTS5 index alone; only its best rows (plus TIE_MARGIN) are joined to the
        documents for the tie-break, so the cost does not grow with a join per match.
        """
        sql = (
            f"SELECT d.id, r.score FROM (SELECT rowid AS id, -{BM25} AS score FROM search_fts "
            f"WHERE search_fts MATCH %s ORDER BY {BM25} LIMIT %s) r JOIN search_indexeddocument d ON d.id = r.id "
            f"ORDER BY r.score DESC, d.date DESC NULLS LAST, d.id LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, offset + limit + TIE_MARGIN, limit, offset])
            return cursor.fetchall()

    def _sqlite_broad_relevance(self, query, parsed, match) -> list[int]:
        """Matches with a query word in title or tags first (by bm25), then the rest (by bm25)."""
        head = " OR ".join('"' + " ".join(clause.stems) + '"' for clause in parsed.clauses)
        first = f"{match} AND head : ({head})"
        ids = self._sqlite_ranked(first, query.per_page, query.offset)
        if len(ids) == query.per_page:
            return ids
        in_head = self._count(first)
        rest = f"{match} NOT head : ({head})"
        return ids + self._sqlite_ranked(rest, query.per_page - len(ids), max(0, query.offset - in_head))

    @staticmethod
    def _sqlite_by_date(query, match, audiences, broad) -> list[tuple[int, float]]:
        if broad:  # walk the date index, newest first; each document is checked against the MATCH
            sql = (
                "SELECT d.id, 0.0 FROM search_indexeddocument d INDEXED BY search_inde_date_4ebd12_idx "
                f"WHERE +d.audience IN ({_placeholders(audiences)}) "
                "AND d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s AND rowid = d.id) "
                "ORDER BY d.date DESC NULLS LAST, d.id LIMIT %s OFFSET %s"
            )
            params = [*audiences, match, query.per_page, query.offset]
        else:
            sql = (
                f"SELECT d.id, -{BM25} FROM search_fts JOIN search_indexeddocument d ON d.id = search_fts.rowid "
                f"WHERE search_fts MATCH %s ORDER BY d.date DESC NULLS LAST, {BM25}, d.id LIMIT %s OFFSET %s"
            )
            params = [match, query.per_page, query.offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    @staticmethod
    def _sqlite_hits(ranked, parsed) -> list[Hit]:
        if not ranked:
            return []
        ids = [pk for pk, _score in ranked]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {COLUMNS}, d.text FROM search_indexeddocument d WHERE d.id IN ({_placeholders(ids)})", ids)
            rows = {row[0]: row for row in cursor.fetchall()}
        stems = parsed.stems if parsed else frozenset()
        hits = []
        for pk, score in ranked:
            _id, key, type_, title, url, date, tags_text, phase, text = rows[pk]
            hits.append(
                Hit(
                    key=key, type=type_, title=title, url=url, snippet=analysis.highlight(text, stems, SNIPPET_WORDS),
                    title_html=analysis.highlight(title, stems, whole=True), date=_as_date(date),
                    tags=[tag for tag in tags_text.split(" | ") if tag], phase=phase, score=float(score or 0),
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
