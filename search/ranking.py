"""Re-ranking the best matches of a query (either database), collapsing a guide's chapters, mixing types.

The engine's score (bm25 or ts_rank) knows nothing of where a word came from. Here the best ``CANDIDATES``
matches are ranked again on what a reader sees: how many of the query's words a document has as typed (an
alternative - synonym, the words of a compound apart - counts less, and so does a word found only as part of a
compound), in its title, the whole query (stop words included) as a
phrase or its words close together, and very short documents weigh less. Only documents the user may see
are ever candidates, so the counts of collapsed chapters reveal nothing more.
"""

from dataclasses import dataclass

from . import analysis

CANDIDATES = 40
ALTERNATIVE = 0.4  # a clause matched only through an alternative, relative to its own words
PART = 0.7  # a clause's words found only as parts of a compound (begeleiding in kinderbegeleiding)
SHORT_DOCUMENT = 30  # words; below, a document's score is lowered (an organisation's two lines)
TYPE_SHARE = 0.5  # at most this share of the first page for one type, while other types match well
WELL = 0.6  # "matches well": at least this share of the best score
TEXT_CHARS = 3000


@dataclass
class _Features:
    stems: list[str]
    stem_set: frozenset
    title: frozenset
    parts: list[str]  # the stems of the parts of its compounds
    part_set: frozenset


def _features(hit) -> _Features:
    """From the stems stored with the document (title, tags, the text's start; then the parts of its compounds);
    else made from the text."""
    tokens = list(hit.stems) or [
        analysis.stem(word) for word in analysis.words(f"{hit.title} {' '.join(hit.tags)} {hit.text[:TEXT_CHARS]}")
    ]
    marker = analysis.PART_PREFIX
    parts = [token[len(marker) :] for token in tokens if token.startswith(marker)]
    if parts:
        tokens = [token for token in tokens if not token.startswith(marker)]
    title = frozenset(analysis.stem(w) for w in analysis.words(hit.title))
    return _Features(tokens, frozenset(tokens), title, parts, frozenset(parts))


def _contains(tokens: list[str], token_set, sequence: tuple[str, ...]) -> bool:
    if len(sequence) == 1:
        return sequence[0] in token_set
    if not all(s in token_set for s in sequence):
        return False
    size = len(sequence)
    return any(tuple(tokens[i : i + size]) == sequence for i in range(len(tokens) - size + 1))


def _clause_score(clause, features) -> tuple[float, bool]:
    """(1 for its own words, PART for its own words as parts of a compound, ALTERNATIVE (times PART) for an
    alternative, else 0), and whether it is in the title."""
    for index, variant in enumerate(clause.variants):
        stems = tuple(analysis.stem(word) for word in variant)
        weight = 1.0 if index == 0 else ALTERNATIVE
        if _contains(features.stems, features.stem_set, stems):
            return weight, all(s in features.title for s in stems)
        if _contains(features.parts, features.part_set, stems):
            return weight * PART, False
    return 0.0, False


def _closeness(parsed, features) -> float:
    """1 when the whole query (stop words too) is a phrase in the document; else how close its words stand."""
    every = tuple(analysis.stem(word) for word in parsed.all_words)
    if len(every) > 1 and _contains(features.stems, features.stem_set, every):
        return 1.0
    wanted = {analysis.stem(w) for clause in parsed.clauses for w in clause.words}
    if len(wanted) < 2:
        return 0.0
    best = None
    last: dict[str, int] = {}
    for position, token in enumerate(features.stems):
        if token in wanted:
            last[token] = position
            if len(last) == len(wanted):
                span = position - min(last.values()) + 1
                best = span if best is None else min(best, span)
    if best is None:
        return 0.0
    return max(0.0, 1.0 - (best - len(wanted)) / (4 * len(wanted)))


def score(parsed, hit, top_engine_score: float) -> float:
    features = _features(hit)
    clauses = parsed.clauses
    matched = [_clause_score(clause, features) for clause in clauses]
    coverage = sum(value for value, _title in matched) / len(clauses)
    in_title = sum(value for value, title in matched if title) / len(clauses)
    engine = hit.score / top_engine_score if top_engine_score > 0 else 0.0
    value = 0.55 * coverage + 0.15 * engine + 0.15 * in_title + 0.15 * _closeness(parsed, features)
    hit.titled = in_title >= 1.0  # every query word, as typed, in the title
    length = len(features.stems)
    if length < SHORT_DOCUMENT:
        value *= 0.75 + 0.25 * length / SHORT_DOCUMENT
    return value


def rerank(parsed, hits: list) -> list:
    if not hits:
        return hits
    top = max(hit.score for hit in hits)
    for hit in hits:
        hit.score = score(parsed, hit, top)
    hits.sort(key=lambda hit: -hit.score)  # stable: the engine's order breaks ties
    return hits


def group_of(hit) -> str:
    """A guide's chapters (url with #anchor) and the guide itself share the guide's url."""
    return hit.url.split("#", 1)[0] if hit.url else hit.key


def collapse_chapters(hits: list) -> list:
    """Per guide one hit that counts the others ("nog 2 hoofdstukken"), in the place of the guide's best match.

    Shown is the best chapter with the query's words in its title (more specific than the overview), else the
    best match with them in its title (the overview), else the best match.
    """
    groups: dict[str, list] = {}
    for hit in hits:
        groups.setdefault(group_of(hit), []).append(hit)
    out = []
    for hit in hits:
        members = groups.get(group_of(hit))
        if not members:
            continue
        del groups[group_of(hit)]
        titled = [member for member in members if getattr(member, "titled", False)]
        chapters = [member for member in titled if "#" in member.url]
        shown = chapters[0] if chapters else (titled or members)[0]
        shown.score = members[0].score
        if len(members) > 1:
            shown.more_chapters, shown.group_url = len(members) - 1, group_of(hit)
        out.append(shown)
    return out


def mix_types(hits: list, per_page: int) -> list:
    """No single type fills the first page while other types match well: their best move up."""
    if len(hits) <= per_page:
        return hits
    cap = max(1, int(per_page * TYPE_SHARE))
    top = hits[0].score
    page, deferred, counts = [], [], {}
    rest = list(hits)
    while rest and len(page) < per_page:
        hit = rest.pop(0)
        others_well = any(h.type != hit.type and h.score >= WELL * top for h in rest)
        if counts.get(hit.type, 0) >= cap and others_well:
            deferred.append(hit)
            continue
        counts[hit.type] = counts.get(hit.type, 0) + 1
        page.append(hit)
    return page + deferred + rest
