"""Dutch text analysis: tokens, Snowball stems, stop words, synonyms, compounds, queries, snippets.

SQLite's FTS5 has no Dutch stemmer, so words are stemmed here, at index time and at query time, with the
Snowball Dutch stemmer: ``scheidingen`` and ``scheiding`` both become ``scheid``. Snippets are made here too,
from the original text, marking every word whose stem the query asked for.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

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


def stems_of(text_words) -> str:
    return " ".join(map(stem, text_words))


VOCABULARY_WORD = re.compile(r"\w{4,}", re.UNICODE)  # a vocabulary's words: four characters or more


def vocabulary_words(text: str) -> set[str]:
    return {word for word in set(VOCABULARY_WORD.findall(text.lower())) if not word.isdigit()}


@dataclass(frozen=True)
class Clause:
    words: tuple[str, ...]  # one word, or several for a phrase
    phrase: bool = False
    # Other ways to say the same (each a word sequence, matched as a phrase): synonyms, the compound of words
    # written apart, the parts of a compound. An exact match of ``words`` ranks above them.
    alternatives: tuple[tuple[str, ...], ...] = ()

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(stem(word) for word in self.words)

    @property
    def variants(self) -> tuple[tuple[str, ...], ...]:
        """The word sequences this clause matches: its own words first, then the alternatives."""
        return (self.words, *self.alternatives)


@dataclass(frozen=True)
class ParsedQuery:
    raw: str
    clauses: tuple[Clause, ...] = field(default_factory=tuple)
    all_words: tuple[str, ...] = ()  # every word of the query, stop words included (phrase and proximity scoring)

    def __bool__(self):
        return bool(self.clauses)

    @property
    def stems(self) -> frozenset[str]:
        """Stems to mark in snippets: the query's own words and their alternatives."""
        return frozenset(stem(word) for clause in self.clauses for variant in clause.variants for word in variant)

    @property
    def terms(self) -> list[str]:
        return [word for clause in self.clauses for word in clause.words]


PHRASE = re.compile(r'"([^"]*)"')
MAX_ALTERNATIVES = 8


def parse(raw: str, lexicon: "Lexicon | None" = None) -> ParsedQuery:
    """Words are combined with AND; "quoted words" must appear as a phrase. Stop words are dropped outside phrases.

    With a ``lexicon`` (words of what the user may see) words get alternatives: synonyms (search/synonyms_nl.txt),
    the compound of two words written apart and the parts of a compound (a text written apart). A part of a
    compound finds the compound without an alternative: the index holds the parts of its compounds.
    """
    raw = (raw or "").strip()
    clauses: list[Clause] = []
    for phrase in PHRASE.findall(raw):
        phrase_words = tuple(words(phrase))
        if len(phrase_words) > 1:
            clauses.append(Clause(phrase_words, phrase=True))
        elif phrase_words:
            clauses.append(Clause(phrase_words))
    rest_words = words(PHRASE.sub(" ", raw).replace('"', " "))
    all_words = tuple(words(raw.replace('"', " ")))
    if lexicon is not None:
        clauses += lexicon.expand(rest_words)
    else:
        single = [word for word in rest_words if word not in STOP_WORDS] or ([] if clauses else rest_words)
        clauses += [Clause((word,)) for word in dict.fromkeys(single)]
    return ParsedQuery(raw=raw, clauses=tuple(_unique(clauses)), all_words=all_words)


def _unique(clauses):
    seen = set()
    for clause in clauses:
        if clause.words not in seen:
            seen.add(clause.words)
            yield clause


# ----- synonyms and compounds -------------------------------------------------------------------------------

SYNONYMS_FILE = Path(__file__).resolve().parent / "synonyms_nl.txt"
LINKS = ("", "s", "e", "en")  # Dutch linking sounds between the parts of a compound
PART_PREFIX = "0p"  # a part of a compound in the re-rank's stems column (search.ranking)
VOCABULARY_CHARS = 5000  # the start of a text whose words go into a vocabulary (search.vocabulary)
MIN_PART = 4  # shortest part of a compound (shorter "parts" split too many words wrongly)


def marked_parts(part_stems: str) -> str:
    """Part stems as the re-rank's ``stems`` column holds them, after the document's own stems."""
    return " ".join(PART_PREFIX + token for token in part_stems.split())


def parse_synonyms(text: str) -> list[tuple[tuple[str, ...], ...]]:
    """Solr format: one group per line, members separated by commas; # starts a comment."""
    groups = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        members = tuple(dict.fromkeys(tuple(words(member)) for member in line.split(",") if words(member)))
        if len(members) > 1:
            groups.append(members)
    return groups


@lru_cache(maxsize=1)
def file_synonyms() -> tuple:
    return tuple(parse_synonyms(SYNONYMS_FILE.read_text(encoding="utf-8")))


