import datetime

import pytest
from django.utils import timezone

from community.demo.factories import DEFAULT_PASSWORD, MemberFactory
from lunchsessions.factories import (
    LunchSessionIndexPageFactory,
    LunchSessionPageFactory,
    LunchSessionSpeakerFactory,
    SpeakerFactory,
)
from lunchsessions.models import Registration

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RECAP = [
    ("summary", "<p>Op 29 november bespraken 120 professionals een nieuwe werkwijze bij contactverlies.</p>"),
    (
        "key_points",
        {
            "heading": "Belangrijkste punten",
            "points": ["Ouders blijven collega-ouders.", "Het belang van het kind staat centraal."],
        },
    ),
    ("chat_question", {"question": "Hoe begin je het gesprek?", "answer": "<p>Bij het gezamenlijke doel.</p>"}),
    (
        "quote",
        {"quote": "Je blijft toch na de scheiding collega-ouders.", "attribution": "Harmke Bergenhenegouwen, NJi"},
    ),
]


@pytest.fixture
def sessions(db):
    from community.models import HomePage

    index = LunchSessionIndexPageFactory(parent=HomePage.objects.get(), intro="<p>Online lunchsessies.</p>")
    upcoming = LunchSessionPageFactory(
        parent=index, title="Het kindgesprek in de praktijk", slug="kindgesprek", capacity=1
    )
    LunchSessionSpeakerFactory(page=upcoming, speaker=SpeakerFactory(name="Ingrid Bakker"))
    start = timezone.now() - datetime.timedelta(days=60)
    recap = LunchSessionPageFactory(
        parent=index,
        title="Een nieuwe werkwijze bij contactverlies",
        slug="contactverlies",
        start=start,
        end=start + datetime.timedelta(hours=1),
        recap=RECAP,
        attendees=120,
        transcript="Welkom allemaal.",
    )
    recap.tags.add("contactverlies")
    recap.save_revision().publish()
    return {"index": index, "upcoming": upcoming, "recap": recap}


def test_index_has_no_serious_axe_violations(page, live_server, axe, sessions):
    page.goto(live_server.url + "/lunchsessies/")
    assert page.locator("h1").inner_text() == "Lunchsessies"
    assert page.get_by_text("Het kindgesprek in de praktijk").is_visible()
    assert axe() == []
    page.set_viewport_size({"width": 360, "height": 740})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe() == []


def test_recap_has_no_serious_axe_violations(page, live_server, axe, sessions):
    page.goto(live_server.url + "/lunchsessies/contactverlies/")
    assert page.get_by_role("heading", name="Terugblik", exact=True).is_visible()
    assert page.get_by_text("Je blijft toch na de scheiding collega-ouders.").is_visible()
    assert axe() == []


def test_member_registers_with_one_click_then_next_one_is_waitlisted(page, live_server, axe, login, sessions):
    first, second = MemberFactory(), MemberFactory()
    login(first.email, DEFAULT_PASSWORD)
    page.goto(live_server.url + "/lunchsessies/kindgesprek/")
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()
    assert page.get_by_text("U bent aangemeld.").first.is_visible()
    assert axe() == []
    assert Registration.objects.get(user=first).status == Registration.Status.REGISTERED

    page.context.clear_cookies()
    login(second.email, DEFAULT_PASSWORD)
    page.goto(live_server.url + "/lunchsessies/kindgesprek/")
    page.get_by_role("button", name="Op de wachtlijst").click()
    page.wait_for_load_state()
    assert page.get_by_text("U staat op de wachtlijst (plaats 1).").is_visible()
    assert Registration.objects.get(user=second).status == Registration.Status.WAITLISTED
