"""Production: everything that differs per deployment comes from the environment.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, EMAIL_URL.
Optional: REDIS_URL (shared cache and sessions; strongly advised with more than one process),
ELASTICSEARCH_URL, CSRF_TRUSTED_ORIGINS, MEDIA_STORAGE (local | s3) with MEDIA_ROOT or AWS_*,
STATIC_ROOT, WAGTAILADMIN_BASE_URL, DATABASE_CONN_MAX_AGE, LOG_LEVEL, TRUSTED_PROXY_COUNT (1).
See docs/deploy.md. A missing or bad value stops start-up with a message naming the variable.
"""

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from . import environment as env
from .base import *  # noqa: F401,F403
from .base import MEDIA_ROOT, MIDDLEWARE, STATIC_ROOT, VAR_DIR

DEBUG = False
PRODUCTION = True

# --- secrets and hosts -------------------------------------------------------------------------
SECRET_KEY = env.required("SECRET_KEY")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "Environment variable SECRET_KEY must be a random value of at least 50 characters "
        "(for example: python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )

ALLOWED_HOSTS = env.csv_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    env.required("ALLOWED_HOSTS")
if "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("Environment variable ALLOWED_HOSTS must name the site's host names, not '*'.")

# Only for running the production stack on this machine over plain HTTP (`make serve-prod`):
# switches off the HTTPS redirect, secure cookies and HSTS, and is refused for any real host name.
LOCAL_HTTP = env.boolean("KENNISPLEIN_LOCAL_HTTP", False)
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
if LOCAL_HTTP and not set(ALLOWED_HOSTS) <= LOCAL_HOSTS:
    raise ImproperlyConfigured(
        "Environment variable KENNISPLEIN_LOCAL_HTTP may only be set when ALLOWED_HOSTS lists "
        "nothing but 127.0.0.1, localhost or ::1."
    )

CSRF_TRUSTED_ORIGINS = env.origins("CSRF_TRUSTED_ORIGINS") or [
    f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS if not host.startswith(".")
]
WAGTAILADMIN_BASE_URL = env.optional("WAGTAILADMIN_BASE_URL") or (
    f"{'http' if LOCAL_HTTP else 'https'}://{ALLOWED_HOSTS[0].lstrip('.')}"
)
env.url("WAGTAILADMIN_BASE_URL", {"http", "https"}, value=WAGTAILADMIN_BASE_URL)

# --- database ----------------------------------------------------------------------------------
_database_url = env.required("DATABASE_URL")
try:
    _database = dj_database_url.parse(
        _database_url,
        conn_max_age=env.integer("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
except ValueError as error:
    raise ImproperlyConfigured(f"Environment variable DATABASE_URL is not a valid database URL: {error}") from None
if _database["ENGINE"] not in {"django.db.backends.postgresql", "django.db.backends.sqlite3"}:
    raise ImproperlyConfigured(
        "Environment variable DATABASE_URL must point at PostgreSQL (postgres://user:password@host:5432/name); "
        "sqlite:///path is only for trying things on one machine."
    )
if _database["ENGINE"] == "django.db.backends.postgresql":
    if not _database.get("NAME"):
        raise ImproperlyConfigured("Environment variable DATABASE_URL names no database (…/name at the end).")
    # Fail fast instead of hanging when the database is unreachable.
    _database.setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}}
DATABASES = {"default": _database}

# --- cache and sessions ------------------------------------------------------------------------
REDIS_URL = env.optional("REDIS_URL")
if REDIS_URL:
    env.url("REDIS_URL", {"redis", "rediss", "unix"})
    CACHES = {
        "default": {
            # Redis, but a Redis outage degrades to "no cache" (logged) instead of error pages.
            "BACKEND": "community.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kennisplein",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    # One machine only: a file cache shared by all processes of this host (purges reach them all).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "KEY_PREFIX": "kennisplein",
        }
    }
