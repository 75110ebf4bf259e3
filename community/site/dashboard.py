"""What waits for an editor, on the CMS dashboard (/cms/): a few short lists, each one query."""

import datetime

from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page

LIMIT = 10
REVIEW_INTERVAL = datetime.timedelta(days=365)


def sessions_without_recap(user, now=None):
    from lunchsessions.models import LunchSessionPage

    sessions = (
        LunchSessionPage.objects.filter(live=True, start__lt=now or timezone.now(), transcript="", recording_embed_url="")
        .order_by("-start")
        .only("id", "title", "draft_title", "start", "recap")[: LIMIT * 3]
    )
    return [session for session in sessions if not session.recap][:LIMIT]


def own_drafts(user):
    return list(
        Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
        .order_by("-latest_revision_created_at")
        .only("id", "title", "draft_title", "latest_revision_created_at", "live")[:LIMIT]
    )


def guides_due_for_review(user, today=None):
    from methodology.models import GuidePage

    cutoff = (today or timezone.localdate()) - REVIEW_INTERVAL
    return list(
        GuidePage.objects.filter(Q(last_reviewed__lt=cutoff) | Q(last_reviewed__isnull=True))
        .order_by(F("last_reviewed").asc(nulls_first=True))
        .only("id", "title", "draft_title", "last_reviewed")[:LIMIT]
    )


class EditorTasksPanel(Component):
    name = "editor_tasks"
    template_name = "community/admin/editor_tasks_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        return {
            "sections": [
                {"key": "recaps", "heading": _("Sessies zonder terugblik"), "pages": sessions_without_recap(user),
                 "empty": _("Alle voorbije sessies hebben een terugblik.")},
                {"key": "drafts", "heading": _("Uw concepten"), "pages": own_drafts(user),
                 "empty": _("U heeft geen onafgemaakte concepten.")},
                {"key": "review", "heading": _("Handleidingen langer dan een jaar niet gecontroleerd"),
                 "pages": guides_due_for_review(user), "empty": _("Alle handleidingen zijn het afgelopen jaar gecontroleerd.")},
            ],
        }


def may_edit_content(user) -> bool:
    return user.is_superuser or user.groups.filter(name="Editors").exists()
