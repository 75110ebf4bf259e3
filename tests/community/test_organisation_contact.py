"""Organisation contact details: shown as an <address> with tel:/mailto: links, checked in Dutch in the CMS."""

import pytest

from community.demo.factories import OrganisationFactory
from community.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def juzt(db):
    return OrganisationFactory(
        name="Juzt",
        slug="juzt",
        place="Breda",
        website="https://www.juzt.example/",
        phone="012-3456789",
        street_address="Voorbeeldstraat 1",
        postcode="1234 AB",
        contact_name="Team aanmelding (voorbeeld)",
        contact_email="aanmelding@juzt.example",
    )


def test_organisation_page_shows_contact_as_address_with_links(client, juzt):
    html = client.get(juzt.get_absolute_url()).content.decode()
    address = html.split("<address>")[1].split("</address>")[0]
    assert "Voorbeeldstraat 1<br>1234 AB&nbsp;Breda" in address
    assert '<a href="tel:+31123456789">012-3456789</a>' in address
    assert '<a href="mailto:aanmelding@juzt.example">aanmelding@juzt.example</a>' in address
    assert '<a href="https://www.juzt.example/" rel="noopener">' in address
    assert "Team aanmelding (voorbeeld)" in address


def test_no_contact_section_without_contact_details(client):
    organisation = OrganisationFactory(name="Kontext", slug="kontext", place="", website="")
    assert "<address>" not in client.get(organisation.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "number,link",
    [
        ("030 123 45 67", "+31301234567"),
        ("+31 30 123 45 67", "+31301234567"),
        ("0031 6 12345678", "+31612345678"),
        ("(030) 123-4567", "+31301234567"),
    ],
)
def test_phone_link_is_international(number, link):
    assert Organisation(phone=number).phone_link == link


def organisation_form(**fields):
    data = {
        "name": "Horizon",
        "slug": "horizon",
        "description": "",
        "website": "",
        "phone": "",
        "street_address": "",
        "postcode": "",
        "place": "Rotterdam",
        "contact_name": "",
        "contact_email": "",
        "certified_since": "",
    }
    data.update(fields)
    return data


def test_beheerder_gets_dutch_messages_and_keeps_what_was_typed(client_for):
    response = client_for("beheerder").post(
        "/cms/snippets/community/organisation/add/",
        organisation_form(
            website="horizon punt nl", phone="12345", postcode="12 AB", contact_email="team@", street_address="Kade 4"
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["website"] == ["Vul een volledig webadres in, bijvoorbeeld https://www.voorbeeld.nl."]
    assert errors["phone"] == [
        "Vul een Nederlands telefoonnummer in van tien cijfers, bijvoorbeeld 030 123 45 67 of +31 30 123 45 67."
    ]
    assert errors["postcode"] == ["Vul een postcode in als 1234 AB."]
    assert errors["contact_email"] == ["Vul een geldig e-mailadres in, bijvoorbeeld info@voorbeeld.nl."]
    html = response.content.decode()
    assert 'value="Kade 4"' in html and 'value="12345"' in html
    assert not Organisation.objects.filter(slug="horizon").exists()


def test_beheerder_saves_contact_details(client_for):
    response = client_for("beheerder").post(
        "/cms/snippets/community/organisation/add/",
        organisation_form(website="https://www.horizon.example", phone="+31 10 123 45 67", postcode="3011ab"),
    )
    assert response.status_code == 302, response.context["form"].errors
    organisation = Organisation.objects.get(slug="horizon")
    assert organisation.postcode == "3011 AB" and organisation.phone_link == "+31101234567"


def test_demo_contact_details_are_clearly_examples():
    from community.demo.content import _example_contact

    contact = _example_contact("Juzt")
    assert contact["website"].startswith("https://www.juzt.example") and contact["contact_email"].endswith(".example")
    assert "voorbeeld" in contact["contact_name"]
    Organisation(name="Juzt", slug="juzt", **contact).full_clean(exclude=["name", "slug"])
