"""What every search engine answers, whichever technology sits behind it, and the database engine's algorithm.

``DatabaseEngine`` holds what SQLite (``sqlite.py``: FTS5, bm25) and PostgreSQL (``postgres.py``: an app-written
tsvector with GIN, ts_rank) share: parsing with the user's lexicon, the AND/OR runs, the bounded work per query,
facets from a sample, the re-rank. It writes no SQL: each vendor module gives the primitive queries.

Both databases store the same index (Snowball stems computed here in Python, never by the database): per
document the stems of title, tags and text, plus two kinds of tokens that never score:

* ``head``: the title and tag stems again with a prefix (``0h`` + stem), so "a query word in title or tags" is a
  plain term lookup;
* ``meta``: type, phase, year and tags as opaque tokens, so the chosen filters are part of the full-text match.

A document's id packs its date, a sequence number and a code for its audience (``search.store``): id order is
date order ("newest first" and "the newest N matches" are cheap) and access is arithmetic on the id. The work per
query is bounded however many documents match (see ``benchmarks/README.md``):

* relevance: up to ``RANK_WINDOW`` matches, the database's score ranks them all. Above, it ranks two windows: the
  newest RANK_WINDOW matches with a query word in title or tags, then the newest RANK_WINDOW other matches; all
  remaining matches follow, newest first;
* date: newest first, ties on the same date by the order they were indexed (newest first);
* facets (over FACET_SAMPLE): counted over a pseudo-random sample of about ``FACET_SAMPLE`` visible matches and
  scaled to the exact total; the result says ``facets_approximate`` and the page and API show "ongeveer".
"""

import datetime
import hashlib
from collections import Counter
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace

from .. import analysis, ranking
from ..ids import audience_codes
from ..models import IndexedDocument

SORTS = ("relevance", "date")
FACETS = ("type", "tag", "phase", "year")


@dataclass(frozen=True)
class SearchQuery:
    q: str = ""
    type: str = ""
    tag: str = ""
    phase: str = ""
    year: int | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    literal: bool = False  # search for what was typed, without retrying a spelling suggestion

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def has_filters(self) -> bool:
        return bool(self.type or self.tag or self.phase or self.year)


@dataclass
class Hit:
    key: str
    type: str
    title: str
    url: str
    snippet: str  # HTML: escaped text, matched words in <mark>
    title_html: str = ""
    date: datetime.date | None = None
    tags: list[str] = field(default_factory=list)
    phase: str = ""
    score: float = 0.0
    more_chapters: int = 0  # further chapters of the same guide among the matches (collapsed under this hit)
    group_url: str = ""  # the guide those chapters belong to
    text: str = field(default="", repr=False)  # the document's text, while ranking (never sent out)
    stems: tuple = field(default=(), repr=False)  # the stems the re-rank reads (never sent out)
    pk: int = field(default=0, repr=False)


@dataclass
class SearchResult:
    query: SearchQuery
    engine: str
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=lambda: {name: {} for name in FACETS})
    relaxed: bool = False  # no item had every word: items with some of the words are shown
    facets_approximate: bool = False  # facet counts estimated from a sample (very broad queries)
    total_approximate: bool = False  # the total estimated from a sample (very broad queries on PostgreSQL)
    suggestion: str = ""
    notice: str = ""
    corrected_from: str = ""  # the query as typed, when these are the results for the spelling suggestion
    members_more: int = 0  # anonymous visitors: how many more results members would see (a count only)
    members_more_approximate: bool = False  # that count from an estimated total

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))


@dataclass(frozen=True)
class Counted:
    """What the count over a match gives: the total (estimated from a sample when ``estimated``), the facet
    counts over the facet sample (name -> value -> count), the sample's size and step (1: every match), and the
    number of matches with a query word in title or tags when it came in the same pass (None: not known)."""

    total: int
    facets: dict[str, dict[str, int]]
    seen: int
    step: int = 1
    head_total: int | None = None
    estimated: bool = False


class SearchEngineError(Exception):
    """The engine could not answer (server down, bad response): the service falls back to the database."""


class Engine:
    name = ""

    def search(self, query: SearchQuery, audiences: list[str], lexicon=None) -> SearchResult:
        raise NotImplementedError

    def suggest_titles(self, prefix: str, audiences: list[str], limit: int = 8) -> list[dict]:
        raise NotImplementedError

    def index(self, rows, splitters) -> None:
        """Add or replace documents (IndexedDocument rows); ``splitters`` (search.vocabulary.Splitters) split
        their compounds."""

    def delete(self, keys) -> None:
        """Remove documents by key."""

    def health(self) -> dict:
        raise NotImplementedError


