"""Journey 1: a visitor signs up, confirms by the mailed link and applies; a beheerder is mailed,
opens the application from the list and approves; the applicant is mailed and reads a members-only guide."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from community.demo.factories import DEFAULT_PASSWORD, UserFactory, give_totp
from lunchsessions.factories import restrict_to_members
from methodology.factories import GuidePageFactory, MethodologyIndexPageFactory
from tests.e2e.conftest import mailed_link

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "Omgangshuis-2026-veilig"
EMAIL = "lotte.visser@example.org"


def assert_phone_layout_accessible(page, axe):
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe() == []
    page.set_viewport_size({"width": 1280, "height": 800})


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_visitor_becomes_member_and_reads_a_members_only_guide(page, live_server, axe, login_form):
    from community.models import HomePage

    methodiek = MethodologyIndexPageFactory(parent=HomePage.objects.get(), title="Methodiek", slug="methodiek")
    guide = GuidePageFactory(parent=methodiek, title="Het kindgesprek voeren")
    restrict_to_members(guide)
    beheerder = UserFactory(first_name="Fatima", is_superuser=True, is_staff=True)
    give_totp(beheerder)

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Account aanmaken").first.click()
    page.get_by_label("Voornaam").fill("Lotte")
    page.get_by_label("Achternaam").fill("Visser")
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Wachtwoord:", exact=True).fill(PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
    page.get_by_role("button", name="Account aanmaken").click()
    page.wait_for_load_state()

    [confirmation] = mails_to(EMAIL)
    assert confirmation.body.startswith("Beste Lotte Visser,")
    assert "127.0.0.1" not in confirmation.body and "Kennisplein Scheiding" in confirmation.body
    page.goto(mailed_link(confirmation, r"https?://\S+/accounts/confirm-email/\S+/"))
    page.get_by_role("button", name="Bevestig").click()
    page.wait_for_load_state()

    if page.get_by_label("Beroep").count() == 0:
        page.get_by_role("link", name="Lidmaatschap").first.click()
    page.get_by_label("Beroep").fill("Jeugdhulpverlener")
    page.get_by_label("Organisatie").fill("Juzt")
    page.get_by_label("Waarom wilt u lid worden?").fill(
        "Ik begeleid ouders in complexe scheidingen en wil leren van collega's."
    )
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_text("Uw aanvraag is ontvangen")).to_be_visible()  # waits for the page the click loads
    assert_phone_layout_accessible(page, axe)

    [notice] = mails_to(beheerder.email)
    assert "Lotte Visser" in notice.subject
    list_url = mailed_link(notice, r"https?://\S+/cms/lidmaatschapsaanvragen/(?=\s)")
    assert list_url.startswith(live_server.url)

    page.context.clear_cookies()
    page.goto(list_url)
    login_form(beheerder, DEFAULT_PASSWORD)
    page.get_by_role("link", name=re.compile("Lotte Visser")).click()
    page.get_by_label("Goedkeuren: wordt lid").check()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()

    approval = mails_to(EMAIL)[-1]
    assert "goedgekeurd" in approval.subject
    login_url = mailed_link(approval, r"https?://\S+/accounts/login/")
    assert login_url.startswith(live_server.url)

    page.context.clear_cookies()
    page.goto(login_url)
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Wachtwoord:", exact=True).fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    page.locator("header").get_by_role("link", name="Methodiek").first.click()
    page.get_by_role("link", name="Het kindgesprek voeren").first.click()
    expect(
        page.get_by_text("Geheime hoofdtekst van de handleiding.")
    ).to_be_visible()  # waits for the page the click loads
    assert_phone_layout_accessible(page, axe)
