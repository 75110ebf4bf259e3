"""Each role x each lunch-session path, with the expected status (same style as the core matrix).

Statuses: 200 shown, 302 sent elsewhere (log-in, MFA set-up), 403 refused (teaser), 404 hidden,
405 wrong method (register/unregister only take POST).
"""

import pytest

from lunchsessions.models import CalendarToken
from tests.conftest import ROLES

A, ACC, L, V, M, R, B = ROLES

RECAP = [("summary", "<p>Terugblik.</p>")]

MATRIX = [
    ("/lunchsessies/", {}, 200),
    ("/lunchsessies/agenda.ics", {}, 200),
    ("/lunchsessies/feed/", {}, 200),
    ("/lunchsessies/openbaar/", {}, 200),
    ("/lunchsessies/leden/", {A: 403, ACC: 403}, 200),
    ("/lunchsessies/openbare-terugblik/", {}, 200),
    ("/lunchsessies/leden-terugblik/", {A: 403, ACC: 403}, 200),
    ("/lunchsessies/mijn-agenda/", {A: 302, ACC: 403}, 200),
    ("/lunchsessies/mijn-agenda/{token}.ics", {}, 200),
    ("/lunchsessies/mijn-agenda/onbekend.ics", {}, 404),
    ("/lunchsessies/aanmelden/{session}/", {}, 405),
    ("/lunchsessies/afmelden/{session}/", {}, 405),
    # Registrations are editors' work: moderators have no rights on lunch sessions (least privilege).
    ("/cms/lunchsessies/{session}/aanmeldingen/", {A: 302, ACC: 302, L: 302, V: 302, M: 302}, 200),
    ("/cms/lunchsessies/{session}/aanmeldingen.csv", {A: 302, ACC: 302, L: 302, V: 302, M: 302}, 200),
]


@pytest.fixture
def lunch_paths(make_session, role_users):
    session = make_session(title="Openbaar", slug="openbaar")
    make_session(title="Leden", slug="leden", members_only=True)
    make_session(title="Openbare terugblik", slug="openbare-terugblik", days=-5, recap=RECAP)
    make_session(title="Leden-terugblik", slug="leden-terugblik", days=-5, recap=RECAP, members_only=True)
    token = CalendarToken.issue(role_users["lid"])
    return {"session": session.pk, "token": token.token}


@pytest.mark.parametrize("path,overrides,default", MATRIX, ids=[row[0] for row in MATRIX])
@pytest.mark.parametrize("role", ROLES)
def test_status_per_role(client_for, lunch_paths, role, path, overrides, default):
    response = client_for(role).get(path.format(**lunch_paths))
    assert response.status_code == overrides.get(role, default), f"{role} on {path}"
