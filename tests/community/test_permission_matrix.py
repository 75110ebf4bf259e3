"""Each role x each path of the URL map that exists, with the expected status.

Later issues add their paths here. Statuses: 200 shown, 302 sent elsewhere (log-in, MFA set-up),
403 refused (restricted pages show a teaser with 403).
"""

import pytest

from tests.conftest import ROLES

A, ACC, L, V, M, R, B = ROLES

MATRIX = [
    # path, {role: expected status}, default for roles not named
    ("/", {}, 200),
    ("/healthz", {}, 200),
    ("/sitemap.xml", {}, 200),
    ("/accounts/login/", {ACC: 302, L: 302, V: 302, M: 302, R: 302, B: 302}, 200),
    ("/accounts/signup/", {ACC: 302, L: 302, V: 302, M: 302, R: 302, B: 302}, 200),
    ("/accounts/password/reset/", {}, 200),
    ("/accounts/email/", {A: 302}, 200),
    ("/accounts/2fa/", {A: 302}, 200),
    ("/lidmaatschap/", {A: 302}, 200),
    ("/cms/", {A: 302, ACC: 302, L: 302, V: 302}, 200),
    ("/cms/lidmaatschapsaanvragen/", {A: 302, ACC: 302, L: 302, V: 302, M: 302, R: 302}, 200),
]


@pytest.mark.parametrize("path,overrides,default", MATRIX, ids=[row[0] for row in MATRIX])
@pytest.mark.parametrize("role", ROLES)
def test_status_per_role(client_for, role, path, overrides, default):
    response = client_for(role).get(path)
    assert response.status_code == overrides.get(role, default), f"{role} on {path}"
