"""The one place that decides the address in front of every link the site mails out.

A mail sent while handling a request links to the host that served that request (so a mail
triggered on staging never points at production, nor at 127.0.0.1). A mail sent without one
(the worker, cron, a management command) uses ``WAGTAILADMIN_BASE_URL``. ``RequestBaseURLMiddleware``
remembers the request's address for the duration of the request.
"""

from contextvars import ContextVar
from urllib.parse import urlsplit

from django.conf import settings

_request_base_url: ContextVar[str | None] = ContextVar("request_base_url", default=None)


def base_url(request=None) -> str:
    """Scheme and host, without a trailing slash: the request's, else the configured one."""
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return _request_base_url.get() or settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(url: str, request=None) -> str:
    """A path (or a full URL, from which only the path is kept) on the site's base URL."""
    parts = urlsplit(url or "/")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    if parts.fragment:
        path += "#" + parts.fragment
    return base_url(request) + path


class RequestBaseURLMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_base_url.set(base_url(request))
        try:
            return self.get_response(request)
        finally:
            _request_base_url.reset(token)
