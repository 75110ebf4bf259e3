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


# The CMS: each role x each admin area (302: sent to log-in or back to the dashboard).
ONLY_BEHEERDER = {B: 200}
STAFF_CONTENT = {R: 200, B: 200}
CMS_AREAS = [
    ("/cms/images/", STAFF_CONTENT),
    ("/cms/documents/", STAFF_CONTENT),
    ("/cms/users/", ONLY_BEHEERDER),
    ("/cms/groups/", ONLY_BEHEERDER),
    ("/cms/lidmaatschapsaanvragen/", ONLY_BEHEERDER),
    ("/cms/workflows/list/", ONLY_BEHEERDER),
]


@pytest.mark.parametrize("path,allowed", CMS_AREAS, ids=[row[0] for row in CMS_AREAS])
@pytest.mark.parametrize("role", ROLES)
def test_cms_area_per_role(client_for, role, path, allowed):
    assert client_for(role).get(path).status_code == allowed.get(role, 302), f"{role} on {path}"


@pytest.fixture
def content_pages(home_page):
    from casuses.models import ensure_index
    from lunchsessions.factories import LunchSessionIndexPageFactory, LunchSessionPageFactory
    from methodology.factories import GuidePageFactory, MethodologyIndexPageFactory, TrainingModulePageFactory

    methodiek = MethodologyIndexPageFactory(parent=home_page)
    lunch = LunchSessionIndexPageFactory(parent=home_page)
    return {
        "methodiek": GuidePageFactory(parent=methodiek),
        "training": TrainingModulePageFactory(parent=methodiek),
        "lunchsessie": LunchSessionPageFactory(parent=lunch),
        "casussen": ensure_index(home_page),
        "home": home_page,
    }


EDIT_AND_PUBLISH = {"view": True, "edit": True, "publish": True}
NOTHING = {"view": False, "edit": False, "publish": False}
PAGE_RIGHTS = {
    # area: {role: rights}; roles not named have none
    "methodiek": {R: EDIT_AND_PUBLISH, B: EDIT_AND_PUBLISH},
    "training": {R: EDIT_AND_PUBLISH, B: EDIT_AND_PUBLISH},
    "lunchsessie": {R: EDIT_AND_PUBLISH, B: EDIT_AND_PUBLISH},
    "casussen": {M: EDIT_AND_PUBLISH, B: EDIT_AND_PUBLISH},  # moderators approve, which publishes
    "home": {B: EDIT_AND_PUBLISH},
}


@pytest.mark.parametrize("area", list(PAGE_RIGHTS))
@pytest.mark.parametrize("role", ROLES)
def test_cms_page_rights_per_role(client_for, role_users, content_pages, role, area):
    page = content_pages[area]
    expected = PAGE_RIGHTS[area].get(role, NOTHING)
    user = role_users[role]
    if user is None:
        assert expected == NOTHING
        return
    permissions = page.permissions_for_user(user)
    explorer = client_for(role).get(f"/cms/pages/{page.pk}/edit/")
    actual = {"view": explorer.status_code == 200, "edit": permissions.can_edit(), "publish": permissions.can_publish()}
    assert actual == expected, f"{role} on {area}"
    if not expected["publish"] and explorer.status_code == 200:
        assert "action-publish" not in explorer.content.decode()
