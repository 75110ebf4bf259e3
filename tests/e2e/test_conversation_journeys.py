"""Issue 18 in a real browser, by clicks, following the mails the site sends.

J1: a member reacts, edits the reaction (a flagged phone number is replaced with one click), the page says
"bewerkt"; then withdraws it and the thread reads "Reactie ingetrokken door de auteur".
J2: colleagues mark a reaction "herkenbaar" and "bruikbaar" (and undo), the poster marks the one that
helped most, which moves to the top.
J3: a structured intervisie: questions, the poster opens the advice round, then the reflection round,
closes with a reminder; the reminder mail "Hoe is het afgelopen?" opens the casus to add the follow-up.
axe on each new state, at desktop width and at 360 px.
"""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from casuses.anonymity import get_deduce
from casuses.conversation import send_follow_up_reminders
from casuses.models import CasusPage, Reaction, ReactionVersion, ensure_index
from community.demo.factories import DEFAULT_PASSWORD, MemberFactory
from community.models import HomePage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Puber wil niet meer naar vader"
LINK = re.compile(r"https?://\S+")


@pytest.fixture
def people(settings, live_server):
    get_deduce()  # load once, before the browser waits on the first check
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # mail links point at the server under test
    ensure_index(HomePage.objects.get())
    return {
        "poster": MemberFactory(
            username="inbrenger", email="inbrenger@example.org", first_name="Noor", last_name="Smit"
        ),
        "colleague": MemberFactory(username="collega", email="collega@example.org", first_name="Bram", last_name="Kok"),
        "other": MemberFactory(username="ander", email="ander@example.org", first_name="Sara", last_name="Bos"),
    }


@pytest.fixture
def login_as(page, login):
    def _login(user):
        page.context.clear_cookies()
        login(user.email, DEFAULT_PASSWORD)

    return _login


def published_casus(author, **fields):
    index = ensure_index(HomePage.objects.get())
    casus = CasusPage(
        title=TITLE,
        slug="puber-wil-niet",
        situation="[KIND 1] (14) wil sinds de zomer niet meer naar [VADER]; [MOEDER] twijfelt.",
        question="Hoe zouden jullie dit oppakken?",
        age_band="12-16",
        author=author,
        owner=author,
        **fields,
    )
    index.add_child(instance=casus)
    casus.save_revision(user=author).publish(skip_permission_checks=True)
    return casus


def open_casus(page, live_server):
    page.goto(live_server.url + "/casussen/")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()


def check_axe(page, axe):
    page.set_viewport_size({"width": 1280, "height": 900})
    assert axe() == []
    page.set_viewport_size({"width": 360, "height": 800})
    assert axe() == []
    page.set_viewport_size({"width": 1280, "height": 900})


def test_journey_edit_with_a_replacement_then_withdraw(page, live_server, login_as, axe, people):
    published_casus(people["poster"])
    login_as(people["colleague"])
    open_casus(page, live_server)
    page.get_by_label("Uw reactie").fill("Ik zou eerst apart met [KIND 1] praten.")
    page.get_by_role("button", name="Reactie plaatsen").click()
    mine = page.locator(".reaction", has_text="apart met [KIND 1] praten")
    expect(mine).to_be_visible()

    mine.get_by_role("link", name="Bewerken").click()
    expect(page.get_by_role("heading", name="Reactie bewerken")).to_be_visible()
    body = page.get_by_label("Uw reactie")
    body.fill("Ik zou eerst apart met [KIND 1] praten. Bel de jeugdarts op 06-12345678.")
    replace = page.get_by_role("button", name="Vervang door [TELEFOONNUMMER]")
    expect(replace).to_be_visible()  # the check as you type found it
    check_axe(page, axe)
    replace.click()
    expect(body).to_have_value(re.compile(r"op \[TELEFOONNUMMER\]\.$"))
    page.get_by_role("button", name="Wijziging opslaan").click()
    expect(page.get_by_text("Uw reactie is bijgewerkt.")).to_be_visible()
    mine = page.locator(".reaction", has_text="Bel de jeugdarts")
    expect(mine.locator(".reaction__edited")).to_contain_text("bewerkt")
    assert "06-12345678" not in page.content()
    assert "06-12345678" not in Reaction.objects.get().body
    assert ReactionVersion.objects.get().body == "Ik zou eerst apart met [KIND 1] praten."
    check_axe(page, axe)

    login_as(people["other"])  # another member sees the edit, never the earlier words
    open_casus(page, live_server)
    expect(page.locator(".reaction__edited")).to_be_visible()
    expect(page.locator(".reaction__versions")).to_have_count(0)
    expect(page.get_by_role("link", name="Bewerken")).to_have_count(0)

    login_as(people["colleague"])
    open_casus(page, live_server)
    page.locator(".reaction", has_text="Bel de jeugdarts").get_by_role("link", name="Intrekken").click()
    expect(page.get_by_role("heading", name="Reactie intrekken")).to_be_visible()
    check_axe(page, axe)
    page.get_by_role("button", name="Reactie definitief intrekken").click()
    expect(page.get_by_text("Uw reactie is ingetrokken.")).to_be_visible()
    expect(page.get_by_text("Reactie ingetrokken door de auteur")).to_be_visible()
    assert "Bel de jeugdarts" not in page.content()
    check_axe(page, axe)