# ----- the database engine (shared by SQLite and PostgreSQL) ---------------------------------------------------

FEW = 3  # fewer matches of every word than this: matches of some of the words are ranked too
SNIPPET_WORDS = 32


class DatabaseEngine(Engine):
    """The index in the database. Subclasses give the vendor's primitive queries over a match (their own type)."""

    name = "database"
    vendor = ""
    TABLE = ""  # the vendor's full-text table
    RANK_WINDOW = 1000  # above: the score ranks windows of the newest matches (title/tag matches first)
    FACET_SAMPLE = 500  # above: facet counts from a sample of about this many matches ("ongeveer")

    # ----- what a vendor gives ---------------------------------------------------------------------------

    def match(self, parsed, operator: str, filters: list[str], codes: list[int]):
        """The match of these words (AND/OR), filter tokens and audience codes."""
        raise NotImplementedError

    def tiers(self, match, parsed) -> tuple:
        """(the matches with a query word in title or tags, the other matches)."""
        raise NotImplementedError

    def count_and_sample(self, match, estimate_of, with_head=False) -> Counted:
        """The total and the facet sample in one pass (``with_head``: the size of the first tier too, if cheap)."""
        raise NotImplementedError

    def count(self, match) -> int:
        raise NotImplementedError

    def ranked(self, match, limit: int, offset: int, newest: int | None = None) -> list[tuple[int, float]]:
        """(id, score) of one page by score, ties newest first; with ``newest`` only among the newest that many."""
        raise NotImplementedError

    def newest(self, match, limit: int, offset: int) -> list[tuple[int, float]]:
        raise NotImplementedError

    def older_than_windows(self, tiers, sizes, limit: int, offset: int) -> list[tuple[int, float]]:
        """The matches of both tiers outside their newest-``size`` windows, newest first."""
        raise NotImplementedError

    def write(self, rows, texts) -> None:
        """Add the full-text rows of these IndexedDocument rows (their ids are new), ``texts`` their FullText."""
        raise NotImplementedError

    def insert(self, table: str, columns, values) -> None:
        """Rows into one of the index's tables (trusted names), in one batch."""
        raise NotImplementedError

    @contextmanager
    def loading(self):
        """Around a rebuild's writes (PostgreSQL: an empty table gets its GIN index after the load)."""
        yield

    def delete_ids(self, ids) -> None:
        raise NotImplementedError

    def drop_orphans(self) -> None:
        """Remove full-text rows whose document is gone (after a migration or a flush of the tables)."""
        raise NotImplementedError

    def optimize(self) -> None:
        """After a rebuild."""

    # ----- search ---------------------------------------------------------------------------------------

    def search(self, query: SearchQuery, audiences: list[str], lexicon=None) -> SearchResult:
        """With a ``lexicon`` (search.analysis.Lexicon of what these audiences may see) words get alternatives."""

        result = SearchResult(query=query, engine=self.name)
        parsed = analysis.parse(query.q, lexicon)
        if not audiences or not (parsed or query.has_filters):
            return result
        reranked = bool(parsed) and query.sort == "relevance" and query.offset + query.per_page <= ranking.CANDIDATES
        run_query = replace(query, page=1, per_page=ranking.CANDIDATES) if reranked else query
        with self.reading():
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
            _add_text(hits)
            stems = parsed.stems
            for hit in hits:
                hit.snippet = analysis.highlight(hit.text, stems, SNIPPET_WORDS)
                hit.title_html = analysis.highlight(hit.title, stems, whole=True)
            result.hits = hits
        for hit in result.hits:
            hit.text = ""
            hit.stems = ()
        return result

    def total(self, query: SearchQuery, audiences: list[str], lexicon=None) -> tuple[int, bool]:
        """The total ``search`` gives (and whether it is estimated), without its facets and hits."""
        parsed = analysis.parse(query.q, lexicon)
        if not audiences or not (parsed or query.has_filters):
            return 0, False
        with self.reading():
            _match, counted = self._count(query, parsed, audiences, "AND")
            if counted.total < FEW and len(parsed.clauses) > 1:
                _match, counted = self._count(query, parsed, audiences, "OR")
        return counted.total, counted.estimated

    def reading(self):
        """The context the search's queries run in (PostgreSQL: planner settings)."""
        return nullcontext()

    def _count(self, query, parsed, audiences, operator, with_head=False) -> tuple:
        """(the match, its Counted); the match is None when these audiences may see nothing in the index."""
        codes = sorted(audience_codes(audiences).values())
        if not codes:
            return None, Counted(0, {}, 0)
        filters = filter_tokens(query)
        match = self.match(parsed, operator, filters, codes)
        return match, self.count_and_sample(match, lambda: self.estimate(parsed, filters, operator), with_head)

    def _run(self, query, parsed, audiences, operator, result, plain=False) -> None:
        """Total, facets and one page of hits; ``plain``: hits with their stems and no snippets yet."""
        match, counted = self._count(query, parsed, audiences, operator, bool(parsed) and query.sort == "relevance")
        result.total, result.total_approximate = counted.total, counted.estimated
        if not result.total:
            return
        result.facets = facet_counts(counted.facets, counted.seen, result.total)
        result.facets_approximate = counted.step > 1
        if query.sort == "date" or not parsed:
            ranked = self.newest(match, query.per_page, query.offset)
        elif result.total <= self.RANK_WINDOW and not counted.estimated:
            ranked = self.ranked(match, query.per_page, query.offset)
        else:
            ranked = self._broad_relevance(query, parsed, match, result.total, counted.head_total)
        result.hits = hits_for(ranked, parsed, plain)

    def estimate(self, parsed, filters, operator) -> int | None:
        """An upper bound on the matches, if the vendor knows one cheaply (None: not known)."""
        return None

    def _broad_relevance(self, query, parsed, match, total, head_total) -> list[tuple[int, float]]:
        """More than RANK_WINDOW matches: the order is three tiers, and a page is cut from them.

        1. the newest RANK_WINDOW matches with a query word in title or tags, by score;
        2. the newest RANK_WINDOW other matches, by score;
        3. all remaining matches, newest first.
        The score is computed over at most two windows, however many documents match; a tier the page does not
        reach costs nothing.
        """
        tiers = self.tiers(match, parsed)
        if head_total is None:
            head_total = self.count(tiers[0])
        sizes = [min(self.RANK_WINDOW, head_total), min(self.RANK_WINDOW, total - head_total)]
        first, last = query.offset, query.offset + query.per_page
        ranked, tier_first = [], 0
        for tier in (0, 1):
            begin, end = max(first, tier_first), min(last, tier_first + sizes[tier])
            if begin < end:
                ranked += self.ranked(tiers[tier], end - begin, begin - tier_first, newest=sizes[tier])
            tier_first += sizes[tier]
        if last > tier_first:  # the tail: what neither window holds, newest first
            begin = max(first, tier_first)
            ranked += self.older_than_windows(tiers, sizes, last - begin, begin - tier_first)
        return ranked

    # ----- suggestions and vocabulary (no SQL: the ORM) -------------------------------------------------

    def vocabulary(self, audiences: list[str], limit: int = 2000) -> dict[str, int]:
        """Words of what these audiences may see (the most recent documents), with how often they occur."""
        counts: dict[str, int] = {}
        rows = (
            IndexedDocument.objects.filter(audience__in=audiences)
            .order_by("-date", "-pk")
            .values_list("title", "tags_text", "text")[:limit]
        )
        for title, tags_text, text in rows:
            for word in analysis.words(f"{title} {tags_text} {text[: analysis.VOCABULARY_CHARS]}"):
                if len(word) > 3 and not word.isdigit():
                    counts[word] = counts.get(word, 0) + 1
        return counts


