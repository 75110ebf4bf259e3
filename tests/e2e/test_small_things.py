"""Issue 12 point 11 in the browser: checkboxes beside their labels, the personal calendar link."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CHECKBOXES_BESIDE_LABELS = """() => [...document.querySelectorAll('main input[type=checkbox]')].map((box) => {
    const label = document.querySelector(`label[for="${box.id}"]`);
    const b = box.getBoundingClientRect(), l = label.getBoundingClientRect();
    return {id: box.id, beside: l.left >= b.right && l.top < b.bottom && l.bottom > b.top};
})"""


def test_remember_me_checkbox_sits_beside_its_label(page, live_server, axe):
    page.goto(live_server.url + "/accounts/login/")
    boxes = page.evaluate(CHECKBOXES_BESIDE_LABELS)
    assert boxes and all(box["beside"] for box in boxes), boxes
    assert axe() == []


def test_casus_form_checkboxes_sit_beside_their_labels(page, live_server, login, home_page):
    from casuses.models import ensure_index
    from community.demo.factories import DEFAULT_PASSWORD, MemberFactory

    ensure_index(home_page)  # /casussen/nieuw/ is a route of the casus index page
    member = MemberFactory()
    login(member.email, DEFAULT_PASSWORD)
    page.goto(live_server.url + "/casussen/nieuw/")
    boxes = page.evaluate(CHECKBOXES_BESIDE_LABELS)
    assert boxes and all(box["beside"] for box in boxes), boxes


def test_personal_calendar_link_can_be_copied_and_opened(page, live_server, axe, login, context, home_page):
    from community.demo.factories import DEFAULT_PASSWORD, MemberFactory
    from lunchsessions.factories import LunchSessionIndexPageFactory

    LunchSessionIndexPageFactory(parent=home_page, slug="lunchsessies")  # mijn-agenda/ is one of its routes

    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    member = MemberFactory()
    login(member.email, DEFAULT_PASSWORD)
    page.goto(live_server.url + "/lunchsessies/mijn-agenda/")
    page.get_by_role("button", name="Persoonlijke agenda-link maken").click()
    feed_url = page.get_by_label("Uw persoonlijke agenda-link").input_value()
    assert feed_url.startswith(live_server.url) and feed_url.endswith(".ics")
    page.get_by_role("button", name="Link kopiëren").click()
    page.get_by_role("status").filter(has_text="Gekopieerd").wait_for()  # set once the clipboard write resolves
    assert page.evaluate("navigator.clipboard.readText()") == feed_url
    webcal = page.get_by_role("link", name="Openen in mijn agenda-app").get_attribute("href")
    assert webcal == "webcal://" + feed_url.split("://", 1)[1]
    assert axe() == []
