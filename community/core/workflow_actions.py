"""Wagtail's page edit view, with workflow actions ("Goedkeuren en publiceren") that act on the step the
editor saw, once.

Wagtail checks that the posted action is available for the page's current task, then saves the form and a
revision, and only then looks the current task up again to call ``on_action`` on it. When another request
finished that task in between (a double click, a second tab, a colleague), the second lookup is ``None``
and the view answered 500 (``'NoneType' object has no attribute 'on_action'``). Here the check and the act
happen in one transaction holding the task state's row lock, on the task state that was checked; a step
that is no longer open gets a clear Dutch message, and what the editor changed is kept as a draft.
"""

import json

from django.contrib import messages
from django.db import transaction
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.edit import EditView as WagtailEditView
from wagtail.models import TaskState


def stale_step_message() -> str:
    return _(
        "Deze stap was al afgehandeld, bijvoorbeeld in een ander tabblad of door een collega, dus uw "
        "actie is niet uitgevoerd. Uw wijzigingen zijn als concept bewaard; hieronder ziet u de huidige stand."
    )


class EditView(WagtailEditView):
    checked_task_state = None
    stale_workflow_action = False

    def post(self, request, *args, **kwargs):
        if not request.POST.get("action-workflow-action"):
            return super().post(request, *args, **kwargs)
        with transaction.atomic():
            current = self.page.current_workflow_task_state
            if current is not None:
                # Concurrent actions on this step wait here until the first one has committed.
                self.checked_task_state = TaskState.objects.select_for_update().get(pk=current.pk)
            return super().post(request, *args, **kwargs)

    def workflow_action_is_valid(self):
        valid = self.checked_task_state is not None and super().workflow_action_is_valid()
        self.stale_workflow_action = not valid
        return valid

    def add_save_confirmation_message(self):
        if self.stale_workflow_action:
            messages.warning(self.request, stale_step_message())
        else:
            super().add_save_confirmation_message()

    def step_still_open(self) -> bool:
        task_state = TaskState.objects.select_related("workflow_state").get(pk=self.checked_task_state.pk)
        return (
            task_state.status == TaskState.STATUS_IN_PROGRESS
            and task_state.workflow_state.current_task_state_id == task_state.pk
        )

    def perform_workflow_action(self):
        self.page = self.form.save(commit=not self.page.live)
        self.subscription.save()
        if self.has_content_changes:
            revision = self.page.save_revision(
                user=self.request.user,
                log_action=True,
                previous_revision=(self.previous_revision if self.is_reverting else None),
            )
            if "comments" in self.form.formsets:
                changes = self.get_commenting_changes()
                self.log_commenting_changes(changes, revision)
                self.send_commenting_notifications(changes)

        if not self.step_still_open():
            messages.error(self.request, stale_step_message())
            return self.redirect_and_remain()

        extra_workflow_data = json.loads(self.request.POST.get("workflow-action-extra-data", "{}"))
        task_state = self.checked_task_state.specific
        task_state.task.specific.on_action(task_state, self.request.user, self.workflow_action, **extra_workflow_data)
        self.add_save_confirmation_message()

        response = self.run_hook("after_edit_page", self.request, self.page)
        if response:
            return response
        return self.redirect_away()


edit_view = never_cache(require_admin_access(EditView.as_view()))
