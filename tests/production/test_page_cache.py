"""Anonymous views of public pages come from the cache; nothing personal or restricted ever does."""

import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client, RequestFactory
from wagtail.models import Page, PageViewRestriction

from community.core import page_cache

pytestmark = pytest.mark.django_db


def private(response) -> bool:
    words = {word.strip() for word in response["Cache-Control"].split(",")}
    return {"private", "no-store"} <= words and "public" not in words


@pytest.fixture
def public_page(home_page):
    page = home_page.add_child(instance=Page(title="Over de methodiek", slug="over-de-methodiek"))
    page.save_revision().publish()
    return page


@pytest.fixture
def members_page(home_page, members_group):
    page = home_page.add_child(
        instance=Page(title="Werkmateriaal voor leden", slug="werkmateriaal", search_description="Alleen voor leden.")
    )
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(members_group)
    return page


def test_anonymous_public_page_is_served_from_cache_with_public_cache_control(
    public_page, django_assert_max_num_queries
):
    first = Client().get(public_page.url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert first["Cache-Control"] == "public, max-age=60, s-maxage=300"
    with django_assert_max_num_queries(0):
        second = Client().get(public_page.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content.replace(b'value="', b'value="')  # same page
    assert "public" in second["Cache-Control"]


def test_cached_public_pages_hold_no_csrf_token_and_set_no_cookie(home_page):
    Client().get("/")
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.get("/")
    assert response["X-Page-Cache"] == "hit"
    body = response.content.decode()
    assert "csrfmiddlewaretoken" not in body and "__KENNISPLEIN_CSRF_TOKEN__" not in body
    assert response.cookies == {}
    assert response["Cache-Control"] == "public, max-age=60, s-maxage=300"
    # The language switch is a link now: it works without a token.
    switched = visitor.get("/taal/en/", {"next": "/"})
    assert switched.status_code == 302


def test_members_share_their_audiences_copy_never_the_visitors(home_page, client_for):
    member = client_for("lid")
    first, second = member.get("/"), member.get("/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert private(first) and private(second)
    assert "Uitloggen" in second.content.decode()
    anonymous = Client().get("/")
    assert anonymous["X-Page-Cache"] == "miss"
    assert "Uitloggen" not in anonymous.content.decode()
    again = Client().get("/")
    assert again["X-Page-Cache"] == "hit"
    assert "Uitloggen" not in again.content.decode()


def test_restricted_page_never_reaches_anonymous_visitors_from_the_cache(members_page, client_for):
    member_view = client_for("lid").get(members_page.url)
    assert member_view.status_code == 200
    assert "no-store" in member_view["Cache-Control"]
    for _ in range(2):
        anonymous = Client().get(members_page.url)
        assert anonymous.status_code == 403
        assert "X-Page-Cache" not in anonymous
        assert "no-store" in anonymous["Cache-Control"]


def test_adding_a_restriction_purges_the_cached_public_copy(public_page, members_group):
    Client().get(public_page.url)
    assert Client().get(public_page.url)["X-Page-Cache"] == "hit"
    restriction = PageViewRestriction.objects.create(page=public_page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(members_group)
    response = Client().get(public_page.url)
    assert response.status_code == 403
    assert "X-Page-Cache" not in response


def test_publishing_purges_the_cache(public_page):
    Client().get(public_page.url)
    public_page.title = "Over de methodiek (herzien)"
    public_page.save_revision().publish()
    response = Client().get(public_page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "herzien" in response.content.decode()


def test_unpublishing_purges_the_cache(public_page):
    Client().get(public_page.url)
    public_page.unpublish()
    assert Client().get(public_page.url).status_code == 404


def test_session_visitors_and_query_floods_bypass_the_cache(public_page, client):
    client.get(public_page.url)
    client.cookies["sessionid"] = "something"
    assert "X-Page-Cache" not in client.get(public_page.url)
    assert "X-Page-Cache" not in Client().get(public_page.url + "?" + "x" * 400)


def test_non_page_views_are_private(client_for):
    assert private(Client().get("/accounts/login/"))
    assert private(Client().get("/healthz"))
    assert private(Client().get("/pagina-die-niet-bestaat/"))
    assert private(client_for("lid").get("/lidmaatschap/"))
    assert private(client_for("lid").get("/"))


STACK_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Vary",
    "Cache-Control",
)


def test_a_hit_is_served_before_the_rest_of_the_stack_with_the_headers_it_was_stored_with(public_page):
    first = Client().get(public_page.url)
    second = Client().get(public_page.url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    for name in STACK_HEADERS:
        assert second[name] == first[name], name
    # Neither the session nor the authentication middleware ran for the hit.
    assert not hasattr(second.wsgi_request, "session")
    assert not hasattr(second.wsgi_request, "user")
    assert second.cookies == {}


def test_the_english_copy_is_stored_apart(public_page):
    Client().get(public_page.url)
    english = Client()
    english.cookies["django_language"] = "en"
    response = english.get(public_page.url)
    assert response["X-Page-Cache"] == "miss"
    assert response["Content-Language"] == "en"
    assert english.get(public_page.url)["Content-Language"] == "en"


@pytest.mark.urls("tests.production.form_page_urls")
def test_a_stored_page_with_a_form_gets_each_visitors_own_token(home_page):
    tokens = []
    for expected in ("miss", "hit", "hit"):
        visitor = Client(enforce_csrf_checks=True)
        response = visitor.get("/formulier/")
        assert response["X-Page-Cache"] == expected
        assert "public" not in response["Cache-Control"]  # a token is never for a shared cache
        token = response.content.decode().split('value="')[1].split('"')[0]
        assert "KENNISPLEIN" not in token
        tokens.append(token)
        assert visitor.post("/formulier/", {"csrfmiddlewaretoken": token}).status_code == 200
    assert len(set(tokens)) == 3


def test_a_page_past_its_lifetime_is_rendered_again_by_one_request_while_others_get_the_stored_copy(
    public_page, monkeypatch
):
    assert Client().get(public_page.url)["X-Page-Cache"] == "miss"
    later = time.time() + settings.PAGE_CACHE_SECONDS + 1
    monkeypatch.setattr(page_cache.time, "time", lambda: later)
    refreshing = Client().get(public_page.url)
    assert refreshing["X-Page-Cache"] == "miss"  # this one renders it again ...
    assert Client().get(public_page.url)["X-Page-Cache"] == "hit"  # ... and its copy is fresh again

    even_later = later + settings.PAGE_CACHE_SECONDS + 1
    monkeypatch.setattr(page_cache.time, "time", lambda: even_later)
    cache.add(page_cache._key(RequestFactory().get(public_page.url)) + ":refresh", 1, 10)  # someone is rendering
    assert Client().get(public_page.url)["X-Page-Cache"] == "hit"


def test_a_publish_is_never_hidden_by_a_stored_copy_in_its_grace_time(public_page):
    Client().get(public_page.url)
    public_page.title = "Over de methodiek, herzien"
    public_page.save_revision().publish()
    response = Client().get(public_page.url)
    assert response["X-Page-Cache"] == "miss" and "herzien" in response.content.decode()
