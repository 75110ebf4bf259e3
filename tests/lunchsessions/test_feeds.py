import datetime
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from community.core.calendar import CalendarEvent, build_calendar
from lunchsessions.factories import RegistrationFactory
from lunchsessions.models import CalendarToken, Registration
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db

RECAP = [("summary", "<p>Negentig professionals bespraken interventies.</p>")]


def _events(content: bytes):
    return Calendar.from_ical(content).walk("VEVENT")


# --- the shared calendar builder ---


def test_builder_writes_amsterdam_times_with_vtimezone():
    start = datetime.datetime(2023, 6, 28, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    winter = datetime.datetime(2023, 11, 29, 11, 0, tzinfo=datetime.UTC)
    content = build_calendar(
        [
            CalendarEvent(
                uid="a@x", start=start, end=start + datetime.timedelta(hours=1), summary="Zomer", url="https://x/a"
            ),
            CalendarEvent(uid="b@x", start=winter, end=winter + datetime.timedelta(hours=1), summary="Winter"),
        ]
    )
    calendar = Calendar.from_ical(content)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert calendar.get_missing_tzids() == set()
    summer, winter_event = calendar.walk("VEVENT")
    assert b"DTSTART;TZID=Europe/Amsterdam:20230628T120000" in content
    assert b"DTSTART;TZID=Europe/Amsterdam:20231129T120000" in content  # 11:00 UTC = 12:00 CET
    assert summer.decoded("DTSTART") == start
    for event in (summer, winter_event):
        assert event["UID"] and event["DTSTAMP"] and event["DTEND"]
    assert str(summer["URL"]) == "https://x/a"


# --- /lunchsessies/agenda.ics ---


def test_agenda_lists_upcoming_public_sessions_only(client_for, make_session):
    public = make_session(title="Openbare sessie", slug="openbaar")
    members = make_session(title="Ledensessie", slug="leden", members_only=True)
    past = make_session(title="Voorbij", slug="voorbij", days=-10)
    draft = make_session(title="Concept", slug="concept", live=False)
    for role in ROLES:
        response = client_for(role).get("/lunchsessies/agenda.ics")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/calendar")
        events = _events(response.content)
        assert [str(e["SUMMARY"]) for e in events] == ["Lunchsessie: Openbare sessie"], role
    event = events[0]
    assert str(event["UID"]) == f"lunchsession-{public.pk}@kennisplein-scheiding.nl"
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert event["DTEND"].params["TZID"] == "Europe/Amsterdam"
    assert event.decoded("DTEND") == public.end.replace(microsecond=0)
    assert str(event["URL"]) == "http://testserver" + public.url  # the host that served the feed
    assert members.title not in response.content.decode() and past.title not in response.content.decode()
    assert draft.title not in response.content.decode()


# --- personal feed ---


def test_personal_feed_shows_own_registrations_and_is_revocable(client_for, role_users, make_session):
    lid = role_users["lid"]
    mine = make_session(title="Mijn sessie", slug="mijn", members_only=True)
    waiting = make_session(title="Wachtlijstsessie", slug="wacht")
    other = make_session(title="Andere sessie", slug="andere")
    RegistrationFactory(session=mine, user=lid)
    RegistrationFactory(session=waiting, user=lid, status=Registration.Status.WAITLISTED)
    RegistrationFactory(session=other, user=role_users["vereniging"])

    client = client_for("lid")
    assert client.post("/lunchsessies/mijn-agenda/", {"action": "create"}).status_code == 302
    token = CalendarToken.objects.get(user=lid).token
    page = client.get("/lunchsessies/mijn-agenda/")
    assert token in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0") or "no-store" in page["Cache-Control"]

    from django.test import Client

    feed = Client().get(f"/lunchsessies/mijn-agenda/{token}.ics")  # calendar apps send no cookies
    assert feed.status_code == 200 and "no-store" in feed["Cache-Control"]
    events = {str(e["SUMMARY"]): str(e["STATUS"]) for e in _events(feed.content)}
    assert events == {"Lunchsessie: Mijn sessie": "CONFIRMED", "Lunchsessie: Wachtlijstsessie": "TENTATIVE"}

    client.post("/lunchsessies/mijn-agenda/", {"action": "renew"})
    assert Client().get(f"/lunchsessies/mijn-agenda/{token}.ics").status_code == 404
    new_token = CalendarToken.objects.get(user=lid).token
    assert Client().get(f"/lunchsessies/mijn-agenda/{new_token}.ics").status_code == 200
    client.post("/lunchsessies/mijn-agenda/", {"action": "revoke"})
    assert Client().get(f"/lunchsessies/mijn-agenda/{new_token}.ics").status_code == 404
    assert not CalendarToken.objects.exists()


def test_personal_feed_stops_when_membership_ends(client, role_users, members_group, index_page):
    token = CalendarToken.issue(role_users["lid"])
    assert client.get(f"/lunchsessies/mijn-agenda/{token.token}.ics").status_code == 200
    role_users["lid"].groups.remove(members_group)
    assert client.get(f"/lunchsessies/mijn-agenda/{token.token}.ics").status_code == 404


def test_unknown_token_is_404(client, db):
    assert client.get("/lunchsessies/mijn-agenda/onzin.ics").status_code == 404


# --- RSS of recaps ---


def _rss_titles(response) -> list[str]:
    root = ET.fromstring(response.content)
    return [item.findtext("title") for item in root.iter("item")]


def test_rss_has_public_recaps_only_for_every_role(client_for, make_session):
    make_session(title="Openbare terugblik", slug="openbare-terugblik", days=-20, recap=RECAP)
    make_session(title="Terugblik voor leden", slug="leden-terugblik", days=-10, recap=RECAP, members_only=True)
    make_session(title="Zonder terugblik", slug="zonder", days=-5)
    make_session(title="Komende sessie", slug="komend", recap=RECAP)
    for role in ROLES:
        response = client_for(role).get("/lunchsessies/feed/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        assert _rss_titles(response) == ["Openbare terugblik"], role
    root = ET.fromstring(response.content)
    item = next(root.iter("item"))
    assert "Negentig professionals" in item.findtext("description")
    assert item.findtext("link").endswith("/lunchsessies/openbare-terugblik/")


# --- control characters pasted into titles (coloured terminal text: ESC [ 31 m) ---

PASTED = "Kindgesprek \x1b[31mrood\x1b[0m\x07 en \x0c meer"


def test_rss_and_agenda_survive_control_characters(client, make_session):
    make_session(title=PASTED, slug="terugblik-geplakt", days=-20, recap=RECAP)
    make_session(title=PASTED, slug="komend-geplakt")
    feed = client.get("/lunchsessies/feed/")
    assert feed.status_code == 200
    assert _rss_titles(feed) == ["Kindgesprek [31mrood[0m en  meer"]
    agenda = client.get("/lunchsessies/agenda.ics")
    assert agenda.status_code == 200
    summaries = [str(event["SUMMARY"]) for event in _events(agenda.content)]
    assert len(summaries) == 1 and summaries[0].endswith("Kindgesprek [31mrood[0m en  meer")


def test_personal_calendar_page_offers_a_webcal_link_and_a_copy_button(client_for, index_page):
    client = client_for("lid")
    client.post("/lunchsessies/mijn-agenda/", {"action": "create"})
    html = client.get("/lunchsessies/mijn-agenda/").content.decode()
    token = CalendarToken.objects.get().token
    assert f'href="webcal://testserver/lunchsessies/mijn-agenda/{token}.ics"' in html
    assert 'data-copy-target="feed-url"' in html
