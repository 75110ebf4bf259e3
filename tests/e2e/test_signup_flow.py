import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from community.accounts.membership import decide
from community.models import MembershipApplication

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "Omgangshuis-2026-veilig"


def test_sign_up_apply_be_approved_log_in_and_see_home(page, live_server, login):
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_label("Voornaam").fill("Lotte")
    page.get_by_label("Achternaam").fill("Visser")
    page.get_by_label("E-mail").fill("lotte.visser@example.org")
    page.get_by_label("Wachtwoord:", exact=True).fill(PASSWORD)
    page.get_by_label("Wachtwoord (bevestigen)").fill(PASSWORD)
    page.get_by_role("button", name="Account aanmaken").click()
    page.wait_for_load_state()

    confirmation = next(m for m in mail.outbox if "lotte.visser@example.org" in m.to)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", confirmation.body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Bevestig").click()
    page.wait_for_load_state()

    page.goto(live_server.url + "/lidmaatschap/")
    page.get_by_label("Beroep").fill("Jeugdhulpverlener")
    page.get_by_label("Organisatie").fill("Juzt")
    page.get_by_label("Waarom wilt u lid worden?").fill(
        "Ik begeleid ouders in complexe scheidingen en wil leren van collega's."
    )
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_text("Uw aanvraag is ontvangen")).to_be_visible()  # waits for the page the click loads

    user = get_user_model().objects.get(email="lotte.visser@example.org")
    admin = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x")
    decide(user.membership_application, approve=True, reason="", decided_by=admin)
    assert MembershipApplication.objects.get(user=user).status == "approved"
    assert any("goedgekeurd" in m.subject for m in mail.outbox)

    page.context.clear_cookies()
    login("lotte.visser@example.org", PASSWORD)
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Kennisplein Scheiding"
    assert page.get_by_role("button", name="Uitloggen").is_visible()
    assert not page.get_by_text("bent nog geen lid").is_visible()
