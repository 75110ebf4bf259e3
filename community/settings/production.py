"""Production: everything that differs per deployment comes from the environment."""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .environment import csv_list, required

DEBUG = False
PRODUCTION = True

SECRET_KEY = required("SECRET_KEY")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Environment variable SECRET_KEY must be at least 50 characters long.")

ALLOWED_HOSTS = csv_list("ALLOWED_HOSTS") or required("ALLOWED_HOSTS").split(",")
CSRF_TRUSTED_ORIGINS = csv_list("CSRF_TRUSTED_ORIGINS")

try:
    DATABASES = {"default": dj_database_url.parse(required("DATABASE_URL"), conn_max_age=60, conn_health_checks=True)}
except ValueError as error:
    raise ImproperlyConfigured(f"Environment variable DATABASE_URL is not a valid database URL: {error}") from error

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "kennisplein",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}}

MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405

TASKS = {"default": {"BACKEND": "django_tasks.backends.database.DatabaseBackend"}}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", MEDIA_ROOT)  # noqa: F405
STATIC_ROOT = os.environ.get("STATIC_ROOT", STATIC_ROOT)  # noqa: F405

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
WAGTAILADMIN_BASE_URL = required("WAGTAILADMIN_BASE_URL") if not ALLOWED_HOSTS else os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}"
)

# Search: Elasticsearch when ELASTICSEARCH_URL is set; the database engine stays the fallback.
if os.environ.get("ELASTICSEARCH_URL"):
    KENNISPLEIN_SEARCH = {**KENNISPLEIN_SEARCH, "ENGINE": "elasticsearch", "ELASTICSEARCH_URL": os.environ["ELASTICSEARCH_URL"]}  # noqa: F405
