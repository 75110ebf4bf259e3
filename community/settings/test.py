import os

from .base import *  # noqa: F401,F403
from .base import VAR_DIR

DEBUG = False
SECRET_KEY = "test-only-not-secret-kennisplein"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "community.core.mail.CleanEmailBackend"  # the test runner sets locmem; tests/conftest.py puts this back
KENNISPLEIN_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# One media folder per test run that runs beside others (`make test`: KENNISPLEIN_TEST_RUN) and per
# pytest-xdist worker (gw0, gw1, …), so parallel tests never share files.
MEDIA_ROOT = VAR_DIR / "-".join(
    filter(None, ["test-media", os.environ.get("KENNISPLEIN_TEST_RUN"), os.environ.get("PYTEST_XDIST_WORKER")])
)
WAGTAILADMIN_BASE_URL = "http://testserver"

if os.environ.get("TEST_DATABASE_URL"):
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(os.environ["TEST_DATABASE_URL"])}
