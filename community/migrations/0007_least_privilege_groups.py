"""Least privilege in the CMS, and no approval step where editors publish themselves.

- Moderators moderate casussen only (through the Casusmoderatie workflow and /casussen/moderatie/):
  change/publish on the casus index (casuses.moderation.ensure_index), nothing else: no rights on
  the root (Wagtail gave them add/change/publish there), no images or documents.
- Editors add, edit and publish the methodiek (guides, training) and the lunch sessions, and manage
  documents and images; no rights elsewhere in the tree (Wagtail gave them add/change on the root).
- Beheerders are superusers (users, groups, applications).
- Wagtail's default "Moderators approval" workflow on the root is switched off: only casussen go
  through a workflow (their own, on the casus index).

Index pages made later (load_demo, or a beheerder in /cms/) get the editors' rights through
``community.core.permissions.grant_editors``.
"""

from django.db import migrations

EDITOR_PAGE_CODENAMES = ("add_page", "change_page", "publish_page")
EDITOR_INDEX_MODELS = (("methodology", "methodologyindexpage"), ("lunchsessions", "lunchsessionindexpage"))
CASUS_WORKFLOW = "Casusmoderatie"


def apply(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    moderators, _ = Group.objects.get_or_create(name="Moderators")
    editors, _ = Group.objects.get_or_create(name="Editors")
    admin_access = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")

    casus_index_type = ContentType.objects.filter(app_label="casuses", model="casusindexpage").first()
    GroupPagePermission.objects.filter(group=moderators).exclude(page__content_type=casus_index_type).delete()
    GroupCollectionPermission.objects.filter(group=moderators).delete()
    moderators.permissions.set(admin_access)

    index_types = [
        ContentType.objects.filter(app_label=app_label, model=model).first() for app_label, model in EDITOR_INDEX_MODELS
    ]
    indexes = list(Page.objects.filter(content_type__in=[t for t in index_types if t is not None]))
    GroupPagePermission.objects.filter(group=editors).exclude(page__in=indexes).delete()
    for codename in EDITOR_PAGE_CODENAMES:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        for index in indexes:
            GroupPagePermission.objects.get_or_create(group=editors, page=index, permission=permission)
    editors.permissions.add(*admin_access)

    Collection = apps.get_model("wagtailcore", "Collection")
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            for action in ("add", "change", "choose", "delete"):
                permission = Permission.objects.filter(content_type__app_label=app_label, codename=f"{action}_{model}").first()
                if permission is not None:
                    GroupCollectionPermission.objects.get_or_create(
                        group=editors, collection=root_collection, permission=permission
                    )

    WorkflowPage.objects.exclude(workflow__name=CASUS_WORKFLOW).delete()
    in_use = WorkflowPage.objects.values_list("workflow_id", flat=True)
    Workflow.objects.exclude(name=CASUS_WORKFLOW).exclude(pk__in=in_use).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0006_auditevent"),
        ("casuses", "0002_moderation_workflow"),
        ("methodology", "0003_ouderschap_blijft_phases"),
        ("lunchsessions", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(apply, migrations.RunPython.noop)]
