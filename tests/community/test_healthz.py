import pytest

from community.core import health

pytestmark = pytest.mark.django_db


def test_healthz_reports_each_part(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert {"database", "search", "cache"} <= set(body["checks"])
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_names_the_failing_part_with_503(client, monkeypatch):
    def broken_database():
        raise ConnectionError("database server gone")

    monkeypatch.setitem(health._checks, "database", broken_database)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["database"]
    assert body["checks"]["database"]["ok"] is False
    assert body["checks"]["cache"]["ok"] is True
