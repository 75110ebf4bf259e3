"""Journey 4: a redacteur turns a past lunch session into a recap in /cms/ and publishes it himself;
it shows on the page, in the archive, in the RSS feed and in search."""

import datetime
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from community.demo.factories import DEFAULT_PASSWORD
from lunchsessions.factories import LunchSessionIndexPageFactory, LunchSessionPageFactory
from lunchsessions.models import LunchSessionPage
from tests.conftest import make_role_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TRANSCRIPT = "Welkom allemaal bij deze sessie over ouderschapsplannen en de rol van grootouders."


def test_redacteur_publishes_a_recap_himself(page, live_server, axe, login_form):
    from community.models import HomePage

    index = LunchSessionIndexPageFactory(parent=HomePage.objects.get(), title="Lunchsessies", slug="lunchsessies")
    start = timezone.now() - datetime.timedelta(days=2)
    session = LunchSessionPageFactory(
        parent=index,
        title="Grootouders na de scheiding",
        slug="grootouders",
        start=start,
        end=start + datetime.timedelta(hours=1),
    )
    Document.objects.create(title="Dia's grootouders", file=ContentFile(b"%PDF-1.4 dia's", name="dias-grootouders.pdf"))
    redacteur = make_role_user("redacteur")

    page.goto(live_server.url + "/cms/")
    login_form(redacteur, DEFAULT_PASSWORD)
    assert "/cms/" in page.url, page.url
    page.get_by_role("link", name="Grootouders na de scheiding").first.click()
    page.get_by_role("tab", name="Terugblik").click()
    page.get_by_label("Opname (video-link)").fill("https://www.youtube.com/watch?v=abcdefghijk")
    page.get_by_label("Transcript").fill(TRANSCRIPT)
    slides = page.locator("[data-contentpath=slides]")
    slides.get_by_role("button").first.click()
    chooser = page.locator("[data-contentpath=slides]").get_by_role("button", name="Kies een document")
    if chooser.count():
        chooser.first.click()
        page.locator(".modal").get_by_role("link", name="Dia's grootouders").click()
    slides.get_by_label("Titel").first.fill("Presentatie")
    page.locator("footer").get_by_role("button", name="Meer acties").click()
    page.locator("footer").get_by_role("button", name="Publiceren").click()
    page.wait_for_load_state()

    session.refresh_from_db()
    published = LunchSessionPage.objects.get(pk=session.pk)
    assert published.live
    assert published.transcript == TRANSCRIPT and len(published.slides) == 1

    page.context.clear_cookies()
    # The page and the archive, reached by clicking as a visitor: header -> Lunchsessies -> archive -> session.
    page.goto(live_server.url + "/")
    page.locator("header").get_by_role("link", name="Lunchsessies").first.click()
    page.wait_for_load_state()
    index_url = page.url
    archive = page.get_by_role("region", name="Archief: terugblikken")
    archive.get_by_role("link", name="Grootouders na de scheiding").click()
    page.wait_for_url("**/lunchsessies/grootouders/")
    main = page.locator("main")
    assert "ouderschapsplannen en de rol van grootouders" in main.text_content()
    assert (
        main.get_by_role("link", name="Bekijk de opname").get_attribute("href")
        == "https://www.youtube.com/watch?v=abcdefghijk"
    )
    slides_link = main.get_by_role("link", name="Presentatie")
    assert page.request.get(urljoin(page.url, slides_link.get_attribute("href"))).ok
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe() == []
    page.set_viewport_size({"width": 1280, "height": 800})

    # The RSS feed the lunch-session page links to, read as a feed reader does; its item's link opens the recap.
    page.goto(index_url)
    feed_href = page.locator('link[rel="alternate"][type="application/rss+xml"]').get_attribute("href")
    feed = page.request.get(urljoin(page.url, feed_href))
    assert feed.ok and "xml" in feed.headers["content-type"]
    items = {item.findtext("title"): item for item in ElementTree.fromstring(feed.text()).iter("item")}
    item = items["Grootouders na de scheiding"]
    item_link = item.findtext("link")
    assert urlsplit(item_link).path == "/lunchsessies/grootouders/"
    assert "ouderschapsplannen" in page.request.get(item_link).text()

    # Search, typed into the header's search box.
    page.goto(live_server.url + "/")
    search = page.get_by_label("Zoek op Kennisplein Scheiding")
    search.fill("grootouders")
    search.press("Enter")
    page.wait_for_load_state()
    result = page.locator("main").get_by_role("link", name="Grootouders na de scheiding").first
    assert result.is_visible()
    result.click()
    page.wait_for_url("**/lunchsessies/grootouders/")
