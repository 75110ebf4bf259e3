"""Each role x each search path, with the expected status (same style as tests/community/test_permission_matrix.py)."""

import pytest

from tests.conftest import ROLES

MATRIX = [
    ("/zoeken/", {}, 200),
    ("/zoeken/?q=omgang", {}, 200),
    ("/zoeken/?q=omgang&page=0", {}, 400),
    ("/api/search?q=omgang", {}, 200),
    ("/api/search", {}, 400),
    ("/api/search/suggest?q=om", {}, 200),
    ("/api/openapi.json", {}, 200),
    ("/api/docs", {}, 200),
]


@pytest.mark.parametrize("path,overrides,default", MATRIX, ids=[row[0] for row in MATRIX])
@pytest.mark.parametrize("role", ROLES)
def test_status_per_role(client_for, role, path, overrides, default):
    response = client_for(role).get(path)
    assert response.status_code == overrides.get(role, default), f"{role} on {path}"
