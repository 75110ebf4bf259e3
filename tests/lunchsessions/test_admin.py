import csv
import io

import pytest

from community.demo.factories import MemberProfileFactory
from lunchsessions.factories import RegistrationFactory
from lunchsessions.models import Registration

pytestmark = pytest.mark.django_db


def test_editor_sees_registrations_and_exports_csv(client_for, upcoming_session):
    first = RegistrationFactory(session=upcoming_session, user=MemberProfileFactory(user__first_name="=Anna").user)
    RegistrationFactory(session=upcoming_session, status=Registration.Status.WAITLISTED)
    client = client_for("redacteur")
    page = client.get(f"/cms/lunchsessies/{upcoming_session.pk}/aanmeldingen/")
    assert page.status_code == 200
    assert first.user.email in page.content.decode()
    assert "1 van 2 plaatsen bezet, 1 op de wachtlijst" in page.content.decode()

    response = client.get(f"/cms/lunchsessies/{upcoming_session.pk}/aanmeldingen.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Naam", "E-mail", "Organisatie", "Status"]
    assert [row[3] for row in rows[1:]] == ["Aangemeld", "Op de wachtlijst"]
    assert rows[1][0].startswith("'=")  # no spreadsheet formula injection


def test_registrations_button_in_page_header(client_for, upcoming_session):
    page = client_for("redacteur").get(f"/cms/pages/{upcoming_session.pk}/edit/")
    assert page.status_code == 200
    assert f"/cms/lunchsessies/{upcoming_session.pk}/aanmeldingen/" in page.content.decode()


@pytest.mark.parametrize("role,status", [("lid", 302), ("account", 302), ("redacteur", 200), ("beheerder", 200)])
def test_registrations_admin_is_for_editors(client_for, upcoming_session, role, status):
    assert client_for(role).get(f"/cms/lunchsessies/{upcoming_session.pk}/aanmeldingen.csv").status_code == status
