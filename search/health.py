from .engines import SearchEngineError, database_engine, get_engine


def check_search() -> dict:
    """The state of the configured engine. Elasticsearch down is 'degraded', not failing: search answers from the database."""
    engine = get_engine()
    database = database_engine()
    if engine is database:
        return database.health()
    try:
        return {**engine.health(), "state": "ok"}
    except SearchEngineError as error:
        fallback = database.health()
        return {
            "ok": fallback["ok"],
            "engine": engine.name,
            "state": "degraded",
            "error": type(error.__cause__ or error).__name__,
            "fallback": fallback["engine"],
        }
