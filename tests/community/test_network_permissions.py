"""Each role x each path of the network (organisations, regions, ouderbijeenkomsten, members, settings)."""

import datetime

import pytest
from django.utils import timezone

from community.models import MemberProfile, Organisation, ParentMeeting, Region
from tests.conftest import ROLES

A, ACC, L, V, M, R, B = ROLES

MATRIX = [
    ("/organisaties/", {}, 200),
    ("/organisaties/voorbeeld/", {}, 200),
    ("/organisaties/regio/", {}, 200),
    ("/organisaties/regio/arnhem/", {}, 200),
    ("/organisaties/ouderbijeenkomsten/", {}, 200),
    ("/organisaties/ouderbijeenkomsten/organiseren/", {}, 200),
    ("/organisaties/ouderbijeenkomsten/agenda.ics", {}, 200),
    ("/organisaties/ouderbijeenkomsten/{meeting}/", {}, 200),
    ("/leden/", {A: 302, ACC: 403}, 200),
    ("/leden/{member}/", {A: 302, ACC: 403}, 200),
    ("/leden/instellingen/profiel/", {A: 302, ACC: 403}, 200),
    ("/leden/instellingen/meldingen/", {A: 302}, 200),
    ("/leden/instellingen/gegevens/", {A: 302}, 200),
    ("/leden/instellingen/gegevens/download/", {A: 302}, 200),
    ("/leden/instellingen/account-verwijderen/", {A: 302}, 200),
    ("/meldingen/afmelden/ongeldig/", {}, 400),
]


@pytest.fixture
def network_data(role_users):
    Organisation.objects.create(name="Voorbeeld", slug="voorbeeld")
    starts = timezone.now() + datetime.timedelta(days=5)
    meeting = ParentMeeting.objects.create(
        region=Region.objects.get(slug="arnhem"),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        venue="Stadhuis",
    )
    profile = MemberProfile.objects.create(user=role_users["vereniging"], profession="Omgangsbegeleider")
    return {"meeting": meeting.pk, "member": profile.user_id}


@pytest.mark.parametrize("path,overrides,default", MATRIX, ids=[row[0] for row in MATRIX])
@pytest.mark.parametrize("role", ROLES)
def test_status_per_role(client_for, network_data, role, path, overrides, default):
    response = client_for(role).get(path.format(**network_data))
    assert response.status_code == overrides.get(role, default), f"{role} on {path}"
