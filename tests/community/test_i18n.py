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


def test_english_catalogue_is_complete():
    """Every Dutch UI string has an English translation (run `make messages` and translate new ones)."""
    import re
    from pathlib import Path

    po = (Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po").read_text()
    entries = po.split("\n\n")[1:]  # the first block is the header
    untranslated = [
        e
        for e in entries
        if re.search(r'^msgstr(\[\d\])? ""\n?$', e, re.M) and not re.search(r'^"', e.split("msgstr", 1)[1], re.M)
    ]
    fuzzy = [e for e in entries if "#, fuzzy" in e]
    assert untranslated == [] and fuzzy == []
