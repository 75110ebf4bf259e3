"""Nothing of a member's record outside /mijn-ontwikkeling/: not in search, the sitemap, feeds or caches."""

import pytest

from development.factories import AttendanceFactory, ManualActivityFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["anonymous", "lid", "redacteur", "beheerder"])
def test_nothing_of_the_record_in_search_sitemap_or_feeds(client_for, role_users, past_session, role):
    AttendanceFactory(session=past_session, user=role_users["lid"])
    ManualActivityFactory(user=role_users["lid"], title="Geheimeopleidingxyz")
    client = client_for(role)
    found = client.get("/api/search?q=Geheimeopleidingxyz").json()
    assert found["results"] == []
    for path in ("/sitemap.xml", "/lunchsessies/feed/"):
        body = client.get(path).content.decode()
        assert "Geheimeopleidingxyz" not in body and "mijn-ontwikkeling" not in body and "verifieer" not in body


@pytest.mark.parametrize("role", ["moderator", "redacteur", "beheerder"])
def test_staff_see_their_own_record_never_a_members(client_for, role_users, role):
    ManualActivityFactory(user=role_users["lid"], title="Training van het lid")
    body = client_for(role).get("/mijn-ontwikkeling/").content.decode()
    assert "Training van het lid" not in body


@pytest.mark.parametrize(
    "path", ["/mijn-ontwikkeling/", "/mijn-ontwikkeling/export.csv", "/mijn-ontwikkeling/overzicht.pdf"]
)
def test_member_responses_are_never_stored(client_for, path):
    response = client_for("lid").get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_anonymous_visitors_get_nothing_personal(client_for, past_session, role_users):
    attendance = AttendanceFactory(session=past_session, user=role_users["lid"])
    client = client_for("anonymous")
    for path in (
        "/mijn-ontwikkeling/",
        "/mijn-ontwikkeling/export.csv",
        f"/mijn-ontwikkeling/bewijs/{attendance.pk}.pdf",
    ):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
