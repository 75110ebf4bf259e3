"""Cancel workflows left open on pages that no longer have that workflow.

0007 took Wagtail's "Moderators approval" off methodiek, training and lunch sessions (editors publish
them themselves), but pages already in moderation kept their in-progress WorkflowState: the page stayed
locked for editors, showed "Goedkeuren en publiceren" to beheerders only, and acting on it could meet a
task that no longer belongs to the page. Every in-progress (or needs-changes) workflow state whose
workflow is inactive or no longer assigned to the page or one of its ancestors is cancelled, with its
open task state, as Wagtail's own ``Workflow.deactivate()`` does.
"""

from django.db import migrations
from django.utils import timezone

OPEN = ("in_progress", "needs_changes")


def ancestor_paths(path: str, steplen: int = 4) -> list[str]:
    return [path[:end] for end in range(steplen, len(path) + 1, steplen)]


def cancel_stale(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()

    assigned = {}  # workflow id -> paths of the pages it is assigned to
    for workflow_id, path in WorkflowPage.objects.filter(workflow__active=True).values_list("workflow_id", "page__path"):
        assigned.setdefault(workflow_id, set()).add(path)
    now = timezone.now()
    for state in WorkflowState.objects.filter(status__in=OPEN, base_content_type=page_type):  # pages, not snippets
        page = Page.objects.filter(pk=state.object_id).only("path").first()
        if page is not None and assigned.get(state.workflow_id, set()) & set(ancestor_paths(page.path)):
            continue  # still the page's workflow
        TaskState.objects.filter(workflow_state=state, status="in_progress").update(status="cancelled", finished_at=now)
        state.status = "cancelled"
        state.save(update_fields=["status"])


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0007_least_privilege_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(cancel_stale, migrations.RunPython.noop)]
