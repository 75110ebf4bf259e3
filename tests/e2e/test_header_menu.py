"""The header on a phone: one "Menu" disclosure, closed at first, opened by keyboard, no JavaScript needed."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 740}
PLACEHOLDER_FITS = """() => {
    const input = document.querySelector('#site-search-q');
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d');
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const textWidth = context.measureText(input.placeholder).width;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return textWidth <= room;
}"""


def test_phone_header_menu_is_closed_and_opens_by_keyboard(page, live_server, axe):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    toggle = page.locator("summary.site-menu__toggle")
    assert toggle.is_visible()
    assert not page.get_by_role("navigation", name="Hoofdmenu").is_visible()
    assert not page.locator("#site-search-q").is_visible()
    header_height = page.locator(".site-header").bounding_box()["height"]
    assert header_height < 740 / 4  # the first screen is for content
    assert axe() == []

    toggle.focus()
    assert toggle.evaluate("el => getComputedStyle(el).outlineStyle") != "none"  # focus is visible
    page.keyboard.press("Enter")
    assert page.locator("details.site-menu").evaluate("el => el.open")
    main_nav = page.get_by_role("navigation", name="Hoofdmenu")
    assert main_nav.get_by_role("link", name="Methodiek").is_visible()
    assert page.locator("#site-search-q").is_visible()
    assert page.locator(".account-nav").get_by_role("link", name="Inloggen").is_visible()
    assert page.get_by_role("link", name="English").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.keyboard.press("Tab")  # focus moves from the toggle into the menu
    assert page.evaluate("document.activeElement.closest('.site-menu__panel') !== null")
    assert page.evaluate(PLACEHOLDER_FITS)
    assert axe() == []

    toggle.focus()
    page.keyboard.press("Space")
    assert not main_nav.is_visible()


def test_phone_menu_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.locator("summary.site-menu__toggle").click()
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Casussen").click()
    assert page.url.endswith("/casussen/")
    context.close()


def test_wide_header_shows_everything_without_a_toggle(page, live_server):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/")
    assert not page.locator("summary.site-menu__toggle").is_visible()
    assert page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Methodiek").is_visible()
    assert page.locator("#site-search-q").is_visible()
    assert page.evaluate(PLACEHOLDER_FITS)
