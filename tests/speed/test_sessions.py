"""The session is written at most once a minute; an idle session still ends after 30 minutes."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.core import middleware
from community.demo.factories import MemberFactory

pytestmark = pytest.mark.django_db


def _session_writes(client, path="/zoeken/"):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return [
        q["sql"]
        for q in captured.captured_queries
        if "django_session" in q["sql"] and not q["sql"].startswith("SELECT")
    ]


@pytest.fixture
def member_client(client):
    client.force_login(MemberFactory(), backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_requests_within_a_minute_do_not_write_the_session(member_client, monkeypatch):
    now = 1_900_000_000
    monkeypatch.setattr(middleware.time, "time", lambda: now)
    assert _session_writes(member_client)  # the first request after log-in records the refresh
    assert _session_writes(member_client) == []
    now += settings.SESSION_REFRESH_SECONDS - 1
    assert _session_writes(member_client) == []


def test_an_active_session_is_extended_once_the_minute_is_over(member_client, monkeypatch):
    now = 1_900_000_000
    monkeypatch.setattr(middleware.time, "time", lambda: now)
    _session_writes(member_client)
    before = Session.objects.get().expire_date
    now += settings.SESSION_REFRESH_SECONDS
    assert _session_writes(member_client)
    assert Session.objects.get().expire_date > before


def test_idle_timeout_is_thirty_minutes_after_the_last_request():
    # Written at most a minute before the last request, stored for 30 + 1 minutes: the session ends
    # between 30 and 31 minutes after the last request, never before 30.
    assert settings.SESSION_IDLE_SECONDS == 30 * 60
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_SECONDS + settings.SESSION_REFRESH_SECONDS
    assert not settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_an_expired_session_signs_the_member_out(member_client):
    member_client.get("/zoeken/")
    Session.objects.update(expire_date="2000-01-01T00:00:00Z")
    from django.core.cache import cache

    cache.clear()  # cached_db: the cache entry expires with the session too
    response = member_client.get("/lidmaatschap/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_anonymous_visitors_get_no_session(client):
    response = client.get("/zoeken/")
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert Session.objects.count() == 0
