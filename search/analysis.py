"""Dutch text analysis for the database engine on SQLite: tokens, Snowball stems, stop words, queries, snippets.

SQLite's FTS5 has no Dutch stemmer, so words are stemmed here, at index time and at query time, with the
Snowball Dutch stemmer: ``scheidingen`` and ``scheiding`` both become ``scheid``. Snippets are made here too,
from the original text, marking every word whose stem the query asked for.
"""

import re
from dataclasses import dataclass, field

import snowballstemmer
from django.utils.html import escape

WORD = re.compile(r"\w+", re.UNICODE)
_stemmer = snowballstemmer.stemmer("dutch")

# The Snowball list of Dutch stop words: left out of queries (not out of phrases).
STOP_WORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er
    ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen
    maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te
    tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf
    zich zij zijn zo zonder zou
    """.split()
)


class _StemCache(dict):
    def __missing__(self, word):
        if len(self) > 500_000:
            self.clear()
        value = self[word] = _stemmer.stemWord(word)
        return value


_stems = _StemCache()
stem = _stems.__getitem__


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def stemmed(text: str) -> str:
    """The text as space-separated stems: what the FTS5 table stores."""
    return " ".join(map(stem, WORD.findall(text.lower())))


@dataclass(frozen=True)
class Clause:
    words: tuple[str, ...]  # one word, or several for a phrase
    phrase: bool = False

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(stem(word) for word in self.words)


@dataclass(frozen=True)
class ParsedQuery:
    raw: str
    clauses: tuple[Clause, ...] = field(default_factory=tuple)

    def __bool__(self):
        return bool(self.clauses)

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(s for clause in self.clauses for s in clause.stems)

    @property
    def terms(self) -> list[str]:
        return [word for clause in self.clauses for word in clause.words]

    def fts5(self, operator: str = "AND") -> str:
        """An FTS5 MATCH expression over the stemmed columns; phrases stay phrases."""
        parts = ['"' + " ".join(clause.stems) + '"' for clause in self.clauses]
        return f" {operator} ".join(parts)


PHRASE = re.compile(r'"([^"]*)"')


def parse(raw: str) -> ParsedQuery:
    """Words are combined with AND; "quoted words" must appear as a phrase. Stop words are dropped outside phrases."""
    raw = (raw or "").strip()
    clauses: list[Clause] = []
    for phrase in PHRASE.findall(raw):
        phrase_words = tuple(words(phrase))
        if len(phrase_words) > 1:
            clauses.append(Clause(phrase_words, phrase=True))
        elif phrase_words:
            clauses.append(Clause(phrase_words))
    rest = PHRASE.sub(" ", raw).replace('"', " ")
    single = [word for word in words(rest) if word not in STOP_WORDS]
    if not single and not clauses:
        single = words(rest)  # a query of only stop words still searches for them
    seen = set()
    for word in single:
        if word not in seen:
            seen.add(word)
            clauses.append(Clause((word,)))
    return ParsedQuery(raw=raw, clauses=tuple(clauses))


def highlight(text: str, stems, max_words: int = 32, whole: bool = False) -> str:
    """HTML: an escaped excerpt of ``text`` around the most matches, each matched word in <mark>.

    With ``whole`` the full text is returned (for titles).
    """
    tokens = list(WORD.finditer(text))
    if not tokens:
        return escape(text[:300])
    hits = [i for i, match in enumerate(tokens) if stem(match.group().lower()) in stems]
    if whole or len(tokens) <= max_words:
        first, last = 0, len(tokens)
    else:
        best, first = -1, 0
        for start in hits or [0]:
            start = max(0, start - 4)
            count = sum(1 for i in hits if start <= i < start + max_words)
            if count > best:
                best, first = count, start
        first = min(first, max(0, len(tokens) - max_words))
        last = min(len(tokens), first + max_words)
    hit_set = set(hits)
    begin = 0 if first == 0 else tokens[first].start()
    end = len(text) if last == len(tokens) else tokens[last - 1].end()
    out, position = [], begin
    for i in range(first, last):
        match = tokens[i]
        if i in hit_set:
            out.append(escape(text[position : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    out.append(escape(text[position:end]))
    html = "".join(out).strip()
    if begin > 0:
        html = "… " + html
    if end < len(text):
        html += " …"
    return html


# ----- filter tokens --------------------------------------------------------------------------------------
# On SQLite every document also carries its type, phase, year and tags as opaque tokens in the FTS5 column
# ``meta`` (bm25 weight 0, so they never change a score). The chosen filters are then part of the MATCH
# expression. (Access is filtered on the document id, which holds an audience code: see search.store.)

META_KINDS = {"type": "t", "phase": "p", "tag": "g", "year": "y"}


def meta_token(kind: str, value) -> str:
    """One lower-case alphanumeric token per (kind, value); the unicode61 tokenizer keeps it whole."""
    import hashlib

    digest = hashlib.sha1(f"{kind}\x00{value}".encode()).hexdigest()[:16]
    return META_KINDS[kind] + digest


def meta_text(type_: str, phase: str, year, tags) -> str:
    tokens = [meta_token("type", type_)]
    if phase:
        tokens.append(meta_token("phase", phase))
    if year:
        tokens.append(meta_token("year", int(year)))
    tokens += [meta_token("tag", tag) for tag in dict.fromkeys(tags)]
    return " ".join(tokens)


HEAD_PREFIX = "0h"  # no Dutch word starts with it; unicode61 keeps "0h" + stem as one token


def head_text(title_stems: str, tag_stems: str) -> str:
    """The ``head`` column: title and tag stems again, as tokens of their own (``0h`` + stem).

    "A query word in title or tags" is then a plain term lookup, not a column filter (which reads positions).
    """
    return " ".join(HEAD_PREFIX + token for token in f"{title_stems} {tag_stems}".split())


def head_any(parsed: "ParsedQuery") -> str:
    """An FTS5 expression: a query word (or phrase) occurs in title or tags."""
    return "(" + " OR ".join('"' + " ".join(HEAD_PREFIX + s for s in clause.stems) + '"' for clause in parsed.clauses) + ")"
