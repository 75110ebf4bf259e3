import csv
import io

import pytest
from wagtail.models import Workflow, WorkflowState

from community.factories import MemberProfileFactory
from lunchsessions.factories import RegistrationFactory
from lunchsessions.models import LunchSessionPage, Registration

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


def test_recap_goes_through_moderation_workflow(client_for, role_users, past_session):
    """A redacteur writes the recap and submits it; a moderator approves; only then is it live."""
    assert past_session.get_workflow() is not None
    redacteur = client_for("redacteur")
    edit_url = f"/cms/pages/{past_session.pk}/edit/"
    assert redacteur.get(edit_url).status_code == 200

    past_session.recap = [("summary", "<p>Nieuwe terugblik in concept.</p>")]
    revision = past_session.save_revision(user=role_users["redacteur"])
    assert not past_session.permissions_for_user(role_users["redacteur"]).can_publish()
    workflow = past_session.get_workflow()
    workflow.start(past_session, role_users["redacteur"])
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(past_session.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    preview = redacteur.get(f"/cms/pages/{past_session.pk}/edit/preview/?mode=")
    assert preview.status_code in (200, 405)

    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, role_users["moderator"], "approve")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    published = LunchSessionPage.objects.get(pk=past_session.pk)
    assert published.live and published.latest_revision_id == revision.pk
    assert "Nieuwe terugblik" in client_for("anonymous").get(past_session.url).content.decode()
    assert Workflow.objects.filter(active=True).exists()
