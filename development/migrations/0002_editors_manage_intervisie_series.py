"""The Editors group (redacteur) may add, change and delete accredited intervisie series (a snippet)."""

from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")


def grant_editors(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("development")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)  # made after migrate otherwise
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _created = Group.objects.get_or_create(name="Editors")
    codenames = [f"{action}_intervisieseries" for action in ACTIONS]
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="development", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("development", "0001_participation_record"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
