"""Site-wide views: the health check, the 500/503 error page and the language switch."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from community.core import health


@never_cache
def healthz(request):
    results = health.run_checks()
    failing = [name for name, result in results.items() if not result["ok"]]
    critical = [name for name in failing if health.is_critical(name)]
    status = "error" if critical else "degraded" if failing else "ok"
    body = {"status": status, "failing": failing, "checks": results}
    return JsonResponse(body, status=503 if critical else 200)


# Failures of a part we depend on are temporary: say so with 503 and a Dutch page, never a trace.
UNAVAILABLE_MESSAGES = {
    "database": "Door onderhoud of een storing kunnen we uw verzoek nu niet verwerken.",
    "storage": "De opslag voor bestanden is op dit moment vol of niet bereikbaar. Uw bestand is niet opgeslagen.",
}


def _unavailable_part(error) -> str | None:
    import errno

    from django.db import DatabaseError, InterfaceError, OperationalError

    if isinstance(error, (OperationalError, InterfaceError)) or (
        isinstance(error, DatabaseError) and "connection" in str(error).lower()
    ):
        return "database"
    if isinstance(error, OSError) and error.errno in {errno.ENOSPC, errno.EDQUOT, errno.EROFS}:
        return "storage"
    return None


def server_error(request, template_name="500.html"):
    """handler500: 503 with a Dutch explanation when a dependency is down, else the static 500 page.

    Renders without context processors or the database: both may be what failed.
    """
    import sys

    from django.http import HttpResponse, HttpResponseServerError
    from django.template import loader
    from django.utils.cache import add_never_cache_headers

    part = _unavailable_part(sys.exc_info()[1])
    if part:
        body = loader.get_template("503.html").render({"message": UNAVAILABLE_MESSAGES[part]})
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "30"
    else:
        response = HttpResponseServerError(loader.get_template(template_name).render())
    add_never_cache_headers(response)
    return response


@never_cache
def switch_language(request, language):
    """The header's language switch: a plain link, so public pages hold no form and no CSRF token.

    Choosing a language only sets the language cookie (no account state), so a GET is enough.
    """
    if language not in dict(settings.LANGUAGES):
        raise Http404
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
