"""The test database is migrated once, into a template, and every run starts from a copy of it.

Migrating from scratch replays about 230 migrations (Django, Wagtail, allauth, ours): most of a
minute of CPU before the first assertion. The template is keyed by the content of every migration
file of the installed apps (and the Django version and database vendor), so a new or changed
migration builds a new one; ``pytest --create-db`` builds it again regardless.

- SQLite: the template is a file, ``<VAR_DIR>/test-db/sqlite-<key>.sqlite3``; each run (each
  pytest-xdist worker) copies it into its own in-memory test database with SQLite's backup API.
- PostgreSQL: the template is a database in the cluster, ``<test name>_tpl_<key>``; each run
  creates its test database with ``CREATE DATABASE … TEMPLATE``.

Django's own ``setup_databases(keepdb=True)`` then runs over the copy: its ``migrate`` finds
nothing to do (and would apply a migration the key missed), and it serializes the rows for
``serialized_rollback`` as usual. A file lock makes parallel workers wait for one build.
"""

import fcntl
import hashlib
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import django
from django.conf import settings
from django.core.management import call_command

_in_memory_keepers: list[sqlite3.Connection] = []
prepared_aliases: set[str] = set()


def migrations_key(connection) -> str:
    """A hash of every migration file of the installed apps, the Django version and the vendor."""
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader

    digest = hashlib.sha256(f"{django.__version__}|{connection.vendor}".encode())
    for app_config in sorted(apps.get_app_configs(), key=lambda app: app.label):
        module_name, _ = MigrationLoader.migrations_module(app_config.label)
        if module_name is None:
            continue
        directory = _module_directory(module_name)
        if directory is None:
            continue
        for path in sorted(directory.glob("*.py")):
            digest.update(f"{app_config.label}/{path.name}".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _module_directory(module_name: str) -> Path | None:
    import importlib.util

    try:
        spec = importlib.util.find_spec(module_name)
    except ModuleNotFoundError:
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def template_dir() -> Path:
    directory = Path(settings.VAR_DIR) / "test-db"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@contextmanager
def build_lock():
    """One process builds or copies a template at a time (pytest-xdist workers, parallel runs)."""
    with open(template_dir() / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _migrate(connection, name) -> None:
    """Run every migration into the database ``name`` (Django's test database creation does the same)."""
    saved = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = name
    try:
        call_command("migrate", verbosity=0, interactive=False, database=connection.alias, run_syncdb=True)
    finally:
        connection.close()
        connection.settings_dict["NAME"] = saved


# --- SQLite ----------------------------------------------------------------------------------------


def _sqlite_template(connection, key: str, rebuild: bool) -> Path:
    path = template_dir() / f"sqlite-{key}.sqlite3"
    if path.exists() and not rebuild:
        return path
    building = path.with_name(f"{path.name}.{os.getpid()}.building")
    building.unlink(missing_ok=True)
    _migrate(connection, building)
    with sqlite3.connect(building) as db:  # one self-contained file: no -wal/-shm beside it
        db.execute("PRAGMA journal_mode=DELETE")
    for old in path.parent.glob("sqlite-*.sqlite3"):
        old.unlink()
    os.replace(building, path)
    return path


def _restore_sqlite(connection, template: Path) -> None:
    """Copy the template into this process's in-memory test database (or the test file Django would use)."""
    test_name = connection.creation._get_test_db_name()
    if connection.creation.is_in_memory_db(test_name):
        # The shared-cache memory database lives as long as a connection to it is open: keep one.
        target = sqlite3.connect(test_name, uri=True, check_same_thread=False)
        _in_memory_keepers.append(target)
    else:
        Path(test_name).unlink(missing_ok=True)
        target = sqlite3.connect(test_name)
    with sqlite3.connect(template) as source:
        source.backup(target)
    if not connection.creation.is_in_memory_db(test_name):
        target.close()


# --- PostgreSQL ------------------------------------------------------------------------------------


def _pg_execute(connection, sql: str, params=None):
    with connection._nodb_cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else None


def _pg_template(connection, test_name: str, key: str, rebuild: bool) -> str:
    quote = connection.ops.quote_name
    prefix = f"{test_name}_tpl_"
    name = f"{prefix}{key}"
    existing = {
        row[0]
        for row in _pg_execute(connection, "SELECT datname FROM pg_database WHERE datname LIKE %s", [prefix + "%"])
    }
    if name in existing and not rebuild:
        return name
    for old in existing:  # stale templates, half-built ones and this one when rebuilding
        _pg_execute(connection, f"DROP DATABASE IF EXISTS {quote(old)}")
    building = f"{name}_building"
    _pg_execute(connection, f"CREATE DATABASE {quote(building)}")
    _migrate(connection, building)
    _pg_execute(connection, f"ALTER DATABASE {quote(building)} RENAME TO {quote(name)}")
    return name


def _restore_pg(connection, test_name: str, template: str) -> None:
    quote = connection.ops.quote_name
    _pg_execute(connection, f"DROP DATABASE IF EXISTS {quote(test_name)}")
    _pg_execute(connection, f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")


# --- both ------------------------------------------------------------------------------------------


def prepare(connection, *, rebuild: bool = False) -> None:
    """Make the test database of ``connection`` a fresh copy of the migrated template."""
    key = migrations_key(connection)
    with build_lock():
        if connection.vendor == "sqlite":
            _restore_sqlite(connection, _sqlite_template(connection, key, rebuild))
        elif connection.vendor == "postgresql":
            test_name = connection.creation._get_test_db_name()
            _restore_pg(connection, test_name, _pg_template(connection, test_name, key, rebuild))
        else:
            raise NotImplementedError(f"no test database template for {connection.vendor}")
    prepared_aliases.add(connection.alias)


def release() -> None:
    """Close the connections that kept the in-memory test databases alive."""
    while _in_memory_keepers:
        _in_memory_keepers.pop().close()
    prepared_aliases.clear()