# Sessions live in the database and are read through the cache: a cache restart logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- search ------------------------------------------------------------------------------------
ELASTICSEARCH_URL = env.optional("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    env.url("ELASTICSEARCH_URL", {"http", "https"})
KENNISPLEIN_SEARCH = {
    **KENNISPLEIN_SEARCH,  # noqa: F405
    "ENGINE": "elasticsearch" if ELASTICSEARCH_URL else "database",
    "ELASTICSEARCH_URL": ELASTICSEARCH_URL,
}

# --- e-mail: queued as a background task, sent by the worker -----------------------------------
_email = env.email_settings("EMAIL_URL")
KENNISPLEIN_EMAIL_BACKEND = _email.pop("EMAIL_BACKEND")
globals().update(_email)
EMAIL_BACKEND = "community.core.mail.QueuedEmailBackend"
DEFAULT_FROM_EMAIL = env.optional("DEFAULT_FROM_EMAIL") or DEFAULT_FROM_EMAIL  # noqa: F405
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- background tasks: a database queue, run by `manage.py db_worker` --------------------------
TASKS = {"default": {"BACKEND": "django_tasks.backends.database.DatabaseBackend"}}

# --- static files and media --------------------------------------------------------------------
MIDDLEWARE = [*MIDDLEWARE[:2], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[2:]]
STATIC_ROOT = env.optional("STATIC_ROOT") or STATIC_ROOT
WHITENOISE_MAX_AGE = 60 * 60  # files without a hash in their name; hashed names are cached for a year

MEDIA_STORAGE = env.optional("MEDIA_STORAGE", "local").lower()
if MEDIA_STORAGE == "local":
    MEDIA_ROOT = env.optional("MEDIA_ROOT") or MEDIA_ROOT
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif MEDIA_STORAGE == "s3":
    _s3_options = {
        "bucket_name": env.required("AWS_STORAGE_BUCKET_NAME"),
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
    }
    if env.optional("AWS_S3_ENDPOINT_URL"):
        _s3_options["endpoint_url"] = env.url("AWS_S3_ENDPOINT_URL", {"http", "https"})
    if env.optional("AWS_S3_REGION_NAME"):
        _s3_options["region_name"] = env.optional("AWS_S3_REGION_NAME")
    if env.optional("AWS_ACCESS_KEY_ID") or env.optional("AWS_SECRET_ACCESS_KEY"):
        _s3_options["access_key"] = env.required("AWS_ACCESS_KEY_ID")
        _s3_options["secret_key"] = env.required("AWS_SECRET_ACCESS_KEY")
    _media_storage = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3_options}
else:
    raise ImproperlyConfigured(f"Environment variable MEDIA_STORAGE must be 'local' or 's3', not {MEDIA_STORAGE!r}.")
STORAGES = {
    "default": _media_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- reverse proxy -----------------------------------------------------------------------------
# How many proxies in front of gunicorn append the client's address to X-Forwarded-For (nginx on the
# same host: 1; a load balancer in front of that: 2). The client address of rate limits, allauth's
# log-in limits and the audit log comes from it (community.core.client_address). 0 = reached directly.
TRUSTED_PROXY_COUNT = env.integer("TRUSTED_PROXY_COUNT", 1)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# The shared proxy cache in front of gunicorn (nginx with the cache-purge module): emptied on every
# "public content changed" signal (community.core.public_content). Unset: no proxy cache to purge.
FRONTEND_CACHE_PURGE_URL = env.optional("FRONTEND_CACHE_PURGE_URL")
if FRONTEND_CACHE_PURGE_URL:
    env.url("FRONTEND_CACHE_PURGE_URL", {"http", "https"}, value=FRONTEND_CACHE_PURGE_URL)
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

# --- HTTPS and headers -------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = not LOCAL_HTTP
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = 0 if LOCAL_HTTP else 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = not LOCAL_HTTP
CSRF_COOKIE_SECURE = not LOCAL_HTTP
LANGUAGE_COOKIE_SECURE = not LOCAL_HTTP

# --- logging: to stdout, never request bodies ---------------------------------------------------
LOGGING = LOGGING  # noqa: F405 - from base, with the level from the environment
LOGGING["root"]["level"] = env.optional("LOG_LEVEL", "INFO").upper()
if LOGGING["root"]["level"] not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured("Environment variable LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL.")
