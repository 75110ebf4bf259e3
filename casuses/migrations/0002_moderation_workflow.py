"""The moderation workflow of casussen: one "Anonimiteitscontrole" task for the group Moderators."""

from django.db import migrations

WORKFLOW = "Casusmoderatie"
TASK = "Anonimiteitscontrole"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    AnonymityCheckTask = apps.get_model("casuses", "AnonymityCheckTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    CasusIndexPage = apps.get_model("casuses", "CasusIndexPage")

    task_type, _ = ContentType.objects.get_or_create(app_label="casuses", model="anonymitychecktask")
    task = AnonymityCheckTask.objects.filter(name=TASK).first()
    if task is None:
        task = AnonymityCheckTask.objects.create(name=TASK, content_type=task_type, active=True)
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for index in CasusIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page_id=index.pk, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("casuses", "0001_initial"),
        ("community", "0002_groups_and_home"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
