"""Pages that change without a publish are cached too, briefly (issue 16 point 2)."""

import datetime

import pytest
from django.utils import timezone

from community.models import Organisation
from lunchsessions.factories import LunchSessionIndexPageFactory, LunchSessionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(home_page):
    index = LunchSessionIndexPageFactory(parent=home_page)
    return LunchSessionPageFactory(parent=index, start=timezone.now() + datetime.timedelta(days=3), capacity=20)


def _twice(client, path, django_assert_max_num_queries):
    first = client.get(path)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(0):
        second = client.get(path)
    assert second["X-Page-Cache"] == "hit" and second.cookies == {}
    return second


def test_lunch_pages_are_cached_for_thirty_seconds(client, session, django_assert_max_num_queries):
    for path in ("/lunchsessies/", session.url):
        response = _twice(client, path, django_assert_max_num_queries)
        assert response["Cache-Control"] == "public, max-age=30, s-maxage=30"


def test_lunch_agenda_is_cached_and_keeps_its_file_name(client, session, django_assert_max_num_queries):
    response = _twice(client, "/lunchsessies/agenda.ics", django_assert_max_num_queries)
    assert response["Content-Type"].startswith("text/calendar")
    assert "lunchsessies.ics" in response["Content-Disposition"]
    assert "s-maxage=" in response["Cache-Control"]


def test_network_pages_are_cached_and_an_edit_purges_them(client, django_assert_max_num_queries):
    Organisation.objects.create(name="Juzt", slug="juzt", place="Breda")
    response = _twice(client, "/organisaties/", django_assert_max_num_queries)
    assert response["Cache-Control"] == "public, max-age=60, s-maxage=120"
    Organisation.objects.create(name="Horizon", slug="horizon", place="Rotterdam")
    fresh = client.get("/organisaties/")
    assert fresh["X-Page-Cache"] == "miss" and "Horizon" in fresh.content.decode()


def test_signed_in_views_of_those_pages_are_private(client_for, session):
    member = client_for("lid")
    for path in ("/lunchsessies/", session.url, "/organisaties/"):
        response = member.get(path)
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
