from django.db import migrations


def authors_follow(apps, schema_editor):
    """Authors always heard of new reactions on their casus: now they do because they follow it."""
    CasusPage = apps.get_model("casuses", "CasusPage")
    Follow = apps.get_model("community", "Follow")
    rows = CasusPage.objects.filter(author__isnull=False).values_list("author_id", "pk")
    Follow.objects.bulk_create(
        [Follow(user_id=author, target_kind="casus", target_id=pk) for author, pk in rows], ignore_conflicts=True
    )


def no_follows(apps, schema_editor):
    apps.get_model("community", "Follow").objects.filter(target_kind="casus").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("casuses", "0004_conversation_edit_appreciation_rounds"),
        ("community", "0010_notifications_and_follows"),
    ]

    operations = [migrations.RunPython(authors_follow, no_follows)]
