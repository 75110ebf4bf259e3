"""Health checks for /healthz. Apps add their own (the search app adds its engine)."""

from collections.abc import Callable

from django.core.cache import cache
from django.db import connection

_checks: dict[str, Callable[[], dict]] = {}
_optional: set[str] = set()


def register(name: str, check: Callable[[], dict], *, critical: bool = True) -> None:
    """A check; when a non-critical one fails the site still works (degraded) and /healthz says so with 200."""
    _checks[name] = check
    if critical:
        _optional.discard(name)
    else:
        _optional.add(name)


def is_critical(name: str) -> bool:
    return name not in _optional


def run_checks() -> dict[str, dict]:
    results = {}
    for name, check in _checks.items():
        try:
            result = check()
        except Exception as error:  # a failing part must be reported, never raise
            result = {"ok": False, "error": type(error).__name__}
        results[name] = result
    return results


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "vendor": connection.vendor}


def check_cache() -> dict:
    cache.set("healthz", "ok", 10)
    ok = cache.get("healthz") == "ok"
    return {"ok": ok} if ok else {"ok": False, "error": "cache did not return the value it stored"}


def check_elasticsearch() -> dict:
    """Whether the configured Elasticsearch answers (search falls back to the database when not)."""
    from urllib.error import URLError
    from urllib.request import urlopen

    from django.conf import settings

    url = settings.KENNISPLEIN_SEARCH.get("ELASTICSEARCH_URL", "")
    try:
        with urlopen(url.rstrip("/") + "/_cluster/health", timeout=2) as response:  # noqa: S310 - configured URL
            status = response.status
    except (URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        return {"ok": False, "error": f"Elasticsearch unreachable ({type(reason).__name__})", "fallback": "database"}
    return {"ok": status == 200, "engine": "elasticsearch"}


register("database", check_database)
register("cache", check_cache, critical=False)


def register_configured() -> None:
    from django.conf import settings

    if settings.KENNISPLEIN_SEARCH.get("ENGINE") == "elasticsearch":
        register("elasticsearch", check_elasticsearch, critical=False)
