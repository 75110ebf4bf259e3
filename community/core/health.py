"""Health checks for /healthz, from the HEALTH_CHECKS hook (the search app adds its engine).

When a non-critical check fails the site still works (degraded) and /healthz says so with 200.
"""

from urllib.error import URLError
from urllib.request import urlopen

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from community.core.hooks import HEALTH_CHECKS, collect


def checks() -> dict:
    """name -> HealthCheck; a later registration of a name replaces an earlier one."""
    return {check.name: check for check in collect(HEALTH_CHECKS)}


def run_checks() -> dict[str, dict]:
    results = {}
    for name, check in checks().items():
        try:
            result = check.check()
        except Exception as error:  # a failing part must be reported, never raise
            result = {"ok": False, "error": type(error).__name__}
        results[name] = result
    return results


def is_critical(name: str) -> bool:
    check = checks().get(name)
    return check is None or check.critical


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
    url = settings.KENNISPLEIN_SEARCH.get("ELASTICSEARCH_URL", "")
    try:
        with urlopen(url.rstrip("/") + "/_cluster/health", timeout=2) as response:  # noqa: S310 - configured URL
            status = response.status
    except (URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        return {"ok": False, "error": f"Elasticsearch unreachable ({type(reason).__name__})", "fallback": "database"}
    return {"ok": status == 200, "engine": "elasticsearch"}
