"""Production settings come from the environment; missing or bad values stop start-up naming the variable."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from community.settings import environment

# (the shared session fixture in tests/conftest.py needs the test database)
pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
GOOD = {
    "SECRET_KEY": "k" * 20 + "abcdefghijklmnopqrstuvwxyz0123456789",
    "ALLOWED_HOSTS": "kennisplein.example",
    "DATABASE_URL": "postgres://kp:geheim@db.internal:5432/kennisplein",
    "EMAIL_URL": "smtp://mailer:ge%40heim@smtp.example:587?tls=true",
}
# One interpreter tries every environment in turn (a fresh import of the settings module each time).
PROBE = """
import importlib, json, os, sys, traceback
cases = json.loads(sys.stdin.read())
results = []
base_env = dict(os.environ)
for overrides in cases:
    os.environ.clear()
    os.environ.update(base_env)
    for key, value in overrides.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    sys.modules.pop("community.settings.production", None)
    try:
        s = importlib.import_module("community.settings.production")
    except Exception as error:
        results.append({"error": type(error).__name__ + ": " + str(error)})
        continue
    results.append({
        "db": s.DATABASES["default"]["ENGINE"], "cache": s.CACHES["default"]["BACKEND"],
        "search": s.KENNISPLEIN_SEARCH, "email_host": s.EMAIL_HOST, "email_port": s.EMAIL_PORT,
        "email_user": s.EMAIL_HOST_USER, "email_password": s.EMAIL_HOST_PASSWORD, "tls": s.EMAIL_USE_TLS,
        "media": s.STORAGES["default"]["BACKEND"], "static": s.STORAGES["staticfiles"]["BACKEND"],
        "csrf": s.CSRF_TRUSTED_ORIGINS, "session": s.SESSION_ENGINE, "tasks": s.TASKS["default"]["BACKEND"],
        "proxies": [s.TRUSTED_PROXY_COUNT, s.ALLAUTH_TRUSTED_PROXY_COUNT],
    })
print(json.dumps(results))
"""


def load_many(cases: list[dict]) -> list[dict]:
    env = {
        key: value for key, value in os.environ.items() if key not in GOOD and not key.startswith(("AWS_", "MEDIA_"))
    }
    env.update(GOOD)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        input=json.dumps(cases),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def load(**overrides) -> dict:
    return load_many([overrides])[0]


def test_good_environment_gives_postgres_smtp_and_queued_tasks():
    values = load(REDIS_URL="redis://127.0.0.1:6379/0", ELASTICSEARCH_URL="http://es.internal:9200")
    assert "error" not in values, values
    assert values["db"] == "django.db.backends.postgresql"
    assert values["cache"] == "community.core.cache.ResilientRedisCache"
    assert values["session"] == "django.contrib.sessions.backends.cached_db"
    assert {k: values["search"][k] for k in ("ENGINE", "ELASTICSEARCH_URL")} == {
        "ENGINE": "elasticsearch",
        "ELASTICSEARCH_URL": "http://es.internal:9200",
    }
    assert (values["email_host"], values["email_port"], values["tls"]) == ("smtp.example", 587, True)
    assert (values["email_user"], values["email_password"]) == ("mailer", "ge@heim")
    assert values["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["csrf"] == ["https://kennisplein.example"]
    assert values["tasks"] == "django_tasks.backends.database.DatabaseBackend"
    assert values["proxies"] == [1, 1]  # nginx on the same host, as docs/deploy.md describes


def test_trusted_proxy_count_sets_allauths_too():
    assert load(TRUSTED_PROXY_COUNT="2")["proxies"] == [2, 2]


def test_s3_media_storage():
    values = load(
        MEDIA_STORAGE="s3", AWS_STORAGE_BUCKET_NAME="kennisplein-media", AWS_S3_ENDPOINT_URL="https://s3.example"
    )
    assert values["media"] == "storages.backends.s3.S3Storage"


BAD = [
    ({"SECRET_KEY": None}, "SECRET_KEY"),
    ({"SECRET_KEY": "too-short"}, "SECRET_KEY"),
    ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS"),
    ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
    ({"DATABASE_URL": None}, "DATABASE_URL"),
    ({"DATABASE_URL": "mysql://x@y/z"}, "DATABASE_URL"),
    ({"DATABASE_URL": "nonsense"}, "DATABASE_URL"),
    ({"REDIS_URL": "http://127.0.0.1:6379"}, "REDIS_URL"),
    ({"ELASTICSEARCH_URL": "es.internal:9200"}, "ELASTICSEARCH_URL"),
    ({"EMAIL_URL": None}, "EMAIL_URL"),
    ({"EMAIL_URL": "smtp://host:587?tls=maybe"}, "EMAIL_URL"),
    ({"EMAIL_URL": "smtp://host:notaport"}, "EMAIL_URL"),
    ({"EMAIL_URL": "smtps://host:465?tls=true"}, "EMAIL_URL"),
    ({"CSRF_TRUSTED_ORIGINS": "kennisplein.example"}, "CSRF_TRUSTED_ORIGINS"),
    ({"MEDIA_STORAGE": "ftp"}, "MEDIA_STORAGE"),
    ({"MEDIA_STORAGE": "s3"}, "AWS_STORAGE_BUCKET_NAME"),
    ({"KENNISPLEIN_LOCAL_HTTP": "1"}, "KENNISPLEIN_LOCAL_HTTP"),
    ({"LOG_LEVEL": "chatty"}, "LOG_LEVEL"),
]


def test_missing_or_bad_value_stops_start_up_naming_the_variable():
    results = load_many([overrides for overrides, _variable in BAD])
    for (overrides, variable), result in zip(BAD, results, strict=True):
        assert result.get("error", "").startswith("ImproperlyConfigured"), (overrides, result)
        assert f"Environment variable {variable}" in result["error"], (overrides, result)
        assert "geheim" not in result["error"]  # no passwords in the message


def test_email_url_forms(monkeypatch):
    monkeypatch.setenv("EMAIL_URL", "smtps://user@mail.example")
    assert environment.email_settings()["EMAIL_PORT"] == 465
    assert environment.email_settings()["EMAIL_USE_SSL"] is True
    monkeypatch.setenv("EMAIL_URL", "smtp://127.0.0.1:2525?timeout=3")
    settings = environment.email_settings()
    assert (settings["EMAIL_PORT"], settings["EMAIL_TIMEOUT"], settings["EMAIL_USE_TLS"]) == (2525, 3.0, False)
    monkeypatch.setenv("EMAIL_URL", "console://")
    assert environment.email_settings()["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_deploy_check_is_clean():
    env = {**os.environ, **GOOD, "DJANGO_SETTINGS_MODULE": "community.settings.production"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests' conftest, never in deployment
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
