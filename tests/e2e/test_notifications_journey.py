"""Issue 18 in a real browser: following a casus and the notification centre, and @mentions with the
type-ahead, following the mails the site sends; axe on /meldingen/ at desktop and phone width."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from casuses.anonymity import get_deduce
from casuses.models import CasusPage, ensure_index
from community.demo.factories import DEFAULT_PASSWORD, MemberFactory
from community.models import HomePage, MemberProfile, Notification

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Vader komt steeds te laat bij de overdracht"
LINK = re.compile(r"https?://\S+")


@pytest.fixture
def people(settings, live_server):
    get_deduce()  # load once, before the browser waits on the first check
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    index = ensure_index(HomePage.objects.get())
    author = MemberFactory(username="inbrenger", email="inbrenger@example.org")
    follower = MemberFactory(username="volger", email="volger@example.org", first_name="Femke", last_name="Volger")
    replier = MemberFactory(
        username="reageerder", email="reageerder@example.org", first_name="Rob", last_name="Reageer"
    )
    mentioned = MemberFactory(
        username="genoemd", email="genoemd@example.org", first_name="Marieke", last_name="van Dijk"
    )
    for user in (follower, replier, mentioned):
        MemberProfile.objects.create(user=user, profession="Jeugdzorgwerker")
    casus = CasusPage(
        title=TITLE,
        slug="vader-te-laat",
        situation="Bij elke overdracht komt vader een half uur te laat; moeder wil stoppen met de omgang.",
        question="Hoe zouden jullie dit bespreekbaar maken?",
        author=author,
        owner=author,
    )
    index.add_child(instance=casus)
    casus.save_revision().publish(skip_permission_checks=True)
    return {"author": author, "follower": follower, "replier": replier, "mentioned": mentioned}


@pytest.fixture
def login_as(page, login):
    def _login(user):
        page.context.clear_cookies()
        login(user.email, DEFAULT_PASSWORD)

    return _login


def mail_to(address: str, subject_part: str):
    for message in reversed(mail.outbox):
        if address in message.to and subject_part in message.subject:
            return message
    raise AssertionError(f"no mail to {address} about {subject_part}: {[m.subject for m in mail.outbox]}")


def open_casus_from_the_list(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Casussen").click()
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()


def test_follow_a_casus_hear_of_a_reaction_by_bell_and_mail(page, live_server, login_as, axe, people):
    follower, replier = people["follower"], people["replier"]
    login_as(follower)
    open_casus_from_the_list(page, live_server)
    follow = page.get_by_role("button", name="Volg deze casus")
    follow.focus()
    expect(follow).to_be_focused()
    follow.press("Enter")
    expect(page.get_by_text("U volgt deze casus.")).to_be_visible()
    expect(page.locator(".site-bell__count")).to_have_count(0)

    login_as(replier)
    open_casus_from_the_list(page, live_server)
    page.get_by_label("Uw reactie").fill("Ik zou vader vragen wat hem tegenhoudt om op tijd te komen.")
    page.get_by_role("button", name="Reactie plaatsen").click()
    expect(page.get_by_text("Dank u wel voor uw reactie.")).to_be_visible()

    login_as(follower)
    bell = page.locator("a.site-bell")
    expect(bell).to_contain_text("1")
    bell.click()
    expect(page.get_by_role("heading", level=1, name="Meldingen")).to_be_visible()
    assert axe() == []
    page.set_viewport_size({"width": 360, "height": 740})
    page.reload()
    assert axe() == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("link", name=f"Nieuw: Rob Reageer reageerde op ‘{TITLE}’").click()
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    assert "#reactie-" in page.url
    expect(page.locator(".site-bell__count")).to_have_count(0)

    message = mail_to(follower.email, "Nieuwe reactie op")
    assert TITLE in message.subject
    link = next(url for url in LINK.findall(message.body) if "/meldingen/" in url and url.rstrip("/")[-1].isdigit())
    page.goto(link)
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    assert mail_to(people["author"].email, "Nieuwe reactie op")  # the author follows their own casus
    assert not [m for m in mail.outbox if replier.email in m.to]


def test_mention_a_colleague_with_the_type_ahead(page, live_server, login_as, login_form, axe, people):
    mentioned = people["mentioned"]
    login_as(people["replier"])
    open_casus_from_the_list(page, live_server)
    body = page.get_by_label("Uw reactie")
    body.click()
    body.press_sequentially("Misschien weet @Mari")
    option = page.get_by_role("option", name=re.compile("Marieke van Dijk"))
    expect(option).to_be_visible()
    expect(page.get_by_role("listbox", name="Collega's om te noemen")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="gevonden")).to_have_text(
        re.compile(r"^\d+ collega('s)? gevonden$")
    )
    assert axe() == []  # the casus page with the open type-ahead
    body.press("Enter")
    expect(page.get_by_role("status").filter(has_text="genoemd")).to_have_text("Marieke van Dijk genoemd.")
    body.press_sequentially("hier meer van.")
    assert f"@[Marieke van Dijk]({mentioned.pk}) hier meer van." in body.input_value()
    page.get_by_role("button", name="Reactie plaatsen").click()
    expect(page.get_by_text("Dank u wel voor uw reactie.")).to_be_visible()
    expect(page.locator(".reaction .mention", has_text="@Marieke van Dijk")).to_be_visible()

    message = mail_to(mentioned.email, "noemde u")
    assert Notification.objects.filter(recipient=mentioned, kind="mention").count() == 1
    link = next(url for url in LINK.findall(message.body) if "/meldingen/" in url and url.rstrip("/")[-1].isdigit())
    page.context.clear_cookies()
    page.goto(link)
    login_form(mentioned, DEFAULT_PASSWORD)
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    expect(page.locator(".mention", has_text="@Marieke van Dijk")).to_be_visible()
    page.locator("a.site-bell").click()
    expect(page.get_by_role("link", name=f"Rob Reageer noemde u bij ‘{TITLE}’")).to_be_visible()