def _odd(number: int) -> int:
    return max(1, number) | 1


def sample_facets(rows) -> dict[str, Counter]:
    """Facet counts over these documents' (type, phase, year, tags_text)."""
    facets = {"type": Counter(), "tag": Counter(), "phase": Counter(), "year": Counter()}
    for type_, phase, year, tags_text in rows:
        facets["type"][type_] += 1
        if phase:
            facets["phase"][phase] += 1
        if year is not None:
            facets["year"][str(year)] += 1
        facets["tag"].update(tag for tag in tags_text.split(" | ") if tag)
    return facets


def facet_counts(counts, seen, total) -> dict:
    """The facet counts over a sample of ``seen`` documents, scaled to the total when it is a sample."""
    scale = total / seen if seen and seen != total else 1
    return ordered_facets(
        {
            name: {value: max(1, round(count * scale)) for value, count in counts.get(name, {}).items()}
            for name in FACETS
        }
    )


def ordered_facets(facets):
    for name in facets:
        ordered = sorted(facets[name].items(), key=lambda item: (-item[1], item[0]))
        if name == "year":
            ordered = sorted(facets[name].items(), reverse=True)
        facets[name] = dict(ordered)
    return facets


HIT_FIELDS = ("id", "key", "type", "title", "url", "date", "tags_text", "phase")


