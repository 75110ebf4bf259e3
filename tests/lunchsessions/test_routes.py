"""The paths under /lunchsessies/ are routes of the index page; no session page can hide behind one."""

import pytest
from django.core.exceptions import ValidationError

from lunchsessions.models import LunchSessionIndexPage

pytestmark = pytest.mark.django_db


def test_route_names_come_from_the_routes_themselves():
    assert LunchSessionIndexPage.route_slugs() == {"feed", "agenda.ics", "mijn-agenda", "aanmelden", "afmelden"}


@pytest.mark.parametrize("slug", ["feed", "mijn-agenda", "aanmelden", "afmelden"])
def test_a_session_may_not_take_a_routes_name(make_session, slug):
    session = make_session(slug="gewone-sessie")
    session.slug = slug
    with pytest.raises(ValidationError) as refused:
        session.full_clean()
    assert "vaste functie van het lunchsessie-overzicht" in " ".join(refused.value.message_dict["slug"])


def test_other_slugs_are_fine(make_session):
    session = make_session(slug="gewone-sessie")
    session.full_clean()


def test_routes_follow_the_page_and_links_keep_their_dutch_paths(client, index_page, upcoming_session):
    assert index_page.route_url("agenda") == "/lunchsessies/agenda.ics"
    assert index_page.route_url("personal_feed", token="abc") == "/lunchsessies/mijn-agenda/abc.ics"
    assert upcoming_session.registration_url("register") == f"/lunchsessies/aanmelden/{upcoming_session.pk}/"
    html = client.get("/lunchsessies/").content.decode()
    assert 'href="/lunchsessies/agenda.ics"' in html and 'href="/lunchsessies/feed/"' in html
    index_page.slug = "lunch"
    index_page.save_revision().publish()
    assert client.get("/lunch/feed/").status_code == 200
    assert client.get("/lunch/agenda.ics").status_code == 200
    assert client.get("/lunchsessies/feed/").status_code == 404
