"""The engine chosen by ``settings.KENNISPLEIN_SEARCH`` ("database" by default, or "elasticsearch")."""

from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.db import connection

from .base import DatabaseEngine, Engine, Hit, SearchEngineError, SearchQuery, SearchResult  # noqa: F401

DEFAULTS = {"ENGINE": "database", "ELASTICSEARCH_URL": "", "INDEX": "kennisplein-documents", "TIMEOUT": 2.0}


def config() -> dict:
    return {**DEFAULTS, **getattr(settings, "KENNISPLEIN_SEARCH", {})}


def database_engine() -> DatabaseEngine:
    """The database engine of the database in use: SQLite (FTS5) or PostgreSQL."""
    return _database(connection.vendor)


@lru_cache(maxsize=2)
def _database(vendor: str) -> DatabaseEngine:
    if vendor == "postgresql":
        from .postgres import PostgresEngine

        return PostgresEngine()
    from .sqlite import SqliteEngine

    return SqliteEngine()


@lru_cache(maxsize=1)
def get_engine() -> Engine:
    options = config()
    if options["ENGINE"] == "elasticsearch":
        from .elastic import ElasticsearchEngine

        return ElasticsearchEngine(
            options["ELASTICSEARCH_URL"], alias=options["INDEX"], timeout=float(options["TIMEOUT"])
        )
    return database_engine()


def _reset(*, setting, **kwargs):
    if setting == "KENNISPLEIN_SEARCH":
        get_engine.cache_clear()


setting_changed.connect(_reset)
