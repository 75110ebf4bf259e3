"""tsquery syntax for the database engine on PostgreSQL (text search configuration 'dutch')."""

from .. import analysis

CONFIG = "dutch"


def clause_sql(clause: analysis.Clause) -> tuple[str, list[str]]:
    """SQL for one clause (its words as a phrase, or any alternative) and its parameters."""
    parts = [f"phraseto_tsquery('{CONFIG}', %s)" for _variant in clause.variants]
    return "(" + " || ".join(parts) + ")", [" ".join(variant) for variant in clause.variants]


def tsquery(parsed: analysis.ParsedQuery, operator: str = "AND") -> tuple[str, list[str]]:
    joiner = " && " if operator == "AND" else " || "
    sql, params = [], []
    for clause in parsed.clauses:
        part, values = clause_sql(clause)
        sql.append(part)
        params += values
    return "(" + joiner.join(sql) + ")", params
