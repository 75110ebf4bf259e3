"""What waits for an editor, on the CMS dashboard (/cms/): a few short lists from the EDITOR_TASKS hook, each one query."""

from operator import attrgetter

from wagtail.admin.ui.components import Component
from wagtail.models import Page

from community.core.hooks import EDITOR_TASKS, collect

LIMIT = 10


def own_drafts(user):
    return list(
        Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
        .order_by("-latest_revision_created_at")
        .only("id", "title", "draft_title", "latest_revision_created_at", "live")[:LIMIT]
    )


class EditorTasksPanel(Component):
    name = "editor_tasks"
    template_name = "community/admin/editor_tasks_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        return {
            "sections": [
                {"key": tasks.key, "heading": tasks.heading, "pages": tasks.pages(user), "empty": tasks.empty}
                for tasks in sorted(collect(EDITOR_TASKS), key=attrgetter("order"))
            ],
        }


def may_edit_content(user) -> bool:
    return user.is_superuser or user.groups.filter(name="Editors").exists()
