import pytest
from wagtail import hooks

from community.core.cards import Card
from community.core.hooks import MEMBER_CONTRIBUTIONS, Section
from community.demo.factories import MemberFactory, MemberProfileFactory, OrganisationFactory, UserFactory
from community.models import MemberProfile, Region, Visibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(db):
    user = MemberFactory(first_name="Esther", last_name="Mulder")
    profile = MemberProfile.objects.create(
        user=user,
        profession="Gedragswetenschapper",
        organisation=OrganisationFactory(name="Jarabee", slug="jarabee"),
        region=Region.objects.get(slug="zwolle"),
        bio="Werkbegeleider, bereikbaar voor intervisie.",
    )
    profile.expertise.set(["kindgesprek", "interactie-observatie"])
    return profile


def test_directory_and_profiles_are_for_members_only(client_for, colleague):
    for path in ("/leden/", f"/leden/{colleague.user_id}/", "/leden/instellingen/profiel/"):
        assert client_for("anonymous").get(path).status_code == 302
        assert client_for("account").get(path).status_code == 403
        response = client_for("lid").get(path)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_profile_shows_fields_to_members(client_for, colleague):
    html = client_for("lid").get(f"/leden/{colleague.user_id}/").content.decode()
    for text in (
        "Esther Mulder",
        "Gedragswetenschapper",
        "Jarabee",
        "Zwolle",
        "kindgesprek",
        "Werkbegeleider, bereikbaar voor intervisie.",
    ):
        assert text in html


FIELDS = {
    "profession": "Gedragswetenschapper",
    "organisation": "Jarabee",
    "region": "Zwolle",
    "expertise": "interactie-observatie",
    "bio": "Werkbegeleider, bereikbaar voor intervisie.",
}
# visibility -> roles that see the field (the member always sees their own profile)
SEEN_BY = {
    Visibility.MEMBERS: {"lid", "vereniging", "moderator", "redacteur", "beheerder"},
    Visibility.ASSOCIATION: {"vereniging", "beheerder"},
    Visibility.PRIVATE: {"beheerder"},
}


@pytest.mark.parametrize("visibility", list(SEEN_BY))
@pytest.mark.parametrize("field", list(FIELDS))
def test_visibility_choice_per_field_and_role(client_for, colleague, field, visibility):
    setattr(colleague, f"{field}_visibility", visibility)
    colleague.save()
    for role in ("lid", "vereniging", "moderator", "redacteur", "beheerder"):
        html = client_for(role).get(f"/leden/{colleague.user_id}/").content.decode()
        assert (FIELDS[field] in html) == (role in SEEN_BY[visibility]), f"{field}={visibility} seen by {role}"
        assert "Esther Mulder" in html


def test_member_sees_own_private_fields(client, colleague):
    MemberProfile.objects.filter(pk=colleague.pk).update(**{f"{f}_visibility": Visibility.PRIVATE for f in FIELDS})
    client.force_login(colleague.user)
    html = client.get(f"/leden/{colleague.user_id}/").content.decode()
    assert all(value in html for value in FIELDS.values())


def test_contributions_come_from_the_registry_and_respect_the_choice(client_for, colleague):
    def casuses(member, viewer):
        return [Card(type_label="Casus", title=f"Casus van {member.first_name}", url="/c/")]

    with hooks.register_temporarily(MEMBER_CONTRIBUTIONS, lambda: Section(key="test", title="Casussen", items=casuses)):
        assert "Casus van Esther" in client_for("lid").get(f"/leden/{colleague.user_id}/").content.decode()
        colleague.contributions_visibility = Visibility.PRIVATE
        colleague.save()
        assert "Casus van Esther" not in client_for("lid").get(f"/leden/{colleague.user_id}/").content.decode()


def directory_names(response):
    return [card.title for card in response.context["cards"]]


def test_directory_search_by_profession_region_and_expertise(client_for, colleague):
    other = MemberProfileFactory(
        user__last_name="de Wit", profession="Advocaat", region=Region.objects.get(slug="utrecht")
    )  # a name of its own: a random one may be Mulder too
    other.expertise.set(["ouderschapsplan"])
    client = client_for("lid")
    assert directory_names(client.get("/leden/?beroep=gedrag")) == ["Esther Mulder"]
    assert directory_names(client.get("/leden/?regio=zwolle")) == ["Esther Mulder"]
    assert directory_names(client.get("/leden/?expertise=Kindgesprek")) == ["Esther Mulder"]
    assert directory_names(client.get("/leden/?expertise=ouderschapsplan")) == [other.user.get_full_name()]
    assert directory_names(client.get("/leden/?q=mulder")) == ["Esther Mulder"]
    assert directory_names(client.get("/leden/?regio=zwolle&beroep=advocaat")) == []


