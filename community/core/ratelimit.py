"""Rate limits for actions that cost something or can be abused (posting, registering, searching).

    @rate_limit("casus_post", "10/h")
    def post_casus(request): ...

Counts per signed-in user, or per IP address for anonymous visitors, in the cache. Over the limit
the view answers 429 with a Dutch message (HTML, or JSON for API paths).
"""

import functools
import time

from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from community.core.client_address import client_ip

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse(rate: str) -> tuple[int, int]:
    count, period = rate.split("/")
    return int(count), PERIODS[period]


def client_key(request) -> str:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"ip:{client_ip(request) or 'unknown'}"


def hit(action: str, key: str, rate: str) -> bool:
    """Count one attempt; True while within the limit."""
    limit, seconds = parse(rate)
    window = int(time.time() // seconds)
    cache_key = f"ratelimit:{action}:{key}:{window}"
    cache.add(cache_key, 0, seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        cache.set(cache_key, 1, seconds)
        count = 1
    return count <= limit


def too_many_requests(request):
    message = _("U heeft dit te vaak achter elkaar gedaan. Wacht even en probeer het daarna opnieuw.")
    if request.path.startswith("/api/") or request.accepts("application/json") and not request.accepts("text/html"):
        return JsonResponse({"error": message}, status=429)
    return render(request, "429.html", {"message": message}, status=429)


def rate_limit(action: str, rate: str, methods=("POST",)):
    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods and not hit(action, client_key(request), rate):
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
