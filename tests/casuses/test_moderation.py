"""Moderation: the anonimiteitscontrole task, approving, rejecting with a reason, re-moderation of edits, withdrawal."""

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry, PageLogEntry, TaskState, WorkflowState

from casuses.models import AnonymityCheckTask, CasusPage
from casuses.moderation import moderation_workflow, pending_task_states

pytestmark = pytest.mark.django_db

CLEAN = {
    "title": "Overdracht loopt uit op ruzie",
    "situation": "[MOEDER] en [VADER] maken ruzie bij de overdracht.",
    "question": "Hoe zouden jullie dit oppakken?",
    "age_band": "4-8",
    "tags": "overdracht",
    "action": "submit",
}


def submit(client, **overrides):
    response = client.post("/casussen/nieuw/", {**CLEAN, **overrides})
    assert response.status_code == 302, response.content.decode()[:2000]
    return CasusPage.objects.order_by("-pk").first()


def test_workflow_from_migration_has_anonymity_task(casus_index):
    workflow = moderation_workflow()
    task = workflow.tasks.get().specific
    assert isinstance(task, AnonymityCheckTask)
    assert task.name == "Anonimiteitscontrole"
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]
    assert casus_index.get_workflow() == workflow


def test_task_actions_only_for_moderators(casus_index, role_users):
    task = moderation_workflow().tasks.get().specific
    assert [a[0] for a in task.get_actions(None, role_users["moderator"])] == ["reject", "approve"]
    assert task.get_actions(None, role_users["lid"]) == []


def test_moderator_approves_and_casus_becomes_visible(
    client_for, casus_index, role_users, django_capture_on_commit_callbacks
):
    casus = submit(client_for("lid"))
    assert client_for("vereniging").get(f"/casussen/{casus.slug}/").status_code == 404
    moderator = client_for("moderator")
    queue = moderator.get("/casussen/moderatie/")
    assert casus.title in queue.content.decode()
    task_state = pending_task_states().get()
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(f"/casussen/moderatie/{task_state.pk}/", {"action": "approve"})
    assert response.status_code == 302
    casus.refresh_from_db()
    assert casus.live
    assert client_for("vereniging").get(casus.url).status_code == 200
    assert PageLogEntry.objects.filter(page=casus, action="casuses.approve", user=role_users["moderator"]).exists()
    to_author = [m for m in mail.outbox if role_users["lid"].email in m.to]
    assert [m.subject for m in to_author] == ["[Kennisplein Scheiding] Uw casus is goedgekeurd"]


def test_reject_needs_reason_which_reaches_author(
    client_for, casus_index, role_users, django_capture_on_commit_callbacks
):
    casus = submit(client_for("lid"))
    moderator = client_for("moderator")
    task_state = pending_task_states().get()
    moderator.post(f"/casussen/moderatie/{task_state.pk}/", {"action": "reject", "reason": ""})
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(
            f"/casussen/moderatie/{task_state.pk}/", {"action": "reject", "reason": "De school wordt genoemd."}
        )
    state = WorkflowState.objects.get(object_id=str(casus.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejected = [m for m in mail.outbox if role_users["lid"].email in m.to and "niet goedgekeurd" in m.subject]
    assert rejected and "De school wordt genoemd." in rejected[0].body
    entry = PageLogEntry.objects.get(page=casus, action="casuses.reject")
    assert entry.data["reason"] == "De school wordt genoemd." and entry.user == role_users["moderator"]
    mine = client_for("lid").get("/casussen/mijn/").content.decode()
    assert "De school wordt genoemd." in mine
    assert not CasusPage.objects.get(pk=casus.pk).live


def test_non_moderators_cannot_decide(client_for, casus_index):
    submit(client_for("lid"))
    task_state = pending_task_states().get()
    assert (
        client_for("vereniging").post(f"/casussen/moderatie/{task_state.pk}/", {"action": "approve"}).status_code == 403
    )
    assert not CasusPage.objects.get().live


def test_edit_goes_through_moderation_again(client_for, casus_index, role_users):
    lid = client_for("lid")
    casus = submit(lid)
    moderator = client_for("moderator")
    moderator.post(f"/casussen/moderatie/{pending_task_states().get().pk}/", {"action": "approve"})
    response = lid.post(
        f"/casussen/{casus.pk}/bewerken/",
        {**CLEAN, "title": "Nieuwe titel", "token": "0b7f3c1e-4b8a-4a51-9e1d-3d1a5b7c9e55"},
    )
    assert response.status_code == 302
    casus.refresh_from_db()
    assert casus.live and casus.title == "Overdracht loopt uit op ruzie"  # the approved version stays
    moderator.post(f"/casussen/moderatie/{pending_task_states().get().pk}/", {"action": "approve"})
    casus.refresh_from_db()
    assert casus.title == "Nieuwe titel"


def test_only_the_author_edits(client_for, casus_index, make_casus, role_users):
    casus = make_casus(role_users["lid"])
    assert client_for("vereniging").get(f"/casussen/{casus.pk}/bewerken/").status_code == 404
    assert client_for("lid").get(f"/casussen/{casus.pk}/bewerken/").status_code == 200


def test_author_withdraws(client_for, casus_index, make_casus, role_users):
    casus = make_casus(role_users["lid"])
    assert client_for("vereniging").post(f"/casussen/{casus.pk}/intrekken/").status_code == 404
    assert client_for("lid").post(f"/casussen/{casus.pk}/intrekken/").status_code == 302
    casus.refresh_from_db()
    assert not casus.live
    assert PageLogEntry.objects.filter(page=casus, action="casuses.withdraw").exists()


def test_withdraw_during_moderation_cancels_workflow(client_for, casus_index):
    casus = submit(client_for("lid"))
    client_for("lid").post(f"/casussen/{casus.pk}/intrekken/")
    assert not pending_task_states().exists()
    assert ModelLogEntry.objects.count() >= 0


def test_admin_preview_highlights_remaining_findings(casus_index, make_casus, role_users, rf):
    from django.contrib.sessions.middleware import SessionMiddleware

    casus = make_casus(role_users["lid"], situation="Vader belde vanaf 06-12345678 over de overdracht.")
    request = rf.get(casus.url)
    SessionMiddleware(lambda r: None).process_request(request)
    request.user = role_users["moderator"]
    request.is_preview = True
    response = casus.serve_preview(request, "")
    response.render()
    html = response.content.decode()
    assert 'class="finding finding--block"' in html and "06-12345678" in html
    assert "no-store" in response["Cache-Control"]
