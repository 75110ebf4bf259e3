"""Public pages a shared cache may keep; everything personal stays private (issue 16 point 1)."""

import pytest
from django.conf import settings

from methodology.factories import GuidePageFactory, MethodologyIndexPageFactory, restrict
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db
SIGNED_IN = [role for role in ROLES if role != "anonymous"]


@pytest.fixture
def guides(home_page):
    index = MethodologyIndexPageFactory(parent=home_page)
    public = GuidePageFactory(parent=index, title="Openbare handleiding", slug="openbaar")
    members = GuidePageFactory(parent=index, title="Handleiding voor leden", slug="leden")
    restrict(members, settings.MEMBERS_GROUP)
    return public, members


def _shared_cacheable(response):
    cache_control = response["Cache-Control"]
    return "public" in cache_control and "s-maxage=" in cache_control and "private" not in cache_control


@pytest.mark.parametrize("path", ["/", "/methodiek/", "/methodiek/openbaar/"])
def test_anonymous_public_pages_are_shared_cacheable_and_set_no_cookie(client, guides, path):
    for attempt in ("miss", "hit"):
        response = client.get(path)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == attempt
        assert response.cookies == {}, attempt
        assert _shared_cacheable(response)
        assert f"max-age={settings.PAGE_CACHE_BROWSER_SECONDS}" in response["Cache-Control"]
        assert f"s-maxage={settings.PAGE_CACHE_SHARED_SECONDS}" in response["Cache-Control"]
        body = response.content.decode()
        assert "csrfmiddlewaretoken" not in body
        assert "Uitloggen" not in body


def test_anonymous_restricted_page_is_private(client, guides):
    response = client.get(guides[1].url)
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response.cookies == {}


@pytest.mark.parametrize("role", SIGNED_IN)
def test_signed_in_views_stay_private(client_for, guides, role):
    client = client_for(role)
    for path in ("/", "/methodiek/openbaar/", guides[1].url):
        response = client.get(path)
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"], (role, path)
        assert "public" not in response["Cache-Control"]
        assert "Cookie" in response["Vary"]


@pytest.mark.parametrize("role", SIGNED_IN)
def test_log_out_is_a_post_form_for_signed_in_users(client_for, guides, role):
    body = client_for(role).get("/methodiek/openbaar/").content.decode()
    assert 'action="/accounts/logout/"' in body and 'method="post"' in body and "csrfmiddlewaretoken" in body


def test_language_switch_is_a_link_that_sets_the_language(client, guides):
    body = client.get("/methodiek/openbaar/").content.decode()
    assert 'href="/taal/en/?next=/methodiek/openbaar/"' in body
    response = client.get("/taal/en/", {"next": "/methodiek/openbaar/"})
    assert response.status_code == 302 and response["Location"] == "/methodiek/openbaar/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "no-store" in response["Cache-Control"]
    english = client.get("/methodiek/openbaar/")
    assert '<html lang="en">' in english.content.decode()
    assert 'href="/taal/nl/?next=/methodiek/openbaar/"' in english.content.decode()


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", ""])
def test_language_switch_only_returns_to_this_site(client, next_url):
    response = client.get("/taal/en/", {"next": next_url})
    assert response["Location"] == "/"


def test_unknown_language_is_not_found(client):
    assert client.get("/taal/fr/").status_code == 404
