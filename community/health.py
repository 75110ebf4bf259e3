"""Health checks for /healthz. Apps add their own (the search app adds its engine)."""

from collections.abc import Callable

from django.core.cache import cache
from django.db import connection

_checks: dict[str, Callable[[], dict]] = {}


def register(name: str, check: Callable[[], dict]) -> None:
    _checks[name] = check


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


register("database", check_database)
register("cache", check_cache)
