"""The index follows every change: publish, unpublish, delete, move, restrictions, moderation, adapter models."""

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page

from community.models import Organisation
from search import indexing, signals, store
from search.models import IndexedDocument

from .conftest import restrict


def indexed(page):
    return IndexedDocument.objects.filter(key=f"page:{page.pk}").first()


@pytest.fixture
def section(page_adapter, home_page):
    page = Page(title="Sectie", slug="sectie", search_description="Een sectie over omgangsbemiddeling.")
    home_page.add_child(instance=page)
    return page


def add_page(parent, title, text, live=True):
    page = Page(title=title, slug=title.lower().replace(" ", "-"), search_description=text, live=live)
    parent.add_child(instance=page)
    return page


def test_created_and_published_pages_are_indexed(section):
    assert indexed(section).title == "Sectie"
    section.title = "Sectie over omgang"
    section.save_revision().publish()
    assert indexed(section).title == "Sectie over omgang"


def test_drafts_do_not_change_the_index(section):
    section.title = "Concepttitel"
    section.save_revision()
    assert indexed(section).title == "Sectie"


def test_unpublish_removes_and_republish_restores(section):
    section.unpublish()
    assert indexed(section) is None
    section.refresh_from_db()
    section.save_revision().publish()
    assert indexed(section) is not None


def test_delete_removes(section):
    child = add_page(section, "Kind", "Een kindgesprek.")
    assert indexed(child)
    section.delete()
    assert not IndexedDocument.objects.filter(type="testpage").exists()


def test_move_updates_the_subtree(section, home_page):
    other = add_page(home_page, "Andere sectie", "Over ouderschapsplannen.")
    child = add_page(section, "Kindgesprek", "Een kindgesprek.")
    assert indexed(child).url.startswith("/home/sectie/") or "/sectie/" in indexed(child).url
    section.move(other, pos="last-child")
    assert "/andere-sectie/sectie/kindgesprek/" in indexed(child).url


def test_restriction_changes_reindex_the_subtree(section, members_group):
    child = add_page(section, "Kindgesprek", "Een kindgesprek.")
    assert indexed(child).audience == "public"
    restriction = restrict(section, settings.MEMBERS_GROUP)
    assert indexed(child).audience == f"group:{settings.MEMBERS_GROUP}"
    assert indexed(section).audience == f"group:{settings.MEMBERS_GROUP}"
    restriction.groups.add(members_group.__class__.objects.get(name=settings.ASSOCIATION_GROUP))
    assert indexed(child).audience == f"group:{settings.MEMBERS_GROUP}|{settings.ASSOCIATION_GROUP}"
    restriction.delete()
    assert indexed(child).audience == "public"


def test_workflow_steps_reindex_the_page(section, monkeypatch):
    scheduled = []
    monkeypatch.setattr(signals, "schedule", scheduled.append)

    class State:
        content_object = section

    signals.on_workflow_step(sender=None, instance=State())
    assert scheduled == [[f"wagtailcore.page:{section.pk}"]]


def test_adapter_models_are_indexed_on_save_and_delete(db):
    organisation = Organisation.objects.create(
        name="Jeugdhulp Zuid", slug="jeugdhulp-zuid", place="Maastricht", description="Omgangsbegeleiding in Limburg."
    )
    row = IndexedDocument.objects.get(key=f"organisation:{organisation.pk}")
    assert (row.type, row.audience, row.url) == ("organisation", "public", "/organisaties/jeugdhulp-zuid/")
    organisation.description = "Overdrachtsbegeleiding in Limburg."
    organisation.save()
    assert "Overdrachtsbegeleiding" in IndexedDocument.objects.get(key=f"organisation:{organisation.pk}").text
    organisation.delete()
    assert not IndexedDocument.objects.filter(key=f"organisation:{organisation.pk}").exists()


def test_indexing_goes_through_a_django_task(db, settings):
    """With a queue backend (a worker in production) the work is enqueued, not done in the request."""
    from django_tasks import task_backends

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    organisation = Organisation.objects.create(name="Taak", slug="taak")
    assert not IndexedDocument.objects.filter(key=f"organisation:{organisation.pk}").exists()
    search_tasks = [result for result in backend.results if result.task.module_path.startswith("search.")]
    assert [result.args for result in search_tasks] == [[[f"community.organisation:{organisation.pk}"]]]
    indexing.reindex(*search_tasks[0].args)  # what the worker runs
    assert IndexedDocument.objects.filter(key=f"organisation:{organisation.pk}").exists()


def test_rebuild_command_writes_everything_and_drops_stale_rows(section, capsys):
    from search.documents import SearchDocument

    rows = store.write(
        [
            SearchDocument(
                type="testpage", key="stale", title="Oud", text="", url="/oud/", object_ref="wagtailcore.page:999999"
            )
        ]
    )
    IndexedDocument.objects.filter(pk=rows[0].pk).update(indexed_at="2000-01-01T00:00:00Z")
    call_command("rebuild_search_index", "--no-progress")
    assert "Zoekindex opnieuw opgebouwd" in capsys.readouterr().out
    assert not IndexedDocument.objects.filter(key="stale").exists()
    assert indexed(section) is not None


def test_rebuild_keeps_rows_updated_while_it_ran(section):
    """A row written by an incremental update during the rebuild is newer than the rebuild: it stays."""
    from django.utils import timezone

    started = timezone.now()
    other = add_page(section, "Nieuw", "Tijdens de herbouw gepubliceerd.")
    assert store.delete_stale("another-generation", started) == 1  # the section, written before the rebuild began
    assert indexed(other) is not None and indexed(section) is None
