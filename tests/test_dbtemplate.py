"""The migrated test database template (tests/dbtemplate.py) is keyed by the migration files."""

from django.db import connection

from tests import dbtemplate


def test_the_key_changes_with_a_changed_added_or_removed_migration(tmp_path, monkeypatch, settings):
    package = tmp_path / "kennisplein_test_migrations"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "0001_initial.py").write_text("operations = []\n")
    monkeypatch.syspath_prepend(tmp_path)
    settings.MIGRATION_MODULES = {"community": "kennisplein_test_migrations"}

    first = dbtemplate.migrations_key(connection)
    assert dbtemplate.migrations_key(connection) == first
    (package / "0001_initial.py").write_text("operations = ['changed']\n")
    changed = dbtemplate.migrations_key(connection)
    (package / "0002_more.py").write_text("operations = []\n")
    added = dbtemplate.migrations_key(connection)
    (package / "0002_more.py").unlink()

    assert len({first, changed, added}) == 3
    assert dbtemplate.migrations_key(connection) == changed
