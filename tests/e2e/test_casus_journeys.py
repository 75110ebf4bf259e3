"""Journeys 2 and 3 of issue 12 in a real browser, following the mails the site sends.

J2: a member posts a casus with personal data, replaces it (one by one and all at once), the saved
draft holds only replaced text, a moderator is mailed and approves, the author's mail opens the casus.
J3: a second member replies, a third reports the reply, the moderator is mailed and hides it with a
reason, and the replier is told why (by mail and on the page), edits it and offers it again, and a
moderator shows it again (issue 18).
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from casuses.anonymity import get_deduce
from casuses.models import CasusDraft, CasusPage, Reaction, ensure_index
from community.demo.factories import DEFAULT_PASSWORD, MemberFactory, UserFactory
from community.models import HomePage

from .mfa import enter_code_if_asked, give_known_totp

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Overdracht escaleert bij de voordeur"
SITUATION = (
    "Moeder Fatima de Boer vertelt dat de overdracht steeds escaleert bij de voordeur van de Kerkstraat 12. "
    "Op een formulier stond BSN 111222333 en het nummer 06-12345678."
)
RAW = ("Fatima", "111222333", "06-12345678", "Kerkstraat 12")
LINK = re.compile(r"https?://\S+")


@pytest.fixture
def people(settings, live_server):
    get_deduce()  # load once, before the browser waits on the first check
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # mail links point at the server under test
    ensure_index(HomePage.objects.get())
    # Fixed names: Faker's Dutch first names include "Fatima", which the page would then rightly show.
    moderator = UserFactory(
        username="moderatie",
        email="moderator@example.org",
        first_name="Mirjam",
        groups=[settings.MEMBERS_GROUP, "Moderators"],
    )
    secret = give_known_totp(moderator)
    return {
        "author": MemberFactory(username="inbrenger", email="inbrenger@example.org", first_name="Ineke"),
        "replier": MemberFactory(username="reageerder", email="reageerder@example.org", first_name="Ruud"),
        "reporter": MemberFactory(username="melder", email="melder@example.org", first_name="Mila"),
        "moderator": moderator,
        "totp_secret": secret,
    }


@pytest.fixture
def login_as(page, login, people):
    def _login(user):
        page.context.clear_cookies()
        login(user.email, DEFAULT_PASSWORD)
        enter_code_if_asked(page, people["totp_secret"])

    return _login


def mail_link(to: str, containing: str) -> str:
    for message in reversed(mail.outbox):
        if to in message.to:
            links = [link for link in LINK.findall(message.body) if containing in link]
            if links:
                return links[0]
    raise AssertionError(f"no mail to {to} with a link containing {containing}: {[m.subject for m in mail.outbox]}")


def situation_field(page):
    return page.get_by_label("Situatie")


def test_journey_2_post_replace_reload_submit_approve(page, live_server, login_as, axe, people):
    login_as(people["author"])
    page.goto(live_server.url + "/casussen/")
    page.get_by_role("link", name="Nieuwe casus voorleggen").click()
    page.get_by_label("Titel").fill(TITLE)
    situation_field(page).fill(SITUATION)
    page.get_by_label("Vraag aan collega's").fill("Hoe zouden jullie de overdracht anders organiseren?")
    page.get_by_label("Leeftijd van het kind").select_option("4-8")
    page.get_by_role("button", name="Controleer op persoonsgegevens").click()
    page.wait_for_load_state()

    situation_findings = page.locator('[data-findings-for="situation"]')
    for raw in ("Fatima de Boer", "111222333", "06-12345678"):
        expect(situation_findings.locator("mark.finding--block", has_text=raw)).to_be_visible()
    # Beside the field, not far below the form.
    field_box, findings_box = situation_field(page).bounding_box(), situation_findings.bounding_box()
    assert 0 <= findings_box["y"] - (field_box["y"] + field_box["height"]) < 80

    # One by one (in place, saved by the check request) ...
    page.get_by_role("button", name="Vervang door [BSN]").click()
    expect(situation_findings.locator("mark", has_text="111222333")).to_have_count(0)
    expect(situation_field(page)).to_have_value(re.compile(r"BSN \[BSN\]"))
    # ... and everything else at once.
    page.get_by_role("button", name="Alles vervangen door rollen").click()
    expect(situation_findings.locator("mark.finding--block")).to_have_count(0)
    replaced = situation_field(page).input_value()
    assert not any(raw in replaced for raw in RAW) and "[MOEDER]" in replaced and "[TELEFOONNUMMER]" in replaced

    page.reload()
    expect(page.get_by_text("Uw tekst is als concept bewaard")).to_be_visible()
    expect(situation_field(page)).to_have_value(replaced)
    assert not any(raw in str(CasusDraft.objects.get().data) for raw in RAW)
    page.set_viewport_size({"width": 360, "height": 800})
    assert axe() == []

    page.get_by_role("button", name="Indienen ter controle").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Uw casus is ingediend")).to_be_visible()
    assert all("/cms/" not in message.body for message in mail.outbox)

    moderation_link = mail_link(people["moderator"].email, "/casussen/moderatie/")
    login_as(people["moderator"])
    page.goto(moderation_link)
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    page.get_by_role("button", name="Goedkeuren").click()
    page.wait_for_load_state()
    expect(page.get_by_text("De casus is goedgekeurd")).to_be_visible()

    casus = CasusPage.objects.get()
    casus_link = mail_link(people["author"].email, casus.url)
    login_as(people["author"])
    page.goto(casus_link)
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    assert not any(raw in page.content() for raw in RAW)
    assert axe() == []


def published_casus(author):
    index = ensure_index(HomePage.objects.get())
    casus = CasusPage(
        title=TITLE,
        slug="overdracht-escaleert",
        situation="[MOEDER] en [VADER] maken ruzie bij de overdracht.",
        question="Hoe pakken jullie dit op?",
        age_band="4-8",
        author=author,
        owner=author,
    )
    index.add_child(instance=casus)
    casus.save_revision(user=author).publish(skip_permission_checks=True)
    return casus


def test_journey_3_reply_report_hide_and_tell_the_replier(page, live_server, login_as, axe, people):
    published_casus(people["author"])

    login_as(people["replier"])
    page.goto(live_server.url + "/casussen/")
    page.get_by_role("link", name=TITLE).click()
    page.get_by_label("Uw reactie").fill("Wat een onzin, die ouders moeten gewoon normaal doen.")
    page.get_by_role("button", name="Reactie plaatsen").click()
    page.wait_for_load_state()
    reply = page.locator(".reaction", has_text="normaal doen")
    expect(reply).to_be_visible()

    login_as(people["reporter"])
    page.goto(live_server.url + "/casussen/")
    page.set_viewport_size({"width": 360, "height": 800})
    page.get_by_role("link", name=TITLE).click()
    reply = page.locator(".reaction", has_text="normaal doen")
    reply.get_by_text("Melden").click()
    reply.get_by_label("Waarom meldt u deze reactie?").fill("Denigrerend over de ouders.")
    reply.get_by_role("button", name="Melding versturen").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Een moderator bekijkt de reactie")).to_be_visible()
    assert axe() == []

    moderation_link = mail_link(people["moderator"].email, "/casussen/moderatie/")
    login_as(people["moderator"])
    page.goto(moderation_link)
    report = page.locator(".moderation-item", has_text="Denigrerend over de ouders")
    report.get_by_label("Reden van verbergen").fill("Niet respectvol naar de ouders; reageer inhoudelijk.")
    report.get_by_role("button", name="Reactie verbergen").click()
    page.wait_for_load_state()
    expect(page.get_by_text("De reactie is verborgen")).to_be_visible()
    expect(page.get_by_text("Er zijn geen open meldingen.")).to_be_visible()
    assert Reaction.objects.get().hidden

    told = [m for m in mail.outbox if m.to == [people["replier"].email]]
    assert told and "Niet respectvol naar de ouders" in told[-1].body
    casus_link = mail_link(people["replier"].email, "/casussen/")
    login_as(people["replier"])
    page.goto(casus_link)
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    # Issue 18: only its writer still sees the hidden reaction, with the moderator's reason.
    hidden = page.locator(".reaction", has_text="normaal doen")
    expect(hidden.get_by_text("Niet respectvol naar de ouders")).to_be_visible()
    expect(hidden.get_by_role("link", name="Aanpassen en opnieuw aanbieden")).to_be_visible()

    # ... edits it and offers it again; a moderator shows it again; the replier is told, by mail.
    hidden.get_by_role("link", name="Aanpassen en opnieuw aanbieden").click()
    page.get_by_label("Uw reactie").fill("Ik zou de ouders apart vragen wat zij nodig hebben bij de overdracht.")
    page.get_by_role("button", name="Opnieuw aanbieden").click()
    expect(page.get_by_text("aangeboden aan de moderatoren")).to_be_visible()
    expect(page.get_by_text("een moderator beoordeelt hem")).to_be_visible()
    moderation_link = mail_link(people["moderator"].email, "/casussen/moderatie/")
    login_as(people["moderator"])
    page.goto(moderation_link)
    offered = page.locator(".moderation-item", has_text="wat zij nodig hebben")
    expect(offered).to_contain_text("Niet respectvol naar de ouders")
    assert axe() == []
    offered.get_by_role("button", name="Weer tonen").click()
    expect(page.get_by_text("De reactie is weer zichtbaar.")).to_be_visible()
    login_as(people["reporter"])
    page.goto(mail_link(people["replier"].email, "#reactie-"))
    expect(page.locator(".reaction", has_text="wat zij nodig hebben")).to_be_visible()
    expect(page.get_by_text("normaal doen")).to_have_count(0)
