"""Anonymous views of public Wagtail pages, served from the cache; Cache-Control on every response.

A response is stored only when all of these hold:

* the request is a GET from a visitor without a session (no session cookie, not logged in, no
  pending messages), so nothing personal can be in it;
* Wagtail served a live page whose audience (community.core.access) is public — the serve hook in
  community/wagtail_hooks.py marks such requests with ``mark_cacheable``; restricted pages, their
  teasers, previews and every non-page view are never marked;
* the answer is a plain 200 that sets no session, messages or other cookie and says nothing
  against caching.

Two middleware share the work. ``CachedPageMiddleware`` is the first of the stack: it serves a stored
page that holds no form before any other middleware runs (a hit costs one cache round trip), with the
headers the whole stack gave it when it was stored, and it stores what ``PageCacheMiddleware`` (the
last of the stack, which knows the user, the session and the view's verdict) prepared. CSRF tokens in
stored pages are replaced by a placeholder; such pages are served by ``PageCacheMiddleware``, after
Django's CSRF middleware, which fills in the visitor's own token, so forms on cached pages keep
working and no visitor gets another's token. The "public content changed"
signal (community.core.public_content: publish, unpublish, move, deletion, restriction changes, edits of
models shown on public pages) purges all cached pages at once (a new generation; an entry of an
older generation is never served).
Entries are rendered again after PAGE_CACHE_SECONDS anyway (by one request; the others get the stored
copy meanwhile, for at most REFRESH_GRACE_SECONDS).

Cache-Control: cached/cacheable public pages ``public, max-age=PAGE_CACHE_BROWSER_SECONDS,
s-maxage=PAGE_CACHE_SHARED_SECONDS`` (``private,
max-age=…`` when the page holds a form with a CSRF token, which must not be shared by proxies); anything
for a signed-in user, and anything else without its own header, ``private, no-store``.
"""

import hashlib
import re
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_cache_control

from community.core import access, holes
from community.core.cache import now_and_on_commit
from community.core.content_version import VERSION_KEY
from community.core.middleware import language_of
from community.core.public_content import member_activity, public_content_changed

