"""The Elasticsearch engine, written with elasticsearch-dsl.

Dutch analysis (Snowball Dutch stemmer, Dutch stop words), the domain synonyms of ``search/synonyms_nl.txt``
at query time, fuzzy matching for typos, highlighting and facets as aggregations. The index lives behind an
alias: a rebuild fills a fresh index and swaps the alias in one atomic request.

The database index stays the source of truth (and the fallback): this engine mirrors it.
"""

import logging
import time
from pathlib import Path

from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_exceptions
from elasticsearch.dsl import A, Date, Document, Index, Integer, Keyword, Q, Search, Text, analyzer, token_filter
from elasticsearch.helpers import BulkIndexError, bulk

from .. import analysis
from .. import synonyms as synonym_groups
from .base import Engine, Hit, SearchEngineError, SearchQuery, SearchResult

logger = logging.getLogger(__name__)

SYNONYMS_FILE = Path(__file__).resolve().parent.parent / "synonyms_nl.txt"
FACET_SIZE = 30
ERRORS = (es_exceptions.ConnectionError, es_exceptions.TransportError, es_exceptions.ApiError, BulkIndexError)


def synonyms() -> list[str]:
    lines = SYNONYMS_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def synonym_set_body(lines) -> list[dict]:
    """The rules of the synonym set (PUT _synonyms/<set>): one rule per group, with a stable id."""
    import hashlib

    return [
        {"id": hashlib.sha1(line.encode(), usedforsecurity=False).hexdigest()[:12], "synonyms": line} for line in lines
    ]


SYNONYM_SET = "kennisplein-synonyms"

dutch_stop = token_filter("dutch_stop", type="stop", stopwords="_dutch_")
dutch_stemmer = token_filter("dutch_stemmer", type="stemmer", language="dutch")
# Search time only, from an updateable synonym set (Elasticsearch >= 8.10): the file's groups plus the editors'
# (search.synonyms), sent again when an editor changes them; the index never needs a rebuild for it.
domain_synonyms = token_filter(
    "domain_synonyms", type="synonym_graph", synonyms_set=SYNONYM_SET, updateable=True, lenient=True
)

# Index time: words -> stems. Query time: the same, with the domain synonyms expanded first.
dutch_index = analyzer(
    "dutch_index", tokenizer="standard", filter=["lowercase", "asciifolding", dutch_stop, dutch_stemmer]
)
dutch_search = analyzer(
    "dutch_search",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", domain_synonyms, dutch_stop, dutch_stemmer],
)


# A compound's parts count for less than the words as written: the whole compound ranks above its parts.
SEARCHED_FIELDS = ["title^3", "tags^2", "text", "parts^0.5"]


class SearchDocumentIndex(Document):
    key = Keyword()
    type = Keyword()
    title = Text(analyzer=dutch_index, search_analyzer=dutch_search, fields={"raw": Keyword()})
    tags = Text(analyzer=dutch_index, search_analyzer=dutch_search, fields={"raw": Keyword()}, multi=True)
    text = Text(analyzer=dutch_index, search_analyzer=dutch_search)
    # The parts of the text's compounds (kinderbegeleiding -> kinder begeleiding), split as the database
    # engines split them: from the words every reader of the document may see (search.vocabulary.Splitters).
    parts = Text(analyzer=dutch_index, search_analyzer=dutch_search)
    audience = Keyword()
    date = Date()
    year = Integer()
    url = Keyword(index=False)
    phase = Keyword()
    language = Keyword()

    @classmethod
    def from_row(cls, row, index_name: str, splitters) -> dict:
        words = analysis.words(f"{row.title} {row.tags_text} {row.text}")
        return {
            "_index": index_name,
            "_id": row.key,
            "_source": {
                "key": row.key,
                "type": row.type,
                "title": row.title,
                "tags": row.tags,
                "text": row.text,
                "parts": " ".join(splitters.for_audience(row.audience).part_words(words)),
                "audience": row.audience,
                "date": row.date.isoformat() if row.date else None,
                "year": row.year,
                "url": row.url,
                "phase": row.phase,
                "language": row.language,
            },
        }


def index_definition(name: str) -> Index:
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.document(SearchDocumentIndex)
    return index