def test_directory_search_never_matches_on_hidden_fields(client_for, colleague):
    colleague.region_visibility = Visibility.PRIVATE
    colleague.expertise_visibility = Visibility.ASSOCIATION
    colleague.profession_visibility = Visibility.PRIVATE
    colleague.save()
    lid = client_for("lid")
    assert directory_names(lid.get("/leden/?regio=zwolle")) == []
    assert directory_names(lid.get("/leden/?expertise=kindgesprek")) == []
    assert directory_names(lid.get("/leden/?beroep=gedrag")) == []
    assert "kindgesprek" not in lid.get("/leden/").content.decode()  # not in the datalist either
    assert directory_names(client_for("vereniging").get("/leden/?expertise=kindgesprek")) == ["Esther Mulder"]


def test_directory_leaves_out_hidden_inactive_and_former_members(client_for, colleague):
    hidden = MemberProfileFactory(in_directory=False)
    inactive = MemberProfileFactory()
    inactive.user.is_active = False
    inactive.user.save()
    not_member = MemberProfile.objects.create(user=UserFactory(), profession="Mediator")
    names = directory_names(client_for("lid").get("/leden/"))
    assert "Esther Mulder" in names
    for profile in (hidden, inactive, not_member):
        assert profile.user.get_full_name() not in names


def test_directory_queries_do_not_grow_with_members(client_for, colleague, django_assert_max_num_queries):
    client = client_for("lid")
    client.get("/leden/")  # the first request of a session also reads the session and permissions into the cache
    with django_assert_max_num_queries(14) as small:
        client.get("/leden/?beroep=e")
    for i in range(30):
        profile = MemberProfileFactory(
            profession="Jeugdhulpverlener", region=Region.objects.get(slug="arnhem"), organisation=OrganisationFactory()
        )
        profile.expertise.set([f"thema {i}", "scheiding"])
    client.get("/leden/")  # new members joined groups: the groups and permissions are read again once
    with django_assert_max_num_queries(14) as big:
        response = client.get("/leden/?beroep=e")
    assert len(response.context["cards"]) == 24  # one page
    assert len(big.captured_queries) == len(small.captured_queries), [q["sql"][:80] for q in small.captured_queries]


def test_profile_page_queries_are_constant(client_for, colleague, django_assert_max_num_queries):
    client = client_for("lid")
    with django_assert_max_num_queries(13):
        client.get(f"/leden/{colleague.user_id}/")


def test_member_edits_profile_and_visibility(client_for, role_users):
    client = client_for("lid")
    response = client.post(
        "/leden/instellingen/profiel/",
        {
            "profession": "Jeugdhulpverlener",
            "profession_visibility": "members",
            "organisation": "",
            "organisation_name": "Wijkteam Oost",
            "organisation_visibility": "association",
            "region": Region.objects.get(slug="arnhem").pk,
            "region_visibility": "private",
            "expertise": "omgangsbemiddeling, kindgesprek",
            "expertise_visibility": "members",
            "bio": "Ik werk in Arnhem.",
            "bio_visibility": "members",
            "contributions_visibility": "members",
            "in_directory": "on",
        },
    )
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=role_users["lid"])
    assert profile.region_visibility == "private" and profile.organisation_name == "Wijkteam Oost"
    assert sorted(profile.expertise.names()) == ["kindgesprek", "omgangsbemiddeling"]


def test_invalid_profile_keeps_input_and_explains_in_dutch(client_for):
    response = client_for("lid").post(
        "/leden/instellingen/profiel/",
        {
            "profession": "Mediator",
            "profession_visibility": "iedereen",
            "bio": "Mijn tekst",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mijn tekst" in html and "Controleer de gemarkeerde velden" in html


def test_profile_of_a_former_member_is_gone(client_for, colleague):
    colleague.user.groups.clear()
    assert client_for("lid").get(f"/leden/{colleague.user_id}/").status_code == 404
