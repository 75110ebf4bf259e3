"""What the search app adds to the site's extension points (community/core/hooks.py)."""

from wagtail import hooks

from community.core.hooks import HEALTH_CHECKS, HealthCheck

from .health import check_search


@hooks.register(HEALTH_CHECKS)
def search_health():
    return HealthCheck("search", check_search, critical=False)  # search falls back, the site stays up