def hits_for(ranked, parsed, plain=False) -> list[Hit]:
    """Hits in the order of ``ranked`` ((id, score) pairs). ``plain``: with the stems the re-rank reads (the
    ``stems`` column) instead of snippets; the text of the few shown is read afterwards (``_add_text``)."""
    if not ranked:
        return []
    ids = [pk for pk, _score in ranked]
    fields = (*HIT_FIELDS, "stems" if plain else "text")
    rows = {row[0]: row for row in IndexedDocument.objects.filter(id__in=ids).values_list(*fields)}
    stems = parsed.stems if parsed else frozenset()
    hits = []
    for pk, score in ranked:
        if pk not in rows:  # removed by a reindex between the match and this read: not shown
            continue
        _id, key, type_, title, url, date, tags_text, phase, body = rows[pk]
        hit = Hit(
            key=key,
            type=type_,
            title=title,
            url=url,
            snippet="",
            title_html="",
            date=date,
            tags=[tag for tag in tags_text.split(" | ") if tag],
            phase=phase,
            score=float(score or 0),
        )
        hit.pk = pk
        if plain:
            hit.stems = tuple(body.split())
        else:
            hit.snippet = analysis.highlight(body, stems, SNIPPET_WORDS)
            hit.title_html = analysis.highlight(title, stems, whole=True)
        hits.append(hit)
    return hits


def _add_text(hits) -> None:
    texts = dict(IndexedDocument.objects.filter(id__in=[hit.pk for hit in hits]).values_list("id", "text"))
    for hit in hits:
        hit.text = texts.get(hit.pk, "")


# ----- index tokens that never score (both databases) --------------------------------------------------------

META_KINDS = {"type": "t", "phase": "p", "tag": "g", "year": "y"}
HEAD_PREFIX = "0h"  # no Dutch word starts with it; FTS5's unicode61 and PostgreSQL's parser keep "0h" + stem whole


def meta_token(kind: str, value) -> str:
    """One lower-case alphanumeric token per (kind, value)."""
    digest = hashlib.sha1(f"{kind}\x00{value}".encode(), usedforsecurity=False).hexdigest()[:16]
    return META_KINDS[kind] + digest


def meta_text(type_: str, phase: str, year, tags) -> str:
    tokens = [meta_token("type", type_)]
    if phase:
        tokens.append(meta_token("phase", phase))
    if year:
        tokens.append(meta_token("year", int(year)))
    tokens += [meta_token("tag", tag[:100]) for tag in dict.fromkeys(tags)]
    return " ".join(tokens)


def head_text(title_stems: str, tag_stems: str) -> str:
    """Title and tag stems again, as tokens of their own (``0h`` + stem)."""
    return " ".join(HEAD_PREFIX + token for token in f"{title_stems} {tag_stems}".split())


@dataclass(frozen=True)
class FullText:
    """What the full-text index holds of one document, the same on both databases (stems computed here)."""

    title: str  # stems
    tags: str
    text: str
    parts: str  # the stems of the known parts of its compounds (weighted below the words themselves)
    title_words: str  # the title's words, unstemmed (search-as-you-type prefixes)
    head: str
    meta: str


def full_text(row, lexicon) -> FullText:
    """The full-text of an IndexedDocument row; ``lexicon`` splits its compounds (words its readers may all see)."""
    title_words, tag_words, text_words = (
        analysis.words(row.title),
        analysis.words(row.tags_text),
        analysis.words(row.text),
    )
    title, tags = analysis.stems_of(title_words), analysis.stems_of(tag_words)
    return FullText(
        title=title,
        tags=tags,
        text=analysis.stems_of(text_words),
        parts=lexicon.part_stems(title_words + tag_words + text_words),
        title_words=" ".join(title_words),
        head=head_text(title, tags),
        meta=meta_text(row.type, row.phase, row.year, row.tags),
    )


def filter_tokens(query: SearchQuery) -> list[str]:
    return [
        meta_token(kind, int(getattr(query, kind)) if kind == "year" else getattr(query, kind))
        for kind in ("type", "phase", "year", "tag")
        if getattr(query, kind)
    ]


def visible_mask(codes) -> tuple[int, list[int]]:
    """(bitmask of the codes below 63, the codes above): access as arithmetic on the id's low bits."""
    return sum(1 << c for c in codes if c < 63), [c for c in codes if c >= 63]
