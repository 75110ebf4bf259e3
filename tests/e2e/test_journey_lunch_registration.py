"""Journey 5: a member registers for a full-to-be session (mail with an .ics whose links resolve),
another lands on the waiting list; the first unregisters, the second moves up and is mailed."""

import re

import pytest
from django.core import mail

from community.demo.factories import DEFAULT_PASSWORD, MemberFactory
from lunchsessions.factories import LunchSessionIndexPageFactory, LunchSessionPageFactory
from lunchsessions.models import Registration

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def open_session(page, live_server, login, user):
    page.context.clear_cookies()
    login(user.email, DEFAULT_PASSWORD)
    page.goto(live_server.url + "/")
    page.locator("header").get_by_role("link", name="Lunchsessies").first.click()
    page.get_by_role("link", name="Het kindgesprek in de praktijk").first.click()


def last_mail_to(user):
    return [message for message in mail.outbox if user.email in message.to][-1]


def calendar_links(message) -> list[str]:
    [(name, content, mimetype)] = message.attachments
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    text = content if isinstance(content, str) else content.decode()
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    return re.findall(r"https?://[^\s\\,;]+", unfolded)


def test_register_unregister_and_the_waiting_list_moves_up(page, live_server, axe, login):
    from community.models import HomePage

    index = LunchSessionIndexPageFactory(parent=HomePage.objects.get(), title="Lunchsessies", slug="lunchsessies")
    LunchSessionPageFactory(parent=index, title="Het kindgesprek in de praktijk", slug="kindgesprek", capacity=1)
    first, second = MemberFactory(first_name="Sanne"), MemberFactory(first_name="Mehmet")

    open_session(page, live_server, login, first)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()
    assert page.get_by_text("U bent aangemeld.").first.is_visible()
    confirmation = last_mail_to(first)
    assert confirmation.body.startswith("Beste Sanne,")
    links = calendar_links(confirmation)
    assert links and all(link.startswith(live_server.url) for link in links)
    assert f"{live_server.url}/lunchsessies/kindgesprek/" in confirmation.body
    for link in set(links):
        assert page.goto(link).status == 200
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe() == []
    page.set_viewport_size({"width": 1280, "height": 800})

    open_session(page, live_server, login, second)
    page.get_by_role("button", name="Op de wachtlijst").click()
    page.wait_for_load_state()
    assert page.get_by_text("U staat op de wachtlijst (plaats 1).").is_visible()
    assert "wachtlijst" in last_mail_to(second).subject

    open_session(page, live_server, login, first)
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_load_state()
    assert Registration.objects.get(user=first).status == Registration.Status.CANCELLED
    assert "afgemeld" in last_mail_to(first).subject

    promoted = last_mail_to(second)
    assert "plaats vrij" in promoted.subject
    assert Registration.objects.get(user=second).status == Registration.Status.REGISTERED
    session_link = re.search(r"https?://\S+/lunchsessies/kindgesprek/", promoted.body).group(0)
    assert all(link.startswith(live_server.url) for link in calendar_links(promoted))
    page.context.clear_cookies()
    login(second.email, DEFAULT_PASSWORD)
    page.goto(session_link)
    assert page.get_by_text("U bent aangemeld.").first.is_visible()
    assert page.get_by_role("button", name="Afmelden").is_visible()
