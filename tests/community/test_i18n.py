import pytest

pytestmark = pytest.mark.django_db


def test_site_is_dutch_whatever_the_browser_prefers(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    body = response.content.decode()
    assert '<html lang="nl">' in body
    assert "Naar de inhoud" in body


def test_the_language_switch_selects_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    body = client.get("/").content.decode()
    assert '<html lang="en">' in body
    assert "Skip to content" in body
    assert "Nederlands" in body  # the way back
