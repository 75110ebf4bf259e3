"""Redacteuren publish lunch sessions, methodiek and training themselves; only casussen have a workflow."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow, WorkflowState

pytestmark = pytest.mark.django_db


def edit_form_data(html: str, streams=("recap", "slides", "related")) -> dict:
    form = BeautifulSoup(html, "html.parser").find("form", id="page-edit-form")
    data = {f"{name}-count": "0" for name in streams}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            selected = field.find("option", selected=True)
            data[name] = selected["value"] if selected else ""
        else:
            data[name] = field.get("value", "")
    return data


def test_lunch_session_has_no_workflow_and_redacteur_may_publish(role_users, upcoming_session):
    assert upcoming_session.get_workflow() is None
    permissions = upcoming_session.permissions_for_user(role_users["redacteur"])
    assert permissions.can_publish() and permissions.can_edit()
    assert not upcoming_session.permissions_for_user(role_users["moderator"]).can_edit()


def test_redacteur_publishes_from_the_edit_view(client_for, upcoming_session):
    client = client_for("redacteur")
    url = f"/cms/pages/{upcoming_session.pk}/edit/"
    html = client.get(url).content.decode()
    assert "Stuur door naar" not in html and "Moderators approval" not in html
    data = edit_form_data(html)
    data["title"] = "Nieuwe titel door redacteur"
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    upcoming_session.refresh_from_db()
    assert upcoming_session.title == "Nieuwe titel door redacteur" and upcoming_session.live


def test_approve_and_publish_as_beheerder_in_a_workflow(client_for, role_users, upcoming_session):
    workflow = Workflow.objects.create(name="Test", active=True)
    task = GroupApprovalTask.objects.create(name="Controle")
    task.groups.set([Group.objects.get(name="Moderators")])
    workflow.workflow_tasks.create(task=task, sort_order=0)
    upcoming_session.save_revision(user=role_users["redacteur"])
    workflow.start(upcoming_session, role_users["redacteur"])
    client = client_for("beheerder")
    url = f"/cms/pages/{upcoming_session.pk}/edit/"
    data = edit_form_data(client.get(url).content.decode())
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED
