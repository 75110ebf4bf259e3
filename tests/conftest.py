"""Shared fixtures: one user per role of DESIGN.md, and a client signed in as each."""

import time

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from community.demo.factories import AssociationMemberFactory, MemberFactory, UserFactory, give_totp
from tests import dbtemplate, rows

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


def pytest_collection_modifyitems(config, items):
    """On PostgreSQL, only the tests that use a database: the others (the anonymity check's detector,
    text analysis, validators, layout checks) do the same on either run, and `make test` runs both."""
    if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        return
    uses_database = [item for item in items if _uses_database(item)]
    if len(uses_database) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if not _uses_database(item)])
        items[:] = uses_database


def _uses_database(item) -> bool:
    return item.get_closest_marker("django_db") is not None or "_django_db_helper" in getattr(item, "fixturenames", ())


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_createdb,
    django_db_keepdb,
    django_db_modify_db_settings,
):
    """pytest-django's database set-up, over a copy of the migrated template (tests/dbtemplate.py).

    ``--create-db`` builds the template again; ``--reuse-db`` keeps the test database after the run.
    """
    from django.db import connections
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        for alias in aliases:
            dbtemplate.prepare(connections[alias], rebuild=django_db_createdb)
        db_cfg = setup_databases(
            verbosity=verbosity, interactive=False, aliases=aliases, serialized_aliases=serialized_aliases, keepdb=True
        )
    yield
    with django_db_blocker.unblock():
        teardown_databases(db_cfg, verbosity=verbosity, keepdb=django_db_keepdb)
    dbtemplate.release()


@pytest.fixture(scope="session", autouse=True)
def _apps_hooks_loaded():
    """Every app's wagtail_hooks.py is imported before a test adds its own hook (register_temporarily)."""
    from wagtail import hooks

    hooks.search_for_hooks()


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
    if connection.alias not in dbtemplate.prepared_aliases:
        return None  # no test of this run uses the database
    data = getattr(connection, "_test_serialized_contents", None)
    if data is None:
        with django_db_blocker.unblock():
            data = connection.creation.serialize_db_to_string()
        connection._test_serialized_contents = data
    return data


@pytest.fixture(scope="session")
def _role_user_rows(django_db_setup, django_db_blocker):
    """The rows ``make_role_user`` creates for every role, made once per session (tests/rows.py)."""

    def make():
        users = {role: make_role_user(role) for role in ROLES}
        return {role: user.pk if user else None for role, user in users.items()}

    with django_db_blocker.unblock():
        return rows.capture(make)


@pytest.fixture
def role_users(db, _role_user_rows):
    """One user per role, in this test's database (transactional and live-server tests see them too)."""
    rows.insert(_role_user_rows)
    users = get_user_model()._base_manager.in_bulk([pk for pk in _role_user_rows.result.values() if pk])
    return {role: users[pk] if pk else None for role, pk in _role_user_rows.result.items()}


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
def _default_language():
    """Every test starts in Dutch: the language middleware leaves the last request's language active in
    the thread, which would otherwise reach the next test (in whatever order pytest-xdist runs them)."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _one_rate_limit_window(monkeypatch):
    """Rate limits count per fixed window (``time // seconds``): a test's requests all fall in one window
    (the start of this hour, which starts a minute window too), so a slow run never crosses a boundary
    halfway through a test and starts counting again."""
    from types import SimpleNamespace

    from community.core import ratelimit

    start = time.time() // 3600 * 3600
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: start))


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
