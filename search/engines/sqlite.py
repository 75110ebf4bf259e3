"""FTS5 syntax for the database engine on SQLite (the language itself lives in search.analysis)."""

from .. import analysis


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
    return "(" + " OR ".join(clause_expression(clause, analysis.HEAD_PREFIX) for clause in parsed.clauses) + ")"
