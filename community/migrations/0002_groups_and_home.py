from django.db import migrations

MEMBERS = "Leden"
ASSOCIATION = "Vereniging OKK Ouderschap Blijft"


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in (MEMBERS, ASSOCIATION, "Moderators", "Editors"):
        Group.objects.get_or_create(name=name)


def replace_default_home(apps, schema_editor):
    """Turn Wagtail's welcome page into our HomePage in place, so nothing that points at it breaks."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("community", "HomePage")

    if HomePage.objects.exists():
        return
    welcome = Page.objects.filter(depth=2).order_by("path").first()
    if welcome is None:
        return
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="community")
    title = "Kennisplein Scheiding"
    Page.objects.filter(pk=welcome.pk).update(content_type=home_type, title=title, draft_title=title)
    home = HomePage(
        page_ptr_id=welcome.pk,
        intro="Het kennisplatform voor professionals die scheidende ouders en hun kinderen helpen.",
        body="",
    )
    home.save_base(raw=True)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_groups, migrations.RunPython.noop),
        migrations.RunPython(replace_default_home, migrations.RunPython.noop),
    ]
