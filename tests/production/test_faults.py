"""Fault scenarios small enough for CI: what users see, and that nothing accepted is lost.

The full scenarios against the real production stack (gunicorn, PostgreSQL, Redis) are in
benchmarks/faults.py (`make faults`).
"""

import errno
import logging

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.db import OperationalError
from django.test import Client, override_settings
from django_tasks.backends.database.models import DBTaskResult

from benchmarks.fake_smtp import FakeSMTPServer, closed_port
from community.models import MembershipApplication

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "nieuw@example.org",
    "first_name": "Sanne",
    "last_name": "de Vries",
    "password1": "een-heel-lang-wachtwoord-77",
    "password2": "een-heel-lang-wachtwoord-77",
}


def redis_on_closed_port():
    return {
        "default": {
            "BACKEND": "community.core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }


def test_redis_down_site_still_serves_and_healthz_says_degraded(home_page, role_users, caplog, monkeypatch):
    # The warning is logged at most once per 10 s per process: an earlier test may have used that turn.
    monkeypatch.setattr("community.core.cache._last_warning", 0.0)
    with override_settings(CACHES=redis_on_closed_port(), SESSION_ENGINE="django.contrib.sessions.backends.cached_db"):
        client = Client()
        assert client.get("/").status_code == 200
        # Log-in works: sessions are kept in the database.
        response = client.post(
            "/accounts/login/", {"login": role_users["lid"].email, "password": "een-lang-testwachtwoord-42"}
        )
        assert response.status_code == 302
        assert client.get("/lidmaatschap/").status_code == 200
        status = client.get("/healthz")
        assert status.status_code == 200
        assert status.json()["status"] == "degraded" and "cache" in status.json()["failing"]
    assert any("Cache unavailable" in record.getMessage() for record in caplog.records)


def test_elasticsearch_on_a_closed_port_is_reported_by_healthz(home_page):
    with override_settings(
        KENNISPLEIN_SEARCH={"ENGINE": "elasticsearch", "ELASTICSEARCH_URL": f"http://127.0.0.1:{closed_port()}"}
    ):
        response = Client().get("/healthz")
    body = response.json()
    assert response.status_code == 200  # the site works: search falls back to the database
    assert body["status"] == "degraded"
    assert body["checks"]["elasticsearch"]["ok"] is False
    assert "unreachable" in body["checks"]["elasticsearch"]["error"]


SMTP_SETTINGS = {
    "EMAIL_BACKEND": "community.core.mail.QueuedEmailBackend",
    "KENNISPLEIN_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_TIMEOUT": 2,
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.database.DatabaseBackend"}},
}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker runs its own transactions
def test_smtp_refusing_signup_still_works_and_the_mail_is_kept_and_sent_later(settings, caplog):
    # All through pytest-django's ``settings`` (undone in reverse order): mixed with an @override_settings
    # decorator, its EMAIL_PORT change restored the decorator's settings after the test, leaking the queued
    # backend into every later test.
    for name, value in SMTP_SETTINGS.items():
        setattr(settings, name, value)
    settings.EMAIL_PORT = closed_port()
    response = Client().post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    assert get_user_model().objects.filter(email="nieuw@example.org").exists()
    assert DBTaskResult.objects.count() == 1  # the confirmation mail waits in the queue

    with caplog.at_level(logging.ERROR, logger="kennisplein.mail"):
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    result = DBTaskResult.objects.get()
    assert result.status == "FAILED"
    assert any("could not be sent: ConnectionRefusedError" in r.getMessage() for r in caplog.records)
    assert not any("wachtwoord" in r.getMessage() or "nieuw@example.org" in r.getMessage() for r in caplog.records)

    # The mail server is back: the kept message is delivered.
    with FakeSMTPServer() as server:
        settings.EMAIL_PORT = server.port
        call_command("retry_failed_mail", verbosity=0)
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert len(server.messages) == 1
    assert server.messages[0]["to"] == ["<nieuw@example.org>"]
    assert b"Subject:" in server.messages[0]["data"]


class FullDisk(FileSystemStorage):
    def _save(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # as in production: autocommit
def test_disk_full_for_media_shows_a_dutch_503_and_keeps_what_was_stored(client_for, role_users):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.documents.models import Document

    client = client_for("beheerder")
    pdf = b"%PDF-1.4\n%%EOF\n"
    client.post(
        "/cms/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("eerste.pdf", pdf)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert Document.objects.count() == 1
    field = Document._meta.get_field("file")
    original = field.storage
    field.storage = FullDisk()
    try:
        client.raise_request_exception = False
        response = client.post(
            "/cms/documents/multiple/add/",
            {"files[]": SimpleUploadedFile("tweede.pdf", pdf)},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
    finally:
        field.storage = original
    assert response.status_code == 503
    body = response.content.decode()
    assert "opslag" in body and "Traceback" not in body
    assert Document.objects.count() == 1  # the first upload is still there


def test_database_failure_shows_a_dutch_503(client_for, monkeypatch):
    from community.accounts import views

    def broken(request):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr(views, "membership_apply", broken)
    client = client_for("account")
    client.raise_request_exception = False
    with override_settings(ROOT_URLCONF="tests.production.broken_db_urls"):
        response = client.get("/lidmaatschap/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Even niet beschikbaar" in response.content.decode()
    assert MembershipApplication.objects.count() == 0
