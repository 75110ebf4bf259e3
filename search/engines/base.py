"""What every search engine answers, whichever technology sits behind it."""

import datetime
from dataclasses import dataclass, field

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


@dataclass
class SearchResult:
    query: SearchQuery
    engine: str
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=lambda: {name: {} for name in FACETS})
    relaxed: bool = False  # no item had every word: items with some of the words are shown
    facets_approximate: bool = False  # facet counts estimated from a sample (very broad queries on SQLite)
    suggestion: str = ""
    notice: str = ""
    corrected_from: str = ""  # the query as typed, when these are the results for the spelling suggestion
    members_more: int = 0  # anonymous visitors: how many more results members would see (a count only)
    members_titles: list[dict] = field(default_factory=list)  # of those, titles that invite (community.core.access)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))


class SearchEngineError(Exception):
    """The engine could not answer (server down, bad response): the service falls back to the database."""


class Engine:
    name = ""

    def search(self, query: SearchQuery, audiences: list[str], lexicon=None) -> SearchResult:
        raise NotImplementedError

    def suggest_titles(self, prefix: str, audiences: list[str], limit: int = 8) -> list[dict]:
        raise NotImplementedError

    def index(self, rows) -> None:
        """Add or replace documents (IndexedDocument rows)."""

    def delete(self, keys) -> None:
        """Remove documents by key."""

    def health(self) -> dict:
        raise NotImplementedError
