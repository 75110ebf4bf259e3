import time

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from community.core.access import has_admin_access

ADMIN_PREFIX = "/cms/"


class AdminRequiresMFAMiddleware:
    """Anyone who may use the Wagtail admin must have an authenticator before /cms/ opens."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith(ADMIN_PREFIX)
            and has_admin_access(request.user)
            and not is_mfa_enabled(request.user)
        ):
            return require_mfa_setup(request)
        return self.get_response(request)


def require_mfa_setup(request):
    """Send staff without an authenticator to set one up (for /cms/ and the front-end moderation)."""
    messages.warning(
        request,
        _("Stel eerst tweestapsverificatie in met een authenticator-app; daarna opent het beheer."),
    )
    return redirect("mfa_activate_totp")


def language_of(request) -> str:
    """The language the visitor chose with the switch (a cookie), else Dutch."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class CookieLocaleMiddleware:
    """Dutch unless the visitor chose another language with the switch (a cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language; this site is Dutch first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response


class SessionRefreshMiddleware:
    """Keeps an active session alive with at most one write a minute (not one per request).

    The stored expiry is the idle timeout plus one refresh interval, so a session still ends
    between SESSION_IDLE_SECONDS and SESSION_IDLE_SECONDS + SESSION_REFRESH_SECONDS after the
    visitor's last request, and an active member writes the session row once a minute at most.
    Sessions of anonymous visitors stay empty, so they never get a cookie from here.
    """

    KEY = "_refreshed_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            now = int(time.time())
            if session.modified or now - session.get(self.KEY, 0) >= settings.SESSION_REFRESH_SECONDS:
                session[self.KEY] = now
        return response
