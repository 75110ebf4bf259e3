"""The search page in a real browser: axe-core clean, works without JavaScript, suggestions while typing."""

import pytest

from community.models import Organisation

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def organisations():
    Organisation.objects.create(
        name="Lindenhout",
        slug="lindenhout",
        place="Arnhem",
        description="Omgangsbemiddeling en begeleide omgang in Gelderland.",
    )
    Organisation.objects.create(name="Juzt", slug="juzt", place="Breda", description="Overdrachtsbegeleiding.")


def test_search_page_results_are_accessible(page, live_server, axe, organisations):
    page.goto(f"{live_server.url}/zoeken/?q=omgangsbemiddeling")
    assert page.locator(".search-hit").count() == 1
    assert page.locator(".search-hit mark").first.inner_text().lower() == "omgangsbemiddeling"
    assert axe() == []


def test_search_as_you_type_suggests_titles(page, live_server, organisations):
    page.goto(f"{live_server.url}/zoeken/")
    box = page.locator("#search-q")
    box.press_sequentially("linden")
    option = page.get_by_role("option", name="Lindenhout")
    option.wait_for()
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url("**/organisaties/lindenhout/")


def test_search_works_without_javascript(browser, live_server, organisations):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    page.locator("#site-search-q").fill("overdrachtsbegeleiding")
    page.locator(".site-search button").click()
    page.wait_for_load_state()
    assert "Juzt" in page.locator(".search-results").inner_text()
    context.close()
