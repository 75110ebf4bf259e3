import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_home_page_has_no_serious_axe_violations(page, live_server, axe):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Kennisplein Scheiding"
    assert axe() == []


def test_home_page_works_at_360_px(page, live_server, axe):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 360
    assert axe() == []


def test_skip_link_moves_focus_to_main(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"])
def test_account_pages_have_no_serious_axe_violations(page, live_server, axe, path):
    page.goto(live_server.url + path)
    assert page.locator("h1").count() == 1
    assert axe() == []


def test_membership_application_form_is_accessible_and_keeps_input(page, live_server, axe, login):
    from community.demo.factories import DEFAULT_PASSWORD, UserFactory

    user = UserFactory()
    login(user.email, DEFAULT_PASSWORD)
    page.goto(live_server.url + "/lidmaatschap/")
    page.get_by_label("Beroep").fill("Advocaat familierecht")
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("alert")).to_be_visible()  # waits for the page the click loads
    assert page.get_by_label("Beroep").input_value() == "Advocaat familierecht"
    assert axe() == []
