import io

import pytest
from django.core.management import call_command

from community.core import personal_data
from community.core.access import members_audience
from lunchsessions.factories import LunchSessionSpeakerFactory, RegistrationFactory, SpeakerFactory
from lunchsessions.models import CalendarToken, LunchSessionIndexPage, LunchSessionPage, Registration, Speaker
from search.documents import adapter_for_model

pytestmark = pytest.mark.django_db

RECAP = [
    ("summary", "<p>Over <b>contactverlies</b> na een complexe scheiding.</p>"),
    ("key_points", {"heading": "Kernpunten", "points": ["Ouders blijven collega-ouders."]}),
]


def test_search_document_has_recap_and_transcript(make_session, phase_factory):
    phase = phase_factory(name="Begeleide omgang", slug="begeleide-omgang")
    session = make_session(days=-3, recap=RECAP, transcript="Hoe zou je je kind zien als het 25 is?", phase=phase)
    session.tags.add("contactverlies")
    session.save()
    LunchSessionSpeakerFactory(page=session, speaker=SpeakerFactory(name="Harmke Bergenhenegouwen"))
    adapter = adapter_for_model(LunchSessionPage)
    assert adapter.type == "lunchsession"
    assert session.pk in {page.pk for page in adapter.queryset()}
    document = adapter.to_document(LunchSessionPage.objects.get(pk=session.pk))
    assert "contactverlies" in document.text and "collega-ouders" in document.text
    assert "25 is?" in document.text and "Harmke Bergenhenegouwen" in document.text
    assert document.audience == "public" and document.phase == "begeleide-omgang"
    assert document.tags == ["contactverlies"] and document.url == session.url


def test_search_document_carries_members_audience(make_session):
    session = make_session(members_only=True)
    document = adapter_for_model(LunchSessionPage).to_document(session)
    assert document.audience == members_audience()


def test_unpublished_session_is_not_a_document(make_session):
    session = make_session(live=False)
    assert adapter_for_model(LunchSessionPage).to_document(session) is None


def test_personal_data_export_and_erase_moves_waitlist_up(upcoming_session, role_users):
    lid = role_users["lid"]
    RegistrationFactory(session=upcoming_session, user=lid)
    RegistrationFactory(session=upcoming_session)
    waiting = RegistrationFactory(session=upcoming_session, status=Registration.Status.WAITLISTED)
    CalendarToken.issue(lid)
    exported = personal_data.export_all(lid)["lunchsessies"]
    assert exported["aanmeldingen"][0]["sessie"] == upcoming_session.title
    assert exported["persoonlijke_agenda_link"] is True
    personal_data.erase_all(lid)
    assert not Registration.objects.filter(user=lid).exists()
    assert not CalendarToken.objects.filter(user=lid).exists()
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.REGISTERED


def test_demo_content_loads_and_is_idempotent(db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-wachtwoord-voor-tests")
    call_command("load_demo", stdout=io.StringIO())
    counts = (LunchSessionPage.objects.count(), Registration.objects.count(), Speaker.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (LunchSessionPage.objects.count(), Registration.objects.count(), Speaker.objects.count()) == counts
    index = LunchSessionIndexPage.objects.get()
    assert index.url == "/lunchsessies/"
    archived = LunchSessionPage.objects.filter(start__year=2023).order_by("start")
    assert [(s.start.date().isoformat(), s.attendees) for s in archived] == [("2023-06-28", 90), ("2023-11-29", 120)]
    assert all(s.recap for s in archived)
    full = LunchSessionPage.objects.get(slug="intervisielunch-overdrachtsbegeleiding")
    assert full.places_left() == 0
    assert full.registrations.filter(status=Registration.Status.WAITLISTED).exists()
    assert LunchSessionPage.objects.get(slug="kindgesprek-in-de-praktijk").registrations.count() >= 2
