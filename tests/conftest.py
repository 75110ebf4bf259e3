"""Shared fixtures: one user per role of DESIGN.md, and a client signed in as each."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client

from community.demo.factories import AssociationMemberFactory, MemberFactory, UserFactory, give_totp

ROLES = ["anonymous", "account", "lid", "vereniging", "moderator", "redacteur", "beheerder"]


def make_role_user(role: str):
    if role == "anonymous":
        return None
    if role == "account":
        return UserFactory(username="account")
    if role == "lid":
        return MemberFactory(username="lid")
    if role == "vereniging":
        return AssociationMemberFactory(username="vereniging")
    if role == "moderator":
        user = UserFactory(username="moderator", groups=[settings.MEMBERS_GROUP, "Moderators"])
    elif role == "redacteur":
        user = UserFactory(username="redacteur", groups=[settings.MEMBERS_GROUP, "Editors"])
    elif role == "beheerder":
        user = UserFactory(username="beheerder", is_superuser=True, is_staff=True, groups=[settings.MEMBERS_GROUP])
    else:
        raise ValueError(role)
    give_totp(user)
    return user


@pytest.fixture(scope="session", autouse=True)
def _mail_as_on_the_site(django_test_environment):
    """Django's test set-up puts locmem in EMAIL_BACKEND; mail goes through community.core.mail's cleaning as on
    the site, and then (KENNISPLEIN_EMAIL_BACKEND, locmem) into ``mail.outbox``."""
    settings.EMAIL_BACKEND = "community.core.mail.CleanEmailBackend"


@pytest.fixture(scope="session", autouse=True)
def migrated_data(django_db_setup, django_db_blocker):
    """The rows the migrations create (root page, home page, groups), to restore after a flush.

    Transactional tests must use ``django_db(transaction=True, serialized_rollback=True)``.
    """
    from django.db import connections

    connection = connections["default"]
    data = getattr(connection, "_test_serialized_contents", None)
    if data is None:
        with django_db_blocker.unblock():
            data = connection.creation.serialize_db_to_string()
        connection._test_serialized_contents = data
    return data


@pytest.fixture
def role_users(db):
    return {role: make_role_user(role) for role in ROLES}


@pytest.fixture
def client_for(role_users):
    def _client(role: str) -> Client:
        client = Client()
        if role_users[role] is not None:
            client.force_login(role_users[role], backend="django.contrib.auth.backends.ModelBackend")
        return client

    return _client


@pytest.fixture
def members_group(db):
    return Group.objects.get(name=settings.MEMBERS_GROUP)


@pytest.fixture
def association_group(db):
    return Group.objects.get(name=settings.ASSOCIATION_GROUP)


@pytest.fixture
def home_page(db):
    from community.models import HomePage

    return HomePage.objects.get()


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
