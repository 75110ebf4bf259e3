import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from community.core import access
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db


def restrict(page, *group_names, login=False):
    if login:
        return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(Group.objects.filter(name__in=group_names))
    return restriction


@pytest.fixture
def pages(home_page):
    public = home_page.add_child(instance=Page(title="Openbaar", slug="openbaar"))
    members = home_page.add_child(instance=Page(title="Leden", slug="leden-only"))
    association = members.add_child(instance=Page(title="Vereniging", slug="vereniging-only"))
    accounts = home_page.add_child(instance=Page(title="Account", slug="account-only"))
    restrict(members, settings.MEMBERS_GROUP)
    restrict(association, settings.ASSOCIATION_GROUP)
    restrict(accounts, login=True)
    return {"public": public, "members": members, "association": association, "accounts": accounts}


EXPECTED = {
    # role: which of the pages it may see
    "anonymous": {"public"},
    "account": {"public", "accounts"},
    "lid": {"public", "members", "accounts"},
    "vereniging": {"public", "members", "association", "accounts"},
    "moderator": {"public", "members", "accounts"},
    "redacteur": {"public", "members", "accounts"},
    "beheerder": {"public", "members", "association", "accounts"},
}


@pytest.mark.parametrize("role", ROLES)
def test_can_view_page_per_role(role_users, pages, role):
    user = role_users[role] or _anonymous()
    visible = {name for name, page in pages.items() if access.can_view_page(user, page)}
    assert visible == EXPECTED[role]


@pytest.mark.parametrize("role", ROLES)
def test_visible_pages_filters_a_queryset_like_can_view_page(role_users, pages, role, django_assert_max_num_queries):
    user = role_users[role] or _anonymous()
    with django_assert_max_num_queries(4):
        slugs = set(access.visible_pages(user, Page.objects.filter(depth=3)).values_list("slug", flat=True))
    assert slugs == {pages[name].slug for name in EXPECTED[role] if pages[name].depth == 3}


@pytest.mark.parametrize("role", ROLES)
def test_restricted_pages_serve_a_teaser_never_the_body(client_for, pages, role):
    for name, page in pages.items():
        response = client_for(role).get(page.url)
        allowed = name in EXPECTED[role]
        assert response.status_code == (200 if allowed else 403), (role, name)
        if not allowed:
            assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
            assert "alleen voor" in response.content.decode()


def test_nested_restrictions_combine_into_one_audience(pages):
    audience = access.page_audience(pages["association"])
    assert set(audience.split("&")) == {f"group:{settings.ASSOCIATION_GROUP}", f"group:{settings.MEMBERS_GROUP}"}
    assert access.page_audience(pages["public"]) == access.PUBLIC
    assert access.page_audience(pages["accounts"]) == access.LOGIN


def test_unpublished_pages_are_only_for_editors(role_users, pages):
    # Editors have rights in their own sections only (least privilege): give them this page's.
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    GroupPagePermission.objects.create(
        group=Group.objects.get(name="Editors"),
        page=pages["public"],
        permission=Permission.objects.get(codename="change_page"),
    )
    pages["public"].unpublish()
    pages["public"].refresh_from_db()
    assert not access.can_view_page(role_users["lid"], pages["public"])
    assert access.can_view_page(role_users["redacteur"], pages["public"])
    assert not access.can_view_page(role_users["moderator"], pages["public"])


@pytest.mark.parametrize(
    "audience,role,allowed",
    [
        ("public", "anonymous", True),
        ("login", "anonymous", False),
        ("login", "account", True),
        (f"group:{settings.MEMBERS_GROUP}", "account", False),
        (f"group:{settings.MEMBERS_GROUP}", "lid", True),
        (f"group:{settings.ASSOCIATION_GROUP}|Moderators", "moderator", True),
        (f"group:{settings.ASSOCIATION_GROUP}|Moderators", "lid", False),
        (f"group:{settings.MEMBERS_GROUP}&group:{settings.ASSOCIATION_GROUP}", "lid", False),
        (f"group:{settings.MEMBERS_GROUP}&group:{settings.ASSOCIATION_GROUP}", "vereniging", True),
        ("nobody", "beheerder", False),
    ],
)
def test_audience_tokens(role_users, audience, role, allowed):
    user = role_users[role] or _anonymous()
    assert access.may_see_audience(user, audience) is allowed


def test_documents_follow_collection_restrictions(role_users):
    root = Collection.get_first_root_node()
    materials = root.add_child(name="Werkmaterialen")
    restriction = CollectionViewRestriction.objects.create(
        collection=materials, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name=settings.ASSOCIATION_GROUP))

    class Document:
        collection = materials
        collection_id = materials.pk

    assert not access.can_view_document(role_users["lid"], Document())
    assert access.can_view_document(role_users["vereniging"], Document())
    assert not access.can_view_document(_anonymous(), Document())


@override_settings(MEMBERS_GROUP="Leden")
def test_membership_changes_take_effect_after_forget(role_users, members_group):
    user = role_users["account"]
    assert not access.is_member(user)
    user.groups.add(members_group)
    access.forget(user)
    assert access.is_member(user)


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def _fresh(user):
    """The user as the next request loads them (a new object, no per-request caches)."""
    return type(user).objects.get(pk=user.pk)


def test_a_change_of_groups_or_permissions_holds_at_once_although_they_are_cached(
    role_users, django_assert_num_queries
):
    member = role_users["lid"]
    assert access.is_member(_fresh(member))
    fresh = _fresh(member)
    with django_assert_num_queries(0):  # the second request reads them from the shared cache
        assert access.is_member(fresh)
    members = Group.objects.get(name=settings.MEMBERS_GROUP)

    member.groups.remove(members)
    assert not access.is_member(_fresh(member))
    members.user_set.add(member)
    assert access.is_member(_fresh(member))

    admin_access = Permission.objects.get(codename="access_admin")
    assert not access.has_admin_access(_fresh(member))
    members.permissions.add(admin_access)
    assert access.has_admin_access(_fresh(member))
    members.permissions.remove(admin_access)
    member.user_permissions.add(admin_access)
    assert access.has_admin_access(_fresh(member))
    member.user_permissions.clear()
    assert not access.has_admin_access(_fresh(member))
    members.user_set.clear()
    assert not access.is_member(_fresh(member))
