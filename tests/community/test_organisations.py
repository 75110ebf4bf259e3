import datetime

import pytest
from django.utils import timezone
from wagtail import hooks

from community.core.cards import Card
from community.core.hooks import ORGANISATION_CONTRIBUTIONS, Section
from community.demo.factories import OrganisationFactory
from community.models import Offer, Organisation, ParentMeeting, ParentMeetingPartner, Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(db):
    arnhem, breda = Region.objects.get(slug="arnhem"), Region.objects.get(slug="breda")
    blijft, solo = Offer.objects.get(slug="ouderschap-blijft"), Offer.objects.get(slug="parallel-solo-ouderschap")
    lindenhout = OrganisationFactory(
        name="Lindenhout", slug="lindenhout", place="Arnhem", certified_since=datetime.date(2015, 11, 1)
    )
    lindenhout.regions.set([arnhem])
    lindenhout.offers.set([blijft, solo])
    juzt = OrganisationFactory(name="Juzt", slug="juzt", place="Breda", certified_since=datetime.date(2016, 3, 1))
    juzt.regions.set([breda])
    juzt.offers.set([blijft])
    stek = OrganisationFactory(name="Stek Jeugdhulp", slug="stek-jeugdhulp", place="Arnhem", certified_since=None)
    stek.regions.set([arnhem])
    stek.offers.set([solo])
    return {"lindenhout": lindenhout, "juzt": juzt, "stek": stek, "arnhem": arnhem, "breda": breda}


def names(response):
    return [card.title for card in response.context["cards"]]


def test_regions_and_offers_come_from_the_migration():
    assert Region.objects.count() >= 15
    assert Region.objects.filter(slug="arnhem", province="Gelderland").exists()
    assert set(Offer.objects.values_list("name", flat=True)) >= {
        "Ouderschap Blijft",
        "Parallel Solo Ouderschap",
        "Begeleide omgang en bezoeken",
    }


@pytest.mark.parametrize(
    "query,expected",
    [
        ("", ["Juzt", "Lindenhout", "Stek Jeugdhulp"]),
        ("?regio=arnhem", ["Lindenhout", "Stek Jeugdhulp"]),
        ("?aanbod=parallel-solo-ouderschap", ["Lindenhout", "Stek Jeugdhulp"]),
        ("?gecertificeerd=on", ["Juzt", "Lindenhout"]),
        ("?regio=arnhem&gecertificeerd=on", ["Lindenhout"]),
        ("?regio=arnhem&aanbod=ouderschap-blijft&gecertificeerd=on", ["Lindenhout"]),
        ("?regio=breda&aanbod=parallel-solo-ouderschap", []),
    ],
)
def test_directory_filters(client, network, query, expected):
    response = client.get("/organisaties/" + query)
    assert response.status_code == 200
    assert names(response) == expected


def test_unknown_filter_value_is_ignored_not_an_error(client, network):
    response = client.get("/organisaties/?regio=atlantis")
    assert response.status_code == 200
    assert "regio" in response.context["form"].errors


def test_list_shows_certification_and_offers(client, network):
    html = client.get("/organisaties/").content.decode()
    assert "Gecertificeerd lid sinds november 2015" in html
    assert "Nog niet gecertificeerd" in html
    assert "Parallel Solo Ouderschap" in html


