"""The methodiek in a real browser: axe-core on the overview and a guide, print view, small screens."""

from io import StringIO

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo_methodiek():
    from community.demo.content import DemoContext
    from community.models import HomePage
    from methodology import demo

    context = DemoContext(stdout=StringIO(), home=HomePage.objects.get())
    demo.load(context)
    return context.methodology


@pytest.fixture
def association_member():
    from community.demo.factories import DEFAULT_PASSWORD, AssociationMemberFactory

    user = AssociationMemberFactory(username="mehmet", email="mehmet@example.org")
    return user.email, DEFAULT_PASSWORD


def test_overview_has_an_accessible_timeline(page, live_server, axe, demo_methodiek):
    page.goto(live_server.url + "/methodiek/")
    assert page.locator("h1").inner_text() == "Methodiek Ouderschap Blijft"
    # Seven steps in order; oudergesprekken run in parallel, drawn in place but not numbered.
    steps = page.locator("ol.process__steps > li:not(.process__step--parallel)")
    assert steps.count() == 7
    assert page.locator("ol.process__steps > li.process__step--parallel").count() == 1
    assert page.get_by_role("link", name="Begeleide omgang").is_visible()
    assert axe() == []


def test_guide_is_accessible_and_prints_whole(page, live_server, axe, login, demo_methodiek, association_member):
    login(*association_member)
    page.goto(live_server.url + "/methodiek/handleiding-uitvoering/")
    assert page.locator("h1").inner_text() == "Handleiding uitvoering: van intake tot terugkomafspraken"
    toc = page.get_by_role("navigation", name="Inhoudsopgave")
    assert toc.get_by_role("link").count() == 6
    toc.get_by_role("link", name="Oudergesprekken").click()
    assert page.url.endswith("#oudergesprekken")
    assert page.get_by_role("button", name="Afdrukken").is_visible()  # shown by the script
    assert axe() == []

    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert page.locator("#afronding-en-terugkomafspraken").is_visible()  # the whole guide on one page
    assert page.locator(".print-only").is_visible()


def test_guide_works_at_360_px(page, live_server, axe, demo_methodiek):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/methodiek/in-vogelvlucht/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.get_by_role("link", name="Terug naar boven").is_visible() or page.locator(".back-to-top").count() == 1
    assert axe() == []


def test_restricted_guide_shows_teaser_to_anonymous_visitors(page, live_server, axe, demo_methodiek):
    page.goto(live_server.url + "/methodiek/melden-jeugdteam-veilig-thuis/")
    assert "Wanneer en hoe het Omgangshuis meldt" in page.content()
    assert "acute zorgen" not in page.content()
    assert page.locator("main").get_by_role("link", name="Inloggen").is_visible()
    assert axe() == []