class ElasticsearchEngine(Engine):
    name = "elasticsearch"

    def __init__(self, url: str, alias: str = "kennisplein-documents", timeout: float = 2.0):
        self.url = url
        self.alias = alias
        self.client = Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)

    # ----- query bodies (pure: tested offline through to_dict()) -----------------------------------------

    def build_search(self, query: SearchQuery, audiences: list[str]) -> Search:
        search = Search(using=self.client, index=self.alias)
        parsed = analysis.parse(query.q)
        must = []
        for clause in parsed.clauses:
            text = " ".join(clause.words)
            if clause.phrase:
                must.append(Q("multi_match", query=text, type="phrase", fields=SEARCHED_FIELDS))
            else:
                must.append(
                    Q(
                        "multi_match",
                        query=text,
                        fields=SEARCHED_FIELDS,
                        fuzziness="AUTO",
                        prefix_length=2,
                        operator="and",
                    )
                )
        filters = [Q("terms", audience=list(audiences))]
        if query.type:
            filters.append(Q("term", type=query.type))
        if query.phase:
            filters.append(Q("term", phase=query.phase))
        if query.year:
            filters.append(Q("term", year=query.year))
        if query.tag:
            filters.append(Q("term", **{"tags.raw": query.tag}))
        search = search.query(Q("bool", must=must or [Q("match_all")], filter=filters))
        if query.sort == "date" or not must:
            search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
        search.aggs.bucket("type", A("terms", field="type", size=FACET_SIZE))
        search.aggs.bucket("tag", A("terms", field="tags.raw", size=FACET_SIZE))
        search.aggs.bucket("phase", A("terms", field="phase", size=FACET_SIZE))
        search.aggs.bucket("year", A("terms", field="year", size=FACET_SIZE, order={"_key": "desc"}))
        search = search.highlight_options(
            encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], number_of_fragments=2, fragment_size=160
        )
        search = search.highlight("text", "title", **{})
        search = search.extra(track_total_hits=True)
        return search[query.offset : query.offset + query.per_page]

    def build_suggest(self, prefix: str, audiences: list[str], limit: int = 8) -> Search:
        search = Search(using=self.client, index=self.alias)
        search = search.query(
            Q("bool", must=[Q("match_bool_prefix", title=prefix)], filter=[Q("terms", audience=list(audiences))])
        )
        return search.source(["title", "url", "type"])[:limit]

    # ----- engine interface --------------------------------------------------------------------------------

    def search(self, query: SearchQuery, audiences: list[str], lexicon=None) -> SearchResult:
        result = SearchResult(query=query, engine=self.name)
        if not audiences or not (analysis.parse(query.q) or query.has_filters):
            return result
        try:
            response = self.build_search(query, audiences).execute()
        except ERRORS as error:
            raise SearchEngineError(str(error)) from error
        result.total = response.hits.total.value
        for name in ("type", "tag", "phase", "year"):
            buckets = getattr(response.aggregations, name).buckets
            result.facets[name] = {str(bucket.key): bucket.doc_count for bucket in buckets if str(bucket.key)}
        for hit in response:
            highlight = getattr(hit.meta, "highlight", None)
            snippet = (
                " … ".join(highlight.text)
                if highlight and "text" in highlight
                else analysis.highlight(hit.text or "", frozenset())
            )
            title_html = (
                highlight.title[0]
                if highlight and "title" in highlight
                else analysis.highlight(hit.title, frozenset(), whole=True)
            )
            result.hits.append(
                Hit(
                    key=hit.key,
                    type=hit.type,
                    title=hit.title,
                    url=hit.url,
                    snippet=snippet,
                    title_html=title_html,
                    date=_date(hit.date),
                    tags=list(hit.tags or []),
                    phase=hit.phase or "",
                    score=hit.meta.score or 0.0,
                )
            )
        return result

    def suggest_titles(self, prefix: str, audiences: list[str], limit: int = 8) -> list[dict]:
        if not prefix.strip() or not audiences:
            return []
        try:
            response = self.build_suggest(prefix, audiences, limit).execute()
        except ERRORS as error:
            raise SearchEngineError(str(error)) from error
        return [{"title": hit.title, "url": hit.url, "type": hit.type} for hit in response]

    def index(self, rows, splitters) -> None:
        rows = list(rows)
        if not rows:
            return
        try:
            self._ensure_alias()
            documents = (SearchDocumentIndex.from_row(row, self.alias, splitters) for row in rows)
            bulk(self.client, documents, refresh="wait_for")
        except ERRORS as error:
            raise SearchEngineError(str(error)) from error

    def delete(self, keys) -> None:
        keys = list(keys)
        if not keys:
            return
        actions = ({"_op_type": "delete", "_index": self.alias, "_id": key} for key in keys)
        try:
            bulk(self.client, actions, raise_on_error=False, refresh="wait_for")
        except ERRORS as error:
            raise SearchEngineError(str(error)) from error

    def update_synonyms(self, lines) -> None:
        """Replace the synonym set; Elasticsearch reloads the search analyzers that use it."""
        try:
            self.client.synonyms.put_synonym(id=SYNONYM_SET, synonyms_set=synonym_set_body(lines))
        except ERRORS as error:
            raise SearchEngineError(str(error)) from error

    def rebuild(self, rows, splitters, progress=None) -> str:
        """Fill a new index from the rows, then swap the alias to it atomically and drop the old index."""
        name = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{int(time.time() * 1000) % 1000:03d}"
        try:
            self.update_synonyms(synonym_groups.as_lines())  # the index's analyzer needs the set to exist
            index_definition(name).create(using=self.client)
            for _ok, _info in _streaming(self.client, rows, name, splitters, progress):
                pass
            self.client.indices.refresh(index=name)
            old = (
                list(self.client.indices.get_alias(name=self.alias).keys())
                if self.client.indices.exists_alias(name=self.alias)
                else []
            )
            actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
            actions.append({"add": {"index": name, "alias": self.alias}})
            self.client.indices.update_aliases(actions=actions)
            for index in old:
                self.client.indices.delete(index=index, ignore_unavailable=True)
        except ERRORS as error:
            raise SearchEngineError(str(error)) from error
        return name

    def _ensure_alias(self) -> None:
        if not self.client.indices.exists_alias(name=self.alias):
            self.update_synonyms(synonym_groups.as_lines())
            name = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}"
            index_definition(name).create(using=self.client)
            self.client.indices.put_alias(index=name, name=self.alias)

    def health(self) -> dict:
        try:
            info = self.client.options(request_timeout=2).cluster.health()
        except ERRORS as error:
            raise SearchEngineError(str(error)) from error
        return {"ok": info["status"] in ("green", "yellow"), "engine": self.name, "cluster": info["status"]}


def _streaming(client, rows, index_name, splitters, progress):
    from elasticsearch.helpers import streaming_bulk

    def actions():
        for row in rows:
            if progress:
                progress(1)
            yield SearchDocumentIndex.from_row(row, index_name, splitters)

    return streaming_bulk(client, actions(), chunk_size=500)


def _date(value):
    if not value:
        return None
    if hasattr(value, "date"):
        return value.date()
    import datetime

    return datetime.date.fromisoformat(str(value)[:10])
