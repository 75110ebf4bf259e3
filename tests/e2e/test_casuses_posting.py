"""The posting flow in a real browser: personal data is highlighted and replaced, a moderator approves,
another member reacts."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from casuses.anonymity import get_deduce
from casuses.models import CasusPage, Reaction, ensure_index
from community.demo.factories import DEFAULT_PASSWORD, MemberFactory, UserFactory
from community.models import HomePage

from .mfa import enter_code_if_asked, give_known_totp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SITUATION = (
    "Moeder Fatima de Boer vertelt dat de overdracht steeds escaleert bij de voordeur. "
    "Op een formulier dat vader meestuurde stond BSN 111222333."
)


@pytest.fixture
def people():
    get_deduce()  # load once, before the browser waits on the first check
    ensure_index(HomePage.objects.get())
    people = {
        "author": MemberFactory(username="inbrenger", first_name="Noor", last_name="Smit"),
        "colleague": MemberFactory(username="collega", first_name="Bram", last_name="Kok"),
        "moderator": UserFactory(username="moderatie", groups=[settings.MEMBERS_GROUP, "Moderators"]),
    }
    people["totp_secret"] = give_known_totp(people["moderator"])
    return people


def test_post_check_replace_submit_approve_and_react(page, live_server, login, axe, people):
    login(people["author"].email, DEFAULT_PASSWORD)
    page.goto(live_server.url + "/casussen/nieuw/")
    page.get_by_label("Titel").fill("Overdracht escaleert bij de voordeur")
    page.get_by_label("Situatie").fill(SITUATION)
    page.get_by_label("Vraag aan collega's").fill("Hoe zouden jullie de overdracht anders organiseren?")
    page.get_by_label("Leeftijd van het kind").select_option("4-8")
    page.get_by_role("button", name="Controleer op persoonsgegevens").click()
    page.wait_for_load_state()

    findings = page.locator(".findings")
    expect(findings.locator("mark.finding--block", has_text="Fatima de Boer")).to_be_visible()
    expect(findings.locator("mark.finding--block", has_text="111222333")).to_be_visible()
    assert axe() == []

    # Submitting now is refused, nothing is lost.
    page.get_by_role("button", name="Indienen ter controle").click()
    page.wait_for_load_state()
    expect(page.get_by_role("alert")).to_contain_text("persoonsgegeven")
    expect(page.get_by_label("Situatie")).to_have_value(SITUATION)

    page.get_by_role("button", name="Vervang door [MOEDER]").click()
    page.get_by_role("button", name="Vervang door [BSN]").click()
    expect(page.get_by_label("Situatie")).to_have_value(re.compile(r"\[MOEDER\].*\[BSN\]"))
    expect(page.locator(".findings mark.finding--block")).to_have_count(0)

    page.get_by_role("button", name="Indienen ter controle").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Uw casus is ingediend")).to_be_visible()
    casus = CasusPage.objects.get()
    assert not casus.live and "Fatima" not in casus.situation and "111222333" not in casus.situation

    page.context.clear_cookies()
    login(people["moderator"].email, DEFAULT_PASSWORD)
    enter_code_if_asked(page, people["totp_secret"])
    page.goto(live_server.url + "/casussen/moderatie/")
    expect(page.get_by_role("heading", name="Overdracht escaleert bij de voordeur")).to_be_visible()
    page.get_by_role("button", name="Goedkeuren").click()
    page.wait_for_load_state()
    casus.refresh_from_db()
    assert casus.live

    page.context.clear_cookies()
    login(people["colleague"].email, DEFAULT_PASSWORD)
    page.goto(live_server.url + "/casussen/")
    page.get_by_role("link", name="Overdracht escaleert bij de voordeur").click()
    page.wait_for_load_state()
    page.get_by_label("Uw reactie").fill("Wij laten de overdracht tijdelijk via de opvang lopen.")
    page.get_by_label("Vanuit welk perspectief reageert u?").select_option("jeugdhulp")
    page.get_by_role("button", name="Reactie plaatsen").click()
    page.wait_for_load_state()
    expect(page.locator(".reaction", has_text="via de opvang lopen")).to_be_visible()
    assert Reaction.objects.get().author == people["colleague"]
    assert axe() == []


def test_non_members_get_no_casus_in_the_browser(page, live_server, people):
    page.goto(live_server.url + "/casussen/nieuw/")
    assert "/accounts/login/" in page.url