def test_directory_queries_do_not_grow_with_data(client, network, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get("/organisaties/?regio=arnhem")
    for _ in range(30):
        organisation = OrganisationFactory(certified_since=datetime.date(2020, 1, 1))
        organisation.regions.set([network["arnhem"]])
        organisation.offers.set(Offer.objects.all())
    with django_assert_max_num_queries(8):
        response = client.get("/organisaties/?regio=arnhem")
    assert len(response.context["cards"]) == 32


def test_region_overview_queries_do_not_grow(client, network, django_assert_max_num_queries):
    for _ in range(20):
        organisation = OrganisationFactory(certified_since=datetime.date(2020, 1, 1))
        organisation.regions.set(Region.objects.all())
    with django_assert_max_num_queries(8):
        response = client.get("/organisaties/regio/")
    assert response.status_code == 200


def test_detail_page_lists_regions_offers_and_registered_contributions(client, network):
    def fake(organisation, viewer):
        if viewer.is_authenticated:
            return [Card(type_label="Casus", title="Geheime casus", url="/casussen/x/")]
        return [Card(type_label="Terugblik", title=f"Terugblik met {organisation.name}", url="/lunchsessies/x/")]

    with hooks.register_temporarily(
        ORGANISATION_CONTRIBUTIONS, lambda: Section(key="test", title="Testbijdragen", items=fake)
    ):
        response = client.get("/organisaties/lindenhout/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Terugblik met Lindenhout" in html and "Geheime casus" not in html
    assert "Parallel Solo Ouderschap" in html and 'href="/organisaties/regio/arnhem/"' in html


def test_detail_page_of_signed_in_user_is_not_cached_publicly(client_for, network):
    response = client_for("lid").get("/organisaties/lindenhout/")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_unknown_organisation_is_404(client, network):
    assert client.get("/organisaties/bestaat-niet/").status_code == 404


def make_meeting(region, days=10, **kwargs):
    starts = timezone.now() + datetime.timedelta(days=days)
    return ParentMeeting.objects.create(
        region=region,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        venue="Stadhuis",
        presenters="Saskia en Annelies",
        expected_attendance=50,
        **kwargs,
    )


def test_region_map_lists_certified_organisations_and_links(client, network):
    response = client.get("/organisaties/regio/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index('id="regio-lijst"') < html.index('<svg class="nl-map"')  # the list comes first
    assert 'role="group"' in html and '<title id="kaart-titel">' in html and "<desc" in html
    assert 'aria-label="Arnhem: 1 gecertificeerde organisatie"' in html  # Stek is not certified
    assert html.count('class="nl-map__province"') == 12
    assert 'href="/organisaties/regio/arnhem/"' in html


def test_region_detail_separates_certified_and_lists_meetings(client, network):
    make_meeting(network["arnhem"])
    make_meeting(network["arnhem"], days=-3, title="Voorbij")
    response = client.get("/organisaties/regio/arnhem/")
    assert [c.title for c in response.context["certified"]] == ["Lindenhout"]
    assert [c.title for c in response.context["others"]] == ["Stek Jeugdhulp"]
    assert [c.title for c in response.context["meetings"]] == ["Ouderbijeenkomst Arnhem"]


def test_parent_meetings_upcoming_per_region(client, network):
    make_meeting(network["arnhem"])
    make_meeting(network["breda"], days=20)
    make_meeting(network["breda"], days=-1)
    response = client.get("/organisaties/ouderbijeenkomsten/")
    assert [(region.slug, len(cards)) for region, cards in response.context["by_region"]] == [
        ("arnhem", 1),
        ("breda", 1),
    ]
    response = client.get("/organisaties/ouderbijeenkomsten/?regio=breda")
    assert [region.slug for region, _cards in response.context["by_region"]] == ["breda"]


def test_parent_meeting_detail_shows_partners_and_organisation_page_lists_it(client, network):
    meeting = make_meeting(network["arnhem"])
    ParentMeetingPartner.objects.create(
        meeting=meeting, kind="gemeente", name="Gemeente Arnhem", role="regelt de locatie"
    )
    ParentMeetingPartner.objects.create(
        meeting=meeting, kind="jeugdhulp", name="Lindenhout", organisation=network["lindenhout"]
    )
    html = client.get(f"/organisaties/ouderbijeenkomsten/{meeting.pk}/").content.decode()
    assert "Gemeente Arnhem" in html and "regelt de locatie" in html and "Raad voor de Kinderbescherming" not in html
    assert "ongeveer 50 ouders" in html and "Saskia en Annelies" in html
    html = client.get("/organisaties/lindenhout/").content.decode()
    assert "Ouderbijeenkomst Arnhem" in html


def test_organise_page_has_the_roles_from_the_seed(client):
    html = client.get("/organisaties/ouderbijeenkomsten/organiseren/").content.decode()
    for role in ("Gemeente", "Raad voor de Kinderbescherming", "Rechtbank", "Jeugdhulporganisatie", "Presentatoren"):
        assert role in html


def test_calendar_feed_uses_the_shared_calendar(client, network):
    meeting = make_meeting(network["arnhem"])
    response = client.get("/organisaties/ouderbijeenkomsten/agenda.ics")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VTIMEZONE" in body and "DTSTART;TZID=Europe/Amsterdam:" in body
    assert f"ouderbijeenkomst-{meeting.pk}@" in body
    assert body.index("BEGIN:VTIMEZONE") < body.index("BEGIN:VEVENT")


def test_organisation_logo_is_optional_and_shown(client, network):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Logo Lindenhout", file=get_test_image_file())
    Organisation.objects.filter(pk=network["lindenhout"].pk).update(logo=image)
    html = client.get("/organisaties/lindenhout/").content.decode()
    assert "<img" in html


def test_search_adapters_describe_organisations_and_meetings(network):
    from search.documents import adapter_for_model

    adapter = adapter_for_model(Organisation)
    document = adapter.to_document(Organisation.objects.prefetch_related("regions", "offers").get(slug="lindenhout"))
    assert document.type == "organisation" and document.audience == "public"
    assert "Arnhem" in document.text and "Parallel Solo Ouderschap" in document.text
    meeting = make_meeting(network["arnhem"])
    partner = ParentMeetingPartner.objects.create(meeting=meeting, kind="gemeente", name="Gemeente Arnhem")
    meeting_adapter = adapter_for_model(ParentMeetingPartner)
    assert meeting_adapter.owners(partner) == [meeting]
    assert "Gemeente Arnhem" in meeting_adapter.to_document(meeting).text


def test_home_page_shows_upcoming_parent_meetings(client, network):
    make_meeting(network["arnhem"])
    make_meeting(network["breda"], days=-2)
    html = client.get("/").content.decode()
    assert "Komende ouderbijeenkomsten" in html and "Ouderbijeenkomst Arnhem" in html
    assert "Ouderbijeenkomst Breda" not in html


def test_parent_meeting_card_shows_its_date_once(client, network):
    meeting = make_meeting(network["arnhem"])
    html = client.get("/organisaties/ouderbijeenkomsten/").content.decode()
    card = html[html.index(meeting.get_absolute_url()) :]
    card = card[: card.index("</article>")]
    year = str(timezone.localtime(meeting.starts_at).year)
    assert card.count(year) == 1
