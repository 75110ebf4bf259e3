import datetime

import pytest
from playwright.sync_api import expect

from community.demo.factories import DEFAULT_PASSWORD, MemberFactory, OrganisationFactory
from community.models import MemberProfile, Offer, Region

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def organisations():
    arnhem = Region.objects.get(slug="arnhem")
    lindenhout = OrganisationFactory(
        name="Lindenhout", slug="lindenhout", place="Arnhem", certified_since=datetime.date(2015, 11, 1)
    )
    lindenhout.regions.set([arnhem, Region.objects.get(slug="ede")])
    lindenhout.offers.set(Offer.objects.filter(slug__in=["ouderschap-blijft", "parallel-solo-ouderschap"]))
    juzt = OrganisationFactory(name="Juzt", slug="juzt", place="Breda", certified_since=datetime.date(2016, 3, 1))
    juzt.regions.set([Region.objects.get(slug="breda")])
    OrganisationFactory(name="Kontext", slug="kontext", place="")
    return lindenhout


def test_organisations_list_is_accessible_and_filters(organisations, page, live_server, axe):
    page.goto(live_server.url + "/organisaties/")
    assert page.locator("h1").inner_text() == "Organisaties"
    assert axe() == []
    page.get_by_label("Regio").select_option("arnhem")
    page.get_by_label("Alleen gecertificeerde leden").check()
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_load_state()
    titles = page.locator(".card__title").all_inner_texts()
    assert titles == ["Lindenhout"]
    assert axe() == []


def test_organisations_list_works_at_360_px(organisations, page, live_server, axe):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/organisaties/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe() == []


def test_region_map_is_accessible_and_keyboard_operable(organisations, page, live_server, axe):
    page.goto(live_server.url + "/organisaties/regio/")
    assert axe() == []
    marker = page.locator("svg.nl-map a[href='/organisaties/regio/arnhem/']")
    assert marker.get_attribute("aria-label") == "Arnhem: 1 gecertificeerde organisatie"
    marker.focus()
    assert marker.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_url("**/organisaties/regio/arnhem/")
    assert "Lindenhout" in page.locator("main").inner_text()
    assert axe() == []


def test_region_map_works_at_360_px(organisations, page, live_server, axe):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/organisaties/regio/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe() == []


@pytest.fixture
def colleague(organisations):
    colleague = MemberFactory(first_name="Esther", last_name="Mulder")
    profile = MemberProfile.objects.create(
        user=colleague,
        profession="Gedragswetenschapper",
        organisation=organisations,
        region=Region.objects.get(slug="arnhem"),
        bio="Werkbegeleider.",
    )
    profile.expertise.set(["kindgesprek"])
    return colleague


@pytest.fixture
def viewer():
    return MemberFactory(email="sanne@example.org")


def test_member_profile_and_directory_are_accessible(colleague, viewer, page, live_server, axe, login):
    login(viewer.email, DEFAULT_PASSWORD)
    page.goto(f"{live_server.url}/leden/{colleague.pk}/")
    assert page.locator("h1").inner_text() == "Esther Mulder"
    assert "Gedragswetenschapper" in page.locator("main").inner_text()
    assert axe() == []
    page.goto(live_server.url + "/leden/")
    page.get_by_label("Expertise").fill("kindgesprek")
    page.locator("main").get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    assert page.locator(".card__title").all_inner_texts() == ["Esther Mulder"]
    assert axe() == []


def test_own_settings_pages_are_accessible(viewer, page, live_server, axe, login):
    login(viewer.email, DEFAULT_PASSWORD)
    for path in (
        "/leden/instellingen/profiel/",
        "/leden/instellingen/meldingen/",
        "/leden/instellingen/gegevens/",
        "/leden/instellingen/account-verwijderen/",
    ):
        page.goto(live_server.url + path)
        assert axe() == [], path
    page.goto(live_server.url + "/leden/instellingen/meldingen/")
    page.get_by_role("group", name="Nieuwe terugblikken op lunchsessies").get_by_label(
        "Geen e-mail (alleen bij Meldingen)"
    ).check()
    page.get_by_role("button", name="Opslaan").click()
    expect(
        page.get_by_text("Uw meldingsinstellingen zijn opgeslagen.")
    ).to_be_visible()  # waits for the page the click loads
