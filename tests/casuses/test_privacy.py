"""Members-only everywhere: page, list, home, sitemap, search documents, caches; retention; account deletion."""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageLogEntry

from casuses.models import CasusDraft, CasusPage, Reaction
from casuses.search import CasusAdapter
from community.core import access, personal_data
from community.core.personal_data import FORMER_MEMBER
from search.documents import adapter_for_model

pytestmark = pytest.mark.django_db

SECRET = "Geheime casus over een vastgelopen omgang"


@pytest.fixture
def casus(make_casus, role_users):
    casus = make_casus(role_users["lid"], title=SECRET)
    Reaction.objects.create(casus=casus, author=role_users["vereniging"], body="Reactie die alleen leden lezen")
    return casus


@pytest.mark.parametrize("role", ["anonymous", "account"])
def test_nothing_leaks_to_non_members(client_for, casus, role):
    client = client_for(role)
    for path in ("/", "/casussen/", casus.url, "/sitemap.xml", "/casussen/?sortering=actief", "/casussen/nieuw/"):
        response = client.get(path)
        body = response.content.decode()
        assert SECRET not in body, path
        assert "Reactie die alleen leden lezen" not in body, path


def test_members_see_it_with_private_no_store(client_for, casus):
    client = client_for("lid")
    for path in ("/casussen/", casus.url):
        response = client.get(path)
        assert SECRET in response.content.decode()
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_home_lists_recent_casussen_only_for_members(client_for, casus):
    assert SECRET in client_for("lid").get("/").content.decode()
    assert SECRET not in client_for("account").get("/").content.decode()


def test_sitemap_never_lists_casussen(client_for, casus):
    body = client_for("beheerder").get("/sitemap.xml").content.decode()
    assert casus.slug not in body and "/casussen/" not in body


def test_search_document_is_for_members_and_includes_reactions(casus, role_users):
    adapter = adapter_for_model(CasusPage)
    assert isinstance(adapter, CasusAdapter)
    document = adapter.to_document(casus)
    assert "Reactie die alleen leden lezen" in document.text
    assert access.may_see_audience(role_users["lid"], document.audience)
    assert not access.may_see_audience(role_users["account"], document.audience)
    reaction = casus.reactions.get()
    assert adapter_for_model(Reaction) is adapter and adapter.owners(reaction) == [casus]
    Reaction.objects.filter(pk=reaction.pk).update(hidden=True)
    assert "Reactie die alleen leden lezen" not in adapter.to_document(CasusPage.objects.get(pk=casus.pk)).text


def test_unpublished_and_archived_casussen_are_not_documents(casus):
    adapter = CasusAdapter()
    CasusPage.objects.filter(pk=casus.pk).update(archived_at=timezone.now())
    assert adapter.to_document(CasusPage.objects.get(pk=casus.pk)) is None
    assert not adapter.queryset().filter(pk=casus.pk).exists()


@override_settings(CASUS_RETENTION_MONTHS=6)
def test_retention_archives_old_casussen(client_for, casus, make_casus, role_users):
    recent = make_casus(role_users["lid"], title="Recente casus")
    CasusPage.objects.filter(pk=casus.pk).update(last_activity_at=timezone.now() - datetime.timedelta(days=200))
    call_command("archive_casuses", stdout=open("/dev/null", "w"))
    casus.refresh_from_db()
    assert casus.archived_at is not None and not casus.live
    assert CasusPage.objects.get(pk=recent.pk).live
    assert PageLogEntry.objects.filter(page=casus, action="casuses.archive").exists()
    assert SECRET not in client_for("lid").get("/casussen/").content.decode()
    assert client_for("lid").get(f"/casussen/{casus.pk}/bewerken/").status_code == 404
    # kept for moderators (in the admin), not deleted
    assert CasusPage.objects.filter(pk=casus.pk).exists()


def test_retention_default_is_24_months(casus):
    from casuses.privacy import archive_old_casuses, retention_months

    assert retention_months() == 24
    CasusPage.objects.filter(pk=casus.pk).update(last_activity_at=timezone.now() - datetime.timedelta(days=700))
    assert archive_old_casuses() == 0
    CasusPage.objects.filter(pk=casus.pk).update(last_activity_at=timezone.now() - datetime.timedelta(days=760))
    assert archive_old_casuses() == 1


def test_account_deletion_anonymises_and_keeps_discussion(client_for, casus, role_users):
    author = role_users["lid"]
    CasusDraft.objects.create(author=author, data={"situation": "concept"})
    exported = personal_data.export_all(author)["casussen"]
    assert exported["casussen"][0]["titel"] == SECRET and exported["concepten"]
    personal_data.erase_all(author)
    author.delete()
    responder = role_users["vereniging"]
    personal_data.erase_all(responder)
    responder.delete()
    casus = CasusPage.objects.get(pk=casus.pk)
    assert casus.author is None and casus.author_name == FORMER_MEMBER
    assert not CasusDraft.objects.exists()
    assert all(r.get("author") is None for r in [rev.content for rev in casus.revisions.all()])
    body = client_for("moderator").get(casus.url).content.decode()
    assert SECRET in body and "Reactie die alleen leden lezen" in body
    assert body.count(FORMER_MEMBER) >= 2