class Lexicon:
    """The words a user may see (from the index), for decompounding, plus the synonym groups."""

    def __init__(self, vocabulary, synonyms=None):
        self.words = set(vocabulary)
        self.stems = {stem(word) for word in self.words}
        groups = file_synonyms() if synonyms is None else synonyms
        self.synonyms: dict[tuple[str, ...], tuple] = {}
        for group in groups:
            for member in group:
                self.synonyms.setdefault(member, tuple(m for m in group if m != member))
        self.longest_synonym = max((len(member) for member in self.synonyms), default=1)
        self._split: dict[str, tuple[str, ...]] = {}  # every word looked at: its parts, or ()
        self._compounds: set[str] = set()  # the words of _split that have parts

    def known(self, word: str) -> bool:
        return len(word) >= MIN_PART and (word in self.words or stem(word) in self.stems)

    def known_part(self, word: str) -> bool:
        """A first part of a compound: a known word, or one with a linking sound (ouderschap-s-)."""
        return self.known(word) or any(
            link and word.endswith(link) and self.known(word[: -len(link)]) for link in LINKS
        )

    def joined(self, first: str, second: str) -> str:
        """The known compound of two words written apart (kinder begeleiding -> kinderbegeleiding), or ""."""
        for link in LINKS:
            compound = first + link + second
            if compound in self.words or stem(compound) in self.stems:
                return compound
        return ""

    def parts(self, word: str) -> tuple[str, ...]:
        """A compound as two known parts (ouderschapsplan -> ouderschaps plan), or ()."""
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            first, second = word[:cut], word[cut:]
            if self.known(second) and self.known_part(first):
                return (first, second)
        return ()

    def decompound(self, word: str) -> tuple[str, ...]:
        """A compound as two or more known words (kinderbegeleidingsplan -> kinder begeleidings plan), or () for a
        word that is no compound of known words. The last part is the shortest known word it ends in, the rest is
        split again or is a known word (with or without a linking sound); no part is a stop word (over-dracht).
        Remembered per word."""
        found = self._split.get(word)
        if found is None:
            found = ()
            for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
                first, second = word[:cut], word[cut:]
                head = () if second in STOP_WORDS or not self.known(second) else self._head(first)
                if head:
                    found = (*head, second)
                    break
            self._split[word] = found
            if found:
                self._compounds.add(word)
        return found

    def _head(self, first: str) -> tuple[str, ...]:
        """The parts before a compound's last: a compound itself, a known word, or one with a linking sound."""
        if len(first) >= 2 * MIN_PART:
            parts = self.decompound(first)
            if parts:
                return parts
        for link in LINKS:
            base = first[: len(first) - len(link)]
            if first.endswith(link) and base not in STOP_WORDS and self.known(base):
                return (first if self.known(first) else base,)
        return ()

    def part_words(self, text_words) -> list[str]:
        """The parts of the compounds among these words, each compound's parts in a row (at index time: a query
        for a part finds the compound, and the parts' phrase, kinder begeleiding, matches it too)."""
        distinct = set(text_words)
        for word in distinct.difference(self._split):
            self.decompound(word)
        return [part for word in sorted(distinct & self._compounds) for part in self._split[word]]

    def part_stems(self, text_words) -> str:
        """The stems of ``part_words``, for the database engines' parts column."""
        return " ".join(stem(part) for part in self.part_words(text_words))

    def expand(self, query_words: list[str]) -> list[Clause]:
        clauses: list[Clause] = []
        i = 0
        while i < len(query_words):
            match = self._synonym_at(query_words, i)
            if match:
                member, alternatives = match
                clauses.append(Clause(member, phrase=len(member) > 1, alternatives=alternatives))
                i += len(member)
                continue
            word = query_words[i]
            following = query_words[i + 1] if i + 1 < len(query_words) else ""
            compound = self.joined(word, following) if following and len(word) >= 3 and len(following) >= 3 else ""
            if compound and following not in STOP_WORDS and word not in STOP_WORDS:
                # What was meant is the compound: it is the clause's own word, the words apart an alternative.
                clauses.append(Clause((compound,), alternatives=((word, following),)))
                i += 2
                continue
            i += 1
            if word in STOP_WORDS:
                continue
            alternatives = []
            parts = self.parts(word)
            if parts:
                alternatives.append(parts)
            alternatives += list(self.synonyms.get((word,), ()))
            clauses.append(Clause((word,), alternatives=tuple(alternatives[:MAX_ALTERNATIVES])))
        if not clauses:  # a query of only stop words still searches for them
            clauses = [Clause((word,)) for word in dict.fromkeys(query_words)]
        return clauses

    def _synonym_at(self, query_words, i):
        for size in range(min(self.longest_synonym, len(query_words) - i), 0, -1):
            member = tuple(query_words[i : i + size])
            if member in self.synonyms and (size > 1 or member[0] not in STOP_WORDS):
                return member, self.synonyms[member]
        return None


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


def parse_members(text: str) -> tuple[tuple[str, ...], ...]:
    """An editor's line: members separated by commas or "~" (``omgangshuis ~ bezoekruimte``)."""
    members = [tuple(words(member)) for member in text.replace("~", ",").split(",")]
    return tuple(dict.fromkeys(member for member in members if member))
