"""Each role x each casus path, with the expected status (same style as tests/community/test_permission_matrix.py).

200 shown, 302 sent to log-in, 403 refused (restricted pages show a teaser with 403), 404 not found
(someone else's casus to edit), 405 wrong method.
"""

import pytest

from tests.conftest import ROLES

A, ACC, L, V, M, R, B = ROLES

MATRIX = [
    # path template, {role: expected status}, default for roles not named
    ("/casussen/", {A: 403, ACC: 403}, 200),
    ("/casussen/nieuw/", {A: 302, ACC: 403}, 200),
    ("/casussen/mijn/", {A: 302, ACC: 403}, 200),
    ("/casussen/moderatie/", {A: 302, M: 200, B: 200}, 403),
    ("/casussen/{slug}/", {A: 403, ACC: 403}, 200),
    ("/casussen/{pk}/bewerken/", {A: 302, ACC: 403, L: 200}, 404),
    ("/casussen/controle/", {A: 302, ACC: 403}, 405),
    ("/casussen/{pk}/reageren/", {A: 302, ACC: 403}, 405),
    ("/casussen/{pk}/intrekken/", {A: 302, ACC: 403}, 405),
]


@pytest.fixture
def casus(make_casus, role_users):
    return make_casus(role_users["lid"])


@pytest.mark.parametrize("template,overrides,default", MATRIX, ids=[row[0] for row in MATRIX])
def test_status_per_role(client_for, casus, template, overrides, default):
    # One test per path, all roles inside: the role users are made once per path.
    path = template.format(slug=casus.slug, pk=casus.pk)
    for role in ROLES:
        response = client_for(role).get(path)
        assert response.status_code == overrides.get(role, default), f"{role} on {path}"
        if response.status_code in (200, 403):
            assert "no-store" in response.get("Cache-Control", ""), f"{role} on {path}"


POSTS = [
    # path template, data, roles allowed to act (others get 302 to log-in, 403 or 404)
    ("/casussen/{pk}/reageren/", {"body": "Advies"}, {L, V, M, R, B}),
    ("/casussen/reacties/{reaction}/melden/", {"reason": "Kwetsend"}, {L, V, M, R, B}),
    ("/casussen/reacties/{reaction}/nuttig/", {}, {L}),
    ("/casussen/reacties/{reaction}/verbergen/", {"reason": "Kwetsend"}, {M, B}),
    ("/casussen/{pk}/afsluiten/", {"follow_up": "Het is goed gekomen."}, {L}),
    ("/casussen/{pk}/intrekken/", {}, {L}),
    # issue 18: the reaction is by V, the casus by L
    ("/casussen/reacties/{reaction}/bewerken/", {"body": "Een bewerkte reactie"}, {V}),
    ("/casussen/reacties/{reaction}/intrekken/", {}, {V}),
    ("/casussen/reacties/{reaction}/waarderen/", {"kind": "usable"}, {L, M, R, B}),
    ("/casussen/{pk}/volgende-ronde/", {}, {L}),
]


@pytest.mark.parametrize("template,data,allowed", POSTS, ids=[row[0] for row in POSTS])
def test_actions_per_role(client_for, casus, role_users, template, data, allowed):
    # Roles in ROLES order; an allowed action never stops a later allowed role (only L withdraws or closes).
    from casuses.models import Reaction

    reaction = Reaction.objects.create(casus=casus, author=role_users["vereniging"], body="Een reactie")
    path = template.format(pk=casus.pk, reaction=reaction.pk)
    for role in ROLES:
        response = client_for(role).post(path, data)
        if role in allowed:
            assert response.status_code == 302 and "/accounts/login/" not in response["Location"], f"{role} on {path}"
        else:
            assert response.status_code in (302, 403, 404), f"{role} on {path}"
            if response.status_code == 302:
                assert "/accounts/login/" in response["Location"], f"{role} on {path}"
