"""'Goedkeuren en publiceren' in the admin edit view never answers 500 when the step is already taken,
and pages left in a workflow they no longer have are released (community/0008)."""

import importlib

import pytest
from django.apps import apps
from django.db.models.signals import post_save
from wagtail.models import Revision, TaskState, Workflow, WorkflowPage, WorkflowState

from tests.lunchsessions.test_blocks import edit_form

pytestmark = pytest.mark.django_db
APPROVE = {"action-workflow-action": "true", "workflow-action-name": "approve", "workflow-action-extra-data": "{}"}


@pytest.fixture
def in_moderation(past_session, role_users):
    """A lunch session submitted to Wagtail's "Moderators approval" before 0007 took that workflow away."""
    workflow = Workflow.objects.get(name="Moderators approval")
    workflow.active = True
    workflow.save()
    WorkflowPage.objects.create(workflow=workflow, page=past_session.get_parent())
    past_session.save_revision(user=role_users["redacteur"])
    workflow.start(past_session, role_users["redacteur"])
    return past_session


def approve_elsewhere(task_state_pk, user):
    """What a second tab (or a double click) does: approve the same step."""
    task_state = TaskState.objects.get(pk=task_state_pk).specific
    task_state.task.specific.on_action(task_state, user, "approve")


def test_approving_a_step_that_another_request_just_approved_gives_a_message_not_500(
    client_for, in_moderation, role_users
):
    task_state_pk = in_moderation.current_workflow_task_state.pk
    beheerder = role_users["beheerder"]

    def other_request_finishes_first(sender, instance, created, **kwargs):
        # Runs inside the edit view, after Wagtail's check and before its action: the race of a double submit.
        post_save.disconnect(other_request_finishes_first, sender=Revision)
        approve_elsewhere(task_state_pk, beheerder)

    post_save.connect(other_request_finishes_first, sender=Revision, weak=False)
    try:
        response = client_for("beheerder").post(
            f"/cms/pages/{in_moderation.pk}/edit/", {**edit_form(in_moderation, attendees="61"), **APPROVE}, follow=True
        )
    finally:
        post_save.disconnect(other_request_finishes_first, sender=Revision)
    assert response.status_code == 200
    assert "Deze stap was al afgehandeld" in response.content.decode()
    assert TaskState.objects.filter(status="approved").count() == 1  # approved once, not twice
    page = type(in_moderation).objects.get(pk=in_moderation.pk).get_latest_revision_as_object()
    assert page.attendees == 61  # what the beheerder typed is kept as a draft


def test_approving_from_a_stale_tab_says_so(client_for, in_moderation, role_users):
    approve_elsewhere(in_moderation.current_workflow_task_state.pk, role_users["beheerder"])
    response = client_for("beheerder").post(
        f"/cms/pages/{in_moderation.pk}/edit/", {**edit_form(in_moderation), **APPROVE}, follow=True
    )
    assert response.status_code == 200
    assert "Deze stap was al afgehandeld" in response.content.decode()


def test_approve_and_publish_still_works(client_for, in_moderation):
    response = client_for("beheerder").post(
        f"/cms/pages/{in_moderation.pk}/edit/", {**edit_form(in_moderation), **APPROVE}
    )
    assert response.status_code == 302
    in_moderation.refresh_from_db()
    assert in_moderation.live and WorkflowState.objects.get().status == "approved"


def test_migration_releases_pages_whose_workflow_was_taken_away(client_for, in_moderation):
    importlib.import_module("community.migrations.0007_least_privilege_groups").apply(apps, None)
    importlib.import_module("community.migrations.0008_cancel_stale_workflow_states").cancel_stale(apps, None)
    assert WorkflowState.objects.get().status == "cancelled"
    assert not TaskState.objects.filter(status="in_progress").exists()
    in_moderation.refresh_from_db()
    assert in_moderation.get_lock() is None  # editors can edit and publish it again
    html = client_for("redacteur").get(f"/cms/pages/{in_moderation.pk}/edit/").content.decode()
    assert 'name="action-publish"' in html and "workflow-action-name" not in html


def test_migration_keeps_casus_moderation(client_for, home_page, role_users):
    from casuses.models import CasusPage, ensure_index
    from casuses.moderation import moderation_workflow

    index = ensure_index(home_page)
    casus = CasusPage(
        title="Overdracht",
        slug="overdracht",
        live=False,
        situation="De overdracht loopt uit op ruzie.",
        question="Hoe pakken jullie dit op?",
        age_band="4-8",
        author=role_users["lid"],
        owner=role_users["lid"],
    )
    index.add_child(instance=casus)
    casus.save_revision(user=role_users["lid"])
    moderation_workflow().start(casus, role_users["lid"])
    importlib.import_module("community.migrations.0008_cancel_stale_workflow_states").cancel_stale(apps, None)
    assert WorkflowState.objects.get().status == "in_progress"