GENERATION_KEY = "pagecache:generation"
MARK = "_kennisplein_cacheable_page"
UNTIL = "_kennisplein_cacheable_until"
MEMBER_MARK = "_kennisplein_shared_by_audience"
NOT_FOR = "_kennisplein_not_shared_with"
MEMBERS_GENERATION_KEY = "pagecache:members-generation"
LOOKUP = "_kennisplein_page_cache_lookup"
PREPARED = "_kennisplein_page_cache_entry"
PLACEHOLDER = b"__KENNISPLEIN_CSRF_TOKEN__"
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{32,64}(")')
MAX_KEY_PATH = 300
# Part of every key: a deploy that changes what an entry holds starts with an empty page cache
# instead of reading entries of the code before it.
FORMAT = 3
# Past its lifetime a stored page is rendered again by one request; the others get the stored copy for
# up to this long meanwhile (never past a publish, a purge or the page's next change by the clock).
REFRESH_GRACE_SECONDS = 30
REFRESH_LOCK_SECONDS = 10
# Set per response by the server or Django itself, never replayed from a stored copy.
UNSTORED_HEADERS = {"set-cookie", "date", "server", "content-length", "x-page-cache"}


def mark_cacheable(request, page=None, seconds=None) -> None:
    """Let the middleware store this (anonymous) response; ``seconds`` shortens the page's lifetime
    for content that changes without a publish (places left, "nu live")."""
    if seconds is None and page is not None:
        seconds = getattr(page.specific_class, "page_cache_seconds", None)
    setattr(request, MARK, seconds or settings.PAGE_CACHE_SECONDS)
    _until_next_change(request, page)


def _until_next_change(request, page) -> None:
    """Pages that switch by the clock ("nu live", announcement -> recap) say when they next change: a
    stored copy is not served from that moment on."""
    next_change = getattr(page, "next_change", None) if page is not None else None
    setattr(request, UNTIL, next_change(timezone.now()) if next_change else None)


def changes_at(request, moment) -> None:
    """The page being served switches by the clock at ``moment``: no stored copy is served from then on."""
    if moment is not None:
        until = getattr(request, UNTIL, None)
        setattr(request, UNTIL, moment if until is None else min(until, moment))


def not_shared_with(request, user_ids) -> None:
    """This page reads differently for these members (e.g. what they wrote): they never get or fill
    the audience's shared copy."""
    setattr(request, NOT_FOR, frozenset(user_ids) - {None})


def mark_shared_by_audience(request, page) -> None:
    """Let the middleware keep this member's page for everyone of their audience (holes aside)."""
    setattr(request, MEMBER_MARK, True)
    _until_next_change(request, page)


def cache_public_view(seconds):
    """For Django views whose anonymous answer is the same for every visitor (public listings)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            mark_cacheable(request, seconds=seconds)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def purge(**kwargs) -> None:
    """Invalidate every cached page (for all processes sharing the cache), now and again once the
    change is committed (a page rendered from the old rows in between is not served either)."""
    now_and_on_commit(lambda: cache.set(GENERATION_KEY, time.time_ns(), None))


def _generation(name=GENERATION_KEY):
    generation = cache.get(name)
    if generation is None:
        generation = time.time_ns()
        cache.add(name, generation, None)
        generation = cache.get(name, generation)
    return generation


def _outdated(stored) -> bool:
    until = stored.get("until")
    return until is not None and timezone.now() >= until


def _without_state(request) -> bool:
    """A GET without a session or messages cookie: an anonymous visitor with nothing of their own."""
    if request.method != "GET" or request.path_info.startswith(settings.STATIC_URL):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or request.COOKIES.get("messages"):
        return False
    return len(request.get_full_path()) <= MAX_KEY_PATH


def _path_digest(request) -> str:
    return hashlib.sha256(f"{request.get_host()}|{request.get_full_path()}".encode()).hexdigest()[:40]


def _key(request) -> str:
    # The generation is stored in the entry, not in the key: a hit then costs one cache round trip
    # (get_many of the generation and the entry) instead of two.
    return f"pagecache:{FORMAT}:{language_of(request)}:{_path_digest(request)}"


def _lookup(key, *more_generations):
    """(the stored entry if it may still be served, the current generation)."""
    found = cache.get_many([GENERATION_KEY, *more_generations, key])
    generation = tuple(found.get(name) or _generation(name) for name in (GENERATION_KEY, *more_generations))
    stored = found.get(key)
    if stored is None or stored.get("generation") != generation or _outdated(stored):
        return None, generation
    if time.time() >= stored["fresh_until"] and cache.add(f"{key}:refresh", 1, REFRESH_LOCK_SECONDS):
        return None, generation  # this request renders it again; the others keep the stored copy meanwhile
    return stored, generation


def _store(key, entry) -> None:
    """Kept a while past its lifetime, for the requests that arrive while one renders it again."""
    entry["fresh_until"] = time.time() + entry["seconds"]
    cache.set(key, entry, entry["seconds"] + REFRESH_GRACE_SECONDS)
    cache.delete(f"{key}:refresh")


def _member_without_state(request) -> bool:
    """A member's GET that a page shared by their audience may answer: no messages waiting to be
    shown, and not staff (Wagtail's user bar and the admin links are theirs alone)."""
    if request.method != "GET" or len(request.get_full_path()) > MAX_KEY_PATH:
        return False
    if request.COOKIES.get("messages") or request.session.get("_messages"):
        return False
    return not access.has_admin_access(request.user)


def _member_key(request) -> str:
    audience = access.shared_page_audience(request.user)
    return f"pagecache:{FORMAT}:members:{audience}:{language_of(request)}:{_path_digest(request)}"


def _storable_for_members(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not getattr(request, MEMBER_MARK, False) or request.user.pk in getattr(request, NOT_FOR, ()):
        return False
    if request.session.modified:
        return False
    messages = getattr(request, "_messages", None)
    return messages is None or not (messages.used or getattr(messages, "added_new", False))


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not getattr(request, MARK, None):
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "added_new", False):
        return False
    return request.user.is_anonymous


def _public(response, shared: bool, seconds=None) -> None:
    """Browsers may keep the page briefly. Shared caches (proxies, CDNs) only when it holds no CSRF
    token: a token belongs to one visitor's cookie, so such pages are ``private`` for proxies.
    Pages with a shorter lifetime (``seconds``) get it for browsers and shared caches alike."""
    browser = min(settings.PAGE_CACHE_BROWSER_SECONDS, seconds or settings.PAGE_CACHE_BROWSER_SECONDS)
    shared_seconds = min(settings.PAGE_CACHE_SHARED_SECONDS, seconds or settings.PAGE_CACHE_SHARED_SECONDS)
    if shared:
        patch_cache_control(response, public=True, max_age=browser, s_maxage=shared_seconds)
    else:
        patch_cache_control(response, private=True, max_age=browser)


def _from_cache(stored, token=None) -> HttpResponse:
    content = stored["content"]
    if token is not None:
        content = content.replace(PLACEHOLDER, token.encode())
    response = HttpResponse(content, status=stored["status"], headers=stored["headers"])
    response["X-Page-Cache"] = "hit"
    return response


class CachedPageMiddleware:
    """First in the stack: anonymous hits without a form, and storing what PageCacheMiddleware prepared."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _key(request) if _without_state(request) else None
        if key is not None:
            stored, generation = _lookup(key)
            if stored is not None and not stored["has_form"]:
                return _from_cache(stored)
            setattr(request, LOOKUP, (key, stored, generation))
        response = self.get_response(request)
        entry = getattr(response, PREPARED, None)
        if key is not None and entry is not None:
            entry["headers"] = {
                name: value for name, value in response.headers.items() if name.lower() not in UNSTORED_HEADERS
            }
            _store(key, entry)
        return response


class PageCacheMiddleware:
    """Last in the stack: stored pages with a form (the visitor's CSRF token filled in), members' pages
    shared by their audience (their holes filled in), the decision whether a response may be stored,
    and Cache-Control on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            return self._for_signed_in(request)
        key, stored, generation = getattr(request, LOOKUP, (None, None, None))
        if stored is not None:
            return _from_cache(stored, token=get_token(request))

        response = self.get_response(request)

        if key is not None and _storable(request, response):
            seconds = getattr(request, MARK)
            entry = self._prepared(response, seconds)
            entry["until"] = getattr(request, UNTIL, None)
            entry["generation"] = generation
            setattr(response, PREPARED, entry)
            response["X-Page-Cache"] = "miss"
            _public(response, shared=not entry["has_form"], seconds=seconds)
        else:
            self._private_unless_said(request, response)
        return response

    def _for_signed_in(self, request):
        holes.activate(request)
        key = _member_key(request) if _member_without_state(request) else None
        stored, generation = _lookup(key, MEMBERS_GENERATION_KEY, VERSION_KEY) if key is not None else (None, None)
        if stored is not None and request.user.pk not in stored["not_for"]:
            response = _from_cache(stored, token=get_token(request))
        else:
            response = self.get_response(request)
            if key is not None and _storable_for_members(request, response):
                entry = self._prepared(response, settings.MEMBER_PAGE_CACHE_SECONDS)
                entry["not_for"] = getattr(request, NOT_FOR, frozenset())
                entry["headers"] = {"Content-Type": response["Content-Type"]}
                entry["until"] = getattr(request, UNTIL, None)
                entry["generation"] = generation
                _store(key, entry)
                response["X-Page-Cache"] = "miss"
        if not response.streaming:
            response.content = holes.fill(request, response.content)
        self._private_unless_said(request, response)
        return response

    @staticmethod
    def _prepared(response, seconds) -> dict:
        content, forms = CSRF_INPUT.subn(rb"\g<1>" + PLACEHOLDER + rb"\g<2>", response.content)
        return {"content": content, "has_form": forms > 0, "seconds": seconds, "status": response.status_code}

    @staticmethod
    def _private_unless_said(request, response) -> None:
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        cache_control = response.get("Cache-Control", "")
        if signed_in and "public" in cache_control:
            del response["Cache-Control"]
            cache_control = ""
        if signed_in or not cache_control:
            if "no-store" not in cache_control:
                patch_cache_control(response, private=True, no_store=True)


def members_content_changed(**kwargs) -> None:
    """Members' shared pages show activity (reactions, places left): a new members' generation,
    now and once the change is committed."""
    now_and_on_commit(lambda: cache.set(MEMBERS_GENERATION_KEY, time.time_ns(), None))


def connect():
    """Purge on anything that changes what public pages show or who may see them, and members'
    pages also on what members did."""
    public_content_changed.connect(purge, dispatch_uid="kennisplein-pagecache-purge")
    member_activity.connect(members_content_changed, dispatch_uid="kennisplein-pagecache-members")
