"""Issue 13.4: what is addressed by id or token belongs to one member; another member cannot act on it.

Registrations are addressed by the session's id and always mean the signed-in member's own registration
(whatever else is posted); a personal calendar token shows one member's sessions, and resetting or
revoking it only ever touches one's own token."""

import pytest
from django.test import Client

from community.demo.factories import MemberFactory
from lunchsessions.models import CalendarToken, Registration

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def owner_and_other(role_users, index_page):  # the routes (mijn-agenda/, aanmelden/) are the index page's
    return role_users["lid"], MemberFactory(username="ander-lid")


def test_another_member_cannot_unregister_or_re_register_someone_elses_place(upcoming_session, owner_and_other):
    owner, other = owner_and_other
    assert signed_in(owner).post(f"/lunchsessies/aanmelden/{upcoming_session.pk}/").status_code == 302
    own = Registration.objects.get(user=owner)
    intruder = signed_in(other)
    for path in (f"/lunchsessies/afmelden/{upcoming_session.pk}/", f"/lunchsessies/aanmelden/{upcoming_session.pk}/"):
        # Posting the owner's ids changes nothing about the owner's registration.
        intruder.post(path, {"user": owner.pk, "registration": own.pk, "user_id": owner.pk})
    own.refresh_from_db()
    assert own.user == owner and own.status == Registration.Status.REGISTERED
    assert Registration.objects.filter(user=other).count() == 1  # the intruder's own, made by "aanmelden"
    intruder.post(f"/lunchsessies/afmelden/{upcoming_session.pk}/", {"user": owner.pk})
    assert Registration.objects.get(user=owner).status == Registration.Status.REGISTERED
    assert Registration.objects.get(user=other).status == Registration.Status.CANCELLED


def test_a_calendar_token_shows_only_its_own_members_sessions(make_session, owner_and_other):
    owner, other = owner_and_other
    mine, theirs = (
        make_session(title="Sessie van de eigenaar", slug="eigen"),
        make_session(title="Andere sessie", slug="andere"),
    )
    Registration.objects.create(session=mine, user=owner, status=Registration.Status.REGISTERED)
    Registration.objects.create(session=theirs, user=other, status=Registration.Status.REGISTERED)
    owner_token, other_token = CalendarToken.issue(owner).token, CalendarToken.issue(other).token
    owner_feed = Client().get(f"/lunchsessies/mijn-agenda/{owner_token}.ics").content.decode()
    other_feed = Client().get(f"/lunchsessies/mijn-agenda/{other_token}.ics").content.decode()
    assert "Sessie van de eigenaar" in owner_feed and "Andere sessie" not in owner_feed
    assert "Andere sessie" in other_feed and "Sessie van de eigenaar" not in other_feed
    # Signed in as the other member, the owner's token gives no more than it gives anyone.
    as_other = signed_in(other).get(f"/lunchsessies/mijn-agenda/{owner_token}.ics").content.decode()
    assert without_stamps(as_other) == without_stamps(owner_feed)


def without_stamps(feed: str) -> list[str]:
    """The feed's lines without DTSTAMP (the time it was made: two requests may be a second apart)."""
    return [line for line in feed.splitlines() if not line.startswith("DTSTAMP")]


@pytest.mark.parametrize("action", ["renew", "revoke", "create"])
def test_resetting_or_revoking_touches_only_ones_own_token(action, owner_and_other):
    owner, other = owner_and_other
    owner_token = CalendarToken.issue(owner).token
    other_token = CalendarToken.issue(other).token
    response = signed_in(other).post(
        "/lunchsessies/mijn-agenda/", {"action": action, "token": owner_token, "user": owner.pk}
    )
    assert response.status_code == 302
    assert CalendarToken.objects.get(user=owner).token == owner_token
    assert Client().get(f"/lunchsessies/mijn-agenda/{owner_token}.ics").status_code == 200
    changed = CalendarToken.objects.filter(user=other).first()
    assert (changed is None) if action == "revoke" else (changed.token != other_token)
    # The other member's page shows their own link, never the owner's token.
    assert owner_token not in signed_in(other).get("/lunchsessies/mijn-agenda/").content.decode()


def test_an_old_token_stops_working_after_its_owner_resets_it(owner_and_other):
    owner, _other = owner_and_other
    old = CalendarToken.issue(owner).token
    signed_in(owner).post("/lunchsessies/mijn-agenda/", {"action": "renew"})
    new = CalendarToken.objects.get(user=owner).token
    assert new != old
    assert Client().get(f"/lunchsessies/mijn-agenda/{old}.ics").status_code == 404
    assert Client().get(f"/lunchsessies/mijn-agenda/{new}.ics").status_code == 200
