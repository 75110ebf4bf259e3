"""Settings shared by every environment. The embedded default needs no configuration."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("KENNISPLEIN_VAR_DIR", BASE_DIR / "var"))
# Deduce's lookup tables (~80 MB, minutes to build) outside the virtualenv, so a new checkout or a deploy
# into a fresh virtualenv loads them in seconds instead of building them again (casuses/anonymity.py).
DEDUCE_CACHE_DIR = Path(
    os.environ.get("DEDUCE_CACHE_DIR")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kennisplein-scheiding" / "deduce"
)

INSTALLED_APPS = [
    "community",
    "methodology",
    "casuses",
    "lunchsessions",
    "development",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks.backends.database",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "community.core.page_cache.CachedPageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "community.core.security.ContentSecurityPolicyMiddleware",
    "community.core.security.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "community.core.middleware.SessionRefreshMiddleware",
    "community.core.middleware.CookieLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "community.core.links.RequestBaseURLMiddleware",
    "community.core.uploads.UploadSizeLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "community.core.middleware.AdminRequiresMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "community.core.audit.AuditContextMiddleware",
    "community.core.page_cache.PageCacheMiddleware",
]

ROOT_URLCONF = "community.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "community.core.context_processors.membership",
            ],
        },
    },
]

WSGI_APPLICATION = "community.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "db.sqlite3",
        "OPTIONS": {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            # A 64 MB page cache and memory-mapped reads: the search index's lookups stay in memory.
            "init_command": "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456; "
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        },
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "kennisplein",
    }
}

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts (django-allauth): log in with e-mail, verified addresses only.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "community.accounts.forms.SignupNameForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SIGNUP_REDIRECT_URL = "membership_apply"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Kennisplein Scheiding] "
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_ADAPTER = "community.accounts.adapter.AccountAdapter"
# Reverse proxies in front of the site that append to X-Forwarded-For (community.core.client_address).
# 0 here: the development server is reached directly. Production reads it from the environment.
TRUSTED_PROXY_COUNT = 0
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Brute-force protection: failed log-ins are rate limited per IP and per account.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "10/h/ip,5/h/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Kennisplein Scheiding"

# Idle sessions end after 30 minutes without a request. The session row is written at most once a
# minute (community.core.middleware.SessionRefreshMiddleware), so it is stored for one interval longer.
SESSION_IDLE_SECONDS = 30 * 60
SESSION_REFRESH_SECONDS = 60
SESSION_COOKIE_AGE = SESSION_IDLE_SECONDS + SESSION_REFRESH_SECONDS
SESSION_SAVE_EVERY_REQUEST = False
# Read from the cache, written through to the database (as in production): no query per request.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = "community.core.mail.CleanEmailBackend"  # control characters stripped, then:
KENNISPLEIN_EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "Kennisplein Scheiding <noreply@kennisplein-scheiding.nl>"

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = "Kennisplein Scheiding"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "vtt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Every document is a download (Content-Disposition: attachment, with nosniff from SecurityMiddleware):
# a PDF or text shown inline would run in the site's origin.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Group names are data (created by a migration); code refers to them through these.
MEMBERS_GROUP = "Leden"
ASSOCIATION_GROUP = "Vereniging OKK Ouderschap Blijft"

PRODUCTION = False

# Search (issue 6): "database" (SQLite FTS5 / PostgreSQL full-text, the default) or "elasticsearch".
KENNISPLEIN_SEARCH = {
    "ENGINE": os.environ.get("SEARCH_ENGINE", "database"),
    "ELASTICSEARCH_URL": os.environ.get("ELASTICSEARCH_URL", ""),
    "INDEX": "kennisplein-documents",
    "TIMEOUT": 2.0,
}

# --- hardening (issue 8) -----------------------------------------------------------------------
# Strict Content-Security-Policy for the site: our templates have no inline script or style.
# The Wagtail admin (/cms/) gets the relaxed ADMIN_CONTENT_SECURITY_POLICY (community/core/security.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    # Wagtail's admin still uses inline styles and a few inline scripts (e.g. its JSON config blocks).
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "connect-src": ["'self'"],
}
# No avatars from gravatar.com: no third-party requests (privacy, and the CSP allows none).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Uploads: types, sizes and content checks (community/core/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "community.core.uploads.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The largest file any upload form takes; a multipart request may add 1 MiB of fields and framing.
# Larger requests get a Dutch 413 unread (community.core.uploads.UploadSizeLimitMiddleware).
MAX_UPLOAD_FILE_BYTES = max(WAGTAILDOCS_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_UPLOAD_SIZE)
MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_FILE_BYTES + 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "community.core.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Anonymous views of public pages are served from the cache (community/core/page_cache.py).
PAGE_CACHE_SECONDS = 300
PAGE_CACHE_BROWSER_SECONDS = 60
# Shared caches (nginx's proxy_cache, a CDN) keep public pages longer; a publish purges them.
PAGE_CACHE_SHARED_SECONDS = 300
# Members' pages shared by an audience (guides, the casus and lunch lists, home), holes filled in per
# member; what others did (a reaction, a registration) shows at once, anything else within this time.
MEMBER_PAGE_CACHE_SECONDS = 60

# Logging: to stdout, one line per event. Never request bodies, form data or casus text: loggers get
# messages written for them, and the RedactFilter drops the request object Django attaches.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "community.core.logging.RedactFilter"}},
    "formatters": {"line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        "django.security": {"level": "WARNING"},
    },
}
