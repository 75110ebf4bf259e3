"""The paths under /casussen/ are routes of the index page; no casus page can hide behind one."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import nested_form_data

from casuses.models import CasusIndexPage, CasusPage

pytestmark = pytest.mark.django_db


def test_route_names_come_from_the_routes_themselves():
    assert CasusIndexPage.route_slugs() == {"nieuw", "mijn", "controle", "moderatie", "reacties", "meldingen"}


@pytest.mark.parametrize("slug", ["nieuw", "mijn", "moderatie"])
def test_a_casus_may_not_take_a_routes_name(make_casus, slug):
    casus = make_casus()
    casus.slug = slug
    with pytest.raises(ValidationError) as refused:
        casus.full_clean()
    assert "vaste functie van het casusoverzicht" in " ".join(refused.value.message_dict["slug"])


def test_the_admin_refuses_a_route_name_in_dutch(client_for, casus_index):
    data = nested_form_data(
        {
            "title": "Nieuw",
            "slug": "nieuw",
            "situation": "Een situatie.",
            "question": "Een vraag?",
            "age_band": "4-8",
            "phase": "",
            "tags": "",
            "status": "open",
            "follow_up": "",
        }
    )
    response = client_for("beheerder").post(f"/cms/pages/add/casuses/casuspage/{casus_index.pk}/", data)
    assert response.status_code == 200
    assert "vaste functie van het casusoverzicht" in response.content.decode()
    assert not CasusPage.objects.filter(slug="nieuw").exists()


def test_routes_follow_the_page(client_for, casus_index, make_casus, role_users):
    casus = make_casus(role_users["lid"])
    assert casus.index_url() == "/casussen/"
    assert casus_index.route_url("react", casus.pk) == f"/casussen/{casus.pk}/reageren/"
    lid = client_for("lid")
    assert f'href="/casussen/{casus.pk}/bewerken/"' in lid.get(casus.url).content.decode()
    casus_index.slug = "intervisie"
    casus_index.save_revision().publish()
    assert lid.get("/intervisie/nieuw/").status_code == 200
    assert lid.get("/intervisie/mijn/").status_code == 200
    assert lid.get("/casussen/nieuw/").status_code == 404
    assert client_for("anonymous").get("/intervisie/nieuw/").status_code == 302


def test_the_route_methods_pass_djangos_checks():
    """A route method named like a Model attribute (``check``) would break the model's checks."""
    from django.core.management import call_command

    call_command("check", "casuses", "lunchsessions")