def test_journey_appreciate_and_helped_most_first(page, live_server, login_as, axe, people):
    casus = published_casus(people["poster"])
    Reaction.objects.create(casus=casus, author=people["colleague"], body="Eerst luisteren naar [KIND 1].")
    Reaction.objects.create(casus=casus, author=people["other"], body="Een gesprek met [VADER] alleen.")

    login_as(people["colleague"])
    open_casus(page, live_server)
    own = page.locator(".reaction", has_text="Eerst luisteren")
    expect(own.get_by_role("button", name=re.compile("Herkenbaar"))).to_have_count(0)  # not on one's own
    other = page.locator(".reaction", has_text="Een gesprek met")
    other.get_by_role("button", name=re.compile("Herkenbaar")).click()
    other = page.locator(".reaction", has_text="Een gesprek met")
    pressed = other.get_by_role("button", name=re.compile("Herkenbaar"))
    expect(pressed).to_have_attribute("aria-pressed", "true")
    expect(pressed).to_contain_text("1")
    other.get_by_role("button", name=re.compile("Bruikbaar")).click()
    other = page.locator(".reaction", has_text="Een gesprek met")
    other.get_by_role("button", name=re.compile("Bruikbaar")).click()  # undo
    undone = page.locator(".reaction", has_text="Een gesprek met").get_by_role("button", name=re.compile("Bruikbaar"))
    expect(undone).to_have_attribute("aria-pressed", "false")
    expect(undone).to_contain_text("0")
    check_axe(page, axe)

    login_as(people["poster"])
    open_casus(page, live_server)
    page.locator(".reaction", has_text="Een gesprek met").get_by_role("button", name="Dit hielp mij verder").click()
    first = page.locator(".reaction").first
    expect(first).to_contain_text("Een gesprek met [VADER] alleen.")
    expect(first).to_contain_text("Dit hielp de inbrenger verder")
    expect(first.get_by_role("button", name="Dit hielp mij verder")).to_have_attribute("aria-pressed", "true")
    check_axe(page, axe)


def test_journey_structured_rounds_close_and_reminder(page, live_server, login_as, axe, people):
    published_casus(people["poster"], conversation_format="rounds")
    login_as(people["colleague"])
    open_casus(page, live_server)
    expect(page.locator('[aria-current="step"]')).to_contain_text("Ronde 1: verhelderende vragen")
    page.get_by_label("Uw verhelderende vraag").fill("Sinds wanneer precies wil [KIND 1] niet meer?")
    page.get_by_role("button", name="Reactie plaatsen").click()
    expect(page.locator(".reaction", has_text="Sinds wanneer")).to_contain_text("Ronde 1")
    expect(page.get_by_role("button", name=re.compile("Naar ronde"))).to_have_count(0)
    check_axe(page, axe)

    login_as(people["poster"])
    open_casus(page, live_server)
    page.get_by_label("Uw antwoord op de vragen").fill("Sinds de zomervakantie.")
    page.get_by_role("button", name="Reactie plaatsen").click()
    page.get_by_role("button", name="Naar ronde 2: adviezen").click()
    expect(page.locator('[aria-current="step"]')).to_contain_text("Ronde 2: adviezen")

    login_as(people["colleague"])
    open_casus(page, live_server)
    page.get_by_label("Uw advies").fill("Laat [KIND 1] zelf een eerste stap kiezen.")
    page.get_by_role("button", name="Reactie plaatsen").click()
    expect(page.locator(".reaction", has_text="eerste stap")).to_contain_text("Ronde 2")

    login_as(people["poster"])
    open_casus(page, live_server)
    page.get_by_role("button", name="Naar ronde 3: uw reflectie").click()
    expect(page.locator('[aria-current="step"]')).to_contain_text("Ronde 3")
    page.get_by_label("Uw reflectie").fill("Ik laat [KIND 1] meer regie nemen.")
    page.get_by_role("button", name="Reactie plaatsen").click()
    check_axe(page, axe)

    login_as(people["other"])
    open_casus(page, live_server)
    expect(page.get_by_text("In de reflectieronde schrijft alleen de inbrenger")).to_be_visible()
    expect(page.get_by_role("button", name="Reactie plaatsen")).to_have_count(0)

    login_as(people["poster"])
    open_casus(page, live_server)
    page.get_by_label("Herinner mij aan het vervolg").select_option(label="Over 4 weken")
    page.get_by_role("button", name="Afsluiten").click()
    expect(page.get_by_text("Uw casus is afgesloten.")).to_be_visible()
    expect(page.get_by_role("heading", name="Vervolg aanvullen")).to_be_visible()

    assert send_follow_up_reminders(now=timezone.now() + datetime.timedelta(weeks=4, hours=1)) == 1
    reminder = [m for m in mail.outbox if m.to == [people["poster"].email] and "Hoe is het afgelopen?" in m.subject]
    assert len(reminder) == 1
    link = next(url for url in LINK.findall(reminder[0].body) if "#vervolg" in url)
    page.goto(link)
    page.get_by_label("Vervolg: wat heeft u gedaan en wat leverde het op?").fill(
        "[KIND 1] koos zelf een middag met [VADER]; dat ging goed."
    )
    page.get_by_role("button", name="Vervolg opslaan").click()
    expect(page.get_by_text("Het vervolg is bijgewerkt.")).to_be_visible()

    login_as(people["other"])
    open_casus(page, live_server)
    expect(page.locator(".casus__follow-up")).to_contain_text("koos zelf een middag")
    check_axe(page, axe)
