"""Who may do what in the CMS (the groups are set up by migration 0007_least_privilege_groups).

Editors add, edit and publish under the methodiek and lunch-session indexes; an index created
after the migration gets the same rights through ``grant_editors``.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from wagtail.models import GroupPagePermission

EDITORS = "Editors"
MODERATORS = "Moderators"
EDITOR_PAGE_CODENAMES = ("add_page", "change_page", "publish_page")


def grant_editors(index) -> None:
    editors = Group.objects.get(name=EDITORS)
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=EDITOR_PAGE_CODENAMES
    ):
        GroupPagePermission.objects.get_or_create(group=editors, page=index, permission=permission)


EDITOR_INDEX_MODELS = ("methodology.MethodologyIndexPage", "lunchsessions.LunchSessionIndexPage")


def _grant_on_new_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_editors(instance)


def connect() -> None:
    for model in EDITOR_INDEX_MODELS:
        post_save.connect(_grant_on_new_index, sender=model, dispatch_uid=f"kennisplein-editors-{model}")
