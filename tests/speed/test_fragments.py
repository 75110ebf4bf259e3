"""Pieces of members' pages cached per audience (issue 16 point 3): filter options, the home page's
methodiek section and the restriction table. An edit shows at once (the content version moves with
the one ``public_content_changed`` signal); one audience never sees another's pieces; nothing
personal is shared."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from casuses.models import CasusPage, ensure_index
from community.core import fragments
from community.demo.factories import MemberFactory
from lunchsessions.factories import LunchSessionIndexPageFactory, LunchSessionPageFactory, RegistrationFactory
from methodology.factories import GuidePageFactory, MethodologyIndexPageFactory, restrict

pytestmark = pytest.mark.django_db


def _publish_casus(index, slug, tag):
    casus = CasusPage(
        title=f"Casus {slug}",
        slug=slug,
        situation="De overdracht loopt uit op ruzie.",
        question="Hoe pakken jullie dit aan?",
        age_band="4-8",
    )
    index.add_child(instance=casus)
    casus.tags.set([tag])
    casus.save_revision().publish(skip_permission_checks=True)
    return casus


def _published(page, *tags):
    """As an editor does it: tags set, then a revision published (the signal every cache listens to)."""
    page.tags.add(*tags)
    page.save_revision().publish(skip_permission_checks=True)
    return page


def _text(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_a_published_casus_adds_its_tag_to_the_members_filter_at_once(client_for, home_page):
    index = ensure_index(home_page)
    _publish_casus(index, "eerste", "contactverlies")
    member = client_for("lid")
    version = fragments.content_version()
    assert "contactverlies" in _text(member, "/casussen/")
    _publish_casus(index, "tweede", "loyaliteitsconflict")
    assert fragments.content_version() != version
    assert 'value="loyaliteitsconflict"' in _text(member, "/casussen/")


def test_lunch_filters_are_per_audience_and_follow_a_publish(client_for, home_page, association_group):
    sessions = LunchSessionIndexPageFactory(parent=home_page)
    past = timezone.now() - datetime.timedelta(days=30)
    _published(LunchSessionPageFactory(parent=sessions, start=past), "openbaar-thema")
    closed = _published(
        LunchSessionPageFactory(parent=sessions, start=past + datetime.timedelta(days=1)), "verenigingsthema"
    )
    restrict(closed, settings.ASSOCIATION_GROUP)

    # The Vereniging member fills the cache first; a plain member must not get its options.
    assert 'value="verenigingsthema"' in _text(client_for("vereniging"), "/lunchsessies/")
    member_page = _text(client_for("lid"), "/lunchsessies/")
    assert 'value="openbaar-thema"' in member_page and "verenigingsthema" not in member_page
    assert "verenigingsthema" not in _text(client_for("account"), "/lunchsessies/")

    # Opening the session to everyone is a restriction change: the member's options follow at once.
    closed.view_restrictions.all().delete()
    assert 'value="verenigingsthema"' in _text(client_for("lid"), "/lunchsessies/")


def test_home_methodiek_section_is_per_audience_and_follows_a_publish(client_for, home_page):
    guides = MethodologyIndexPageFactory(parent=home_page)
    GuidePageFactory(parent=guides, title="Openbare handleiding")
    secret = GuidePageFactory(parent=guides, title="Handleiding voor de Vereniging")
    restrict(secret, settings.ASSOCIATION_GROUP)

    assert "Handleiding voor de Vereniging" in _text(client_for("vereniging"), "/")
    member_home = _text(client_for("lid"), "/")
    assert "Openbare handleiding" in member_home and "Handleiding voor de Vereniging" not in member_home

    _published(GuidePageFactory(parent=guides, title="Nieuwe handleiding"))
    assert "Nieuwe handleiding" in _text(client_for("lid"), "/")


def test_a_new_restriction_holds_at_once_although_the_table_is_cached(client_for, home_page):
    guides = MethodologyIndexPageFactory(parent=home_page)
    guide = GuidePageFactory(parent=guides, title="Nog openbaar")
    account = client_for("account")
    assert account.get(guide.url).status_code == 200
    restrict(guide, settings.MEMBERS_GROUP)
    assert account.get(guide.url).status_code == 403
    assert client_for("lid").get(guide.url).status_code == 200


def test_renaming_a_group_moves_the_version(role_users):
    version = fragments.content_version()
    group = Group.objects.get(name="Moderators")
    group.name = "Moderatoren"
    group.save()
    assert fragments.content_version() != version


def test_a_members_own_registration_is_never_shared(client_for, home_page):
    sessions = LunchSessionIndexPageFactory(parent=home_page)
    session = LunchSessionPageFactory(parent=sessions, start=timezone.now() + datetime.timedelta(days=3), capacity=20)
    other = MemberFactory(username="ander-lid")
    RegistrationFactory(session=session, user=other)

    from django.test import Client

    registered = Client()
    registered.force_login(other, backend="django.contrib.auth.backends.ModelBackend")
    assert "U bent aangemeld" in _text(registered, "/lunchsessies/")
    assert "U bent aangemeld" not in _text(client_for("lid"), "/lunchsessies/")
    assert "U bent aangemeld" not in _text(client_for("vereniging"), "/lunchsessies/")


def test_a_new_collection_restriction_holds_at_once_although_collections_are_cached(role_users, association_group):
    from types import SimpleNamespace

    from wagtail.models import CollectionViewRestriction

    from community.core import access
    from methodology.factories import collection

    folder = collection("Werkmateriaal")
    document = SimpleNamespace(collection_id=folder.pk)
    member = role_users["lid"]
    assert access.can_view_document(member, document)
    access.forget(member)  # a new request
    restriction = CollectionViewRestriction.objects.create(
        collection=folder, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([association_group])
    assert not access.can_view_document(member, document)
    access.forget(member)
    assert access.can_view_document(role_users["vereniging"], document)


def test_a_piece_that_no_longer_loads_is_computed_again(monkeypatch, rf, role_users):
    """After a deploy a stored piece may name a class that moved (it did: community.cards)."""
    request = rf.get("/")
    request.user = role_users["lid"]
    fragments.for_audience("piece", request, lambda: ["oud"])

    original = fragments.cache.get

    def moved(key, *args, **kwargs):
        if key.startswith("kennisplein:fragment:piece:"):
            raise ModuleNotFoundError("No module named 'community.cards'")
        return original(key, *args, **kwargs)

    monkeypatch.setattr(fragments.cache, "get", moved)
    assert fragments.for_audience("piece", request, lambda: ["nieuw"]) == ["nieuw"]
