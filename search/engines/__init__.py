"""The engine chosen by ``settings.KENNISPLEIN_SEARCH`` ("database" by default, or "elasticsearch")."""

from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed

from .base import Engine, Hit, SearchEngineError, SearchQuery, SearchResult  # noqa: F401
from .database import DatabaseEngine

DEFAULTS = {"ENGINE": "database", "ELASTICSEARCH_URL": "", "INDEX": "kennisplein-documents", "TIMEOUT": 2.0}


def config() -> dict:
    return {**DEFAULTS, **getattr(settings, "KENNISPLEIN_SEARCH", {})}


def database_engine() -> DatabaseEngine:
    return _database()


@lru_cache(maxsize=1)
def _database() -> DatabaseEngine:
    return DatabaseEngine()


@lru_cache(maxsize=1)
def get_engine() -> Engine:
    options = config()
    if options["ENGINE"] == "elasticsearch":
        from .elastic import ElasticsearchEngine

        return ElasticsearchEngine(options["ELASTICSEARCH_URL"], alias=options["INDEX"], timeout=float(options["TIMEOUT"]))
    return database_engine()


def _reset(*, setting, **kwargs):
    if setting == "KENNISPLEIN_SEARCH":
        get_engine.cache_clear()


setting_changed.connect(_reset)
