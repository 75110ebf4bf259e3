import pytest

from community.core.cards import Card
from community.core.hooks import HOME_SECTIONS, Section, replaced

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections():
    with replaced(
        HOME_SECTIONS,
        lambda: Section(key="open", title="Open", items=lambda r: [Card("Test", "Openbaar stuk", "/x/")]),
        lambda: Section(
            key="leden",
            title="Alleen leden",
            items=lambda r: [Card("Test", "Ledenstuk", "/y/")] if r.user.is_authenticated else [],
        ),
    ):
        yield


def test_home_shows_only_sections_with_items_for_this_visitor(sections, client_for):
    anonymous = client_for("anonymous").get("/").content.decode()
    assert "Openbaar stuk" in anonymous and "Alleen leden" not in anonymous
    member = client_for("lid").get("/").content.decode()
    assert "Ledenstuk" in member and "Alleen leden" in member


def test_home_page_title_names_the_site_once(client, home_page):
    html = client.get("/").content.decode()
    assert "<title>Kennisplein Scheiding</title>" in html
