"""Each role x each methodiek path (with the demo content), with the expected status.

Same style as tests/community/test_permission_matrix.py. 200 shown, 403 refused (restricted pages show a
teaser, restricted documents a Dutch refusal page). One demo load per role keeps the suite fast.
"""

from io import StringIO

import pytest

from tests.conftest import ROLES

A, ACC, L, V, M, R, B = ROLES
NOT_MEMBERS = {A: 403, ACC: 403}
NOT_ASSOCIATION = {A: 403, ACC: 403, L: 403, M: 403, R: 403}

MATRIX = [
    # path, {role: expected status}, default
    ("/methodiek/", {}, 200),
    ("/methodiek/fasen/", {}, 200),
    ("/methodiek/fasen/intake/", {}, 200),
    ("/methodiek/fasen/melding-jeugdteam-veilig-thuis/", {}, 200),
    ("/methodiek/technieken/", {}, 200),
    ("/methodiek/technieken/mediationtechnieken/", {}, 200),
    ("/methodiek/werkmaterialen/", {}, 200),
    ("/methodiek/in-vogelvlucht/", {}, 200),
    ("/methodiek/handleiding-uitvoering/", NOT_MEMBERS, 200),
    ("/methodiek/werken-met-het-kind/", NOT_MEMBERS, 200),
    ("/methodiek/melden-jeugdteam-veilig-thuis/", NOT_ASSOCIATION, 200),
    ("/methodiek/module-kennismaken/", {}, 200),
    ("/methodiek/module-gespreksvoering/", NOT_MEMBERS, 200),
    ("/methodiek/module-basistraining/", NOT_ASSOCIATION, 200),
    ("/methodiek/module-werkbegeleiding/", NOT_ASSOCIATION, 200),
    ("document:folder-ouders", {}, 200),
    ("document:checklist-ouderschapsplan", NOT_MEMBERS, 200),
    ("document:samenwerkingsovereenkomst", NOT_ASSOCIATION, 200),
    ("document:evaluatieformulier", NOT_ASSOCIATION, 200),
]


@pytest.fixture
def demo(home_page, role_users):
    from community.demo.content import DemoContext
    from methodology import demo as methodology_demo

    context = DemoContext(stdout=StringIO(), home=home_page)
    methodology_demo.load(context)
    return context.methodology


@pytest.mark.parametrize("role", ROLES)
def test_status_per_role(client_for, demo, role):
    client = client_for(role)
    wrong = []
    for path, overrides, default in MATRIX:
        url = demo["documents"][path.removeprefix("document:")].url if path.startswith("document:") else path
        status = client.get(url).status_code
        if status != overrides.get(role, default):
            wrong.append(f"{path}: {status}, expected {overrides.get(role, default)}")
    assert wrong == [], f"{role}: {wrong}"
