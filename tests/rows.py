"""Make rows once per session, insert them per test: the role users of tests/conftest.py.

``capture(make)`` runs ``make`` once, in a transaction that is rolled back, and keeps every row it
created (in any table: users, e-mail addresses, group memberships, authenticators, audit events),
as field values. ``insert(captured)`` writes the same rows again, in a few bulk INSERTs, inside the
current test: every test still gets its own copy (rolled back after it, or flushed after a
transactional test), and nothing one test changes reaches the next one.
"""

import copy
import datetime
from dataclasses import dataclass

from django.apps import apps
from django.db import connection, models, transaction
from django.utils import timezone


@dataclass
class Captured:
    result: object
    rows: list[tuple[type[models.Model], list[dict]]]  # in an order that satisfies foreign keys


class _Rollback(Exception):
    pass


def _tables():
    return [
        model for model in apps.get_models(include_auto_created=True) if model._meta.managed and not model._meta.proxy
    ]


def _keys(model):
    return set(model._base_manager.values_list("pk", flat=True))


# Captured rows keep their primary keys (texts such as the audit log's "user:<pk> …" name them), so they
# are made with keys from here on, which rows made by a test itself (numbered from 1) never reach.
KEY_BASE = 900_000


def capture(make) -> Captured:
    tables = _tables()
    captured = None
    restore = lambda: None  # noqa: E731
    try:
        with transaction.atomic():
            restore = _keys_from(KEY_BASE, tables)
            before = {model: _keys(model) for model in tables}
            result = make()
            rows = []
            for model in tables:
                new = _keys(model) - before[model]
                if new:
                    objects = model._base_manager.filter(pk__in=new).order_by("pk")
                    rows.append((model, [_values(obj) for obj in objects]))
            captured = Captured(result, _in_dependency_order(rows))
            raise _Rollback
    except _Rollback:
        pass
    finally:
        restore()
    return captured


def _auto_key_tables(tables):
    return [
        (model._meta.db_table, model._meta.pk.column)
        for model in tables
        if isinstance(model._meta.pk, models.AutoField | models.BigAutoField | models.SmallAutoField)
    ]


def _keys_from(base: int, tables):
    """Let new rows of every table get keys above ``base``; returns the function that undoes it."""
    if connection.vendor == "sqlite":
        # sqlite_sequence is transactional: capture()'s rollback undoes this (the returned no-op is enough).
        with connection.cursor() as cursor:
            for table, _ in _auto_key_tables(tables):
                cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
                cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, base])
        return lambda: None
    if connection.vendor == "postgresql":
        saved = []
        with connection.cursor() as cursor:
            for table, column in _auto_key_tables(tables):
                cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [connection.ops.quote_name(table), column])
                (sequence,) = cursor.fetchone()
                if sequence:
                    cursor.execute(f"SELECT last_value, is_called FROM {sequence}")  # noqa: S608 (a name from pg_get_serial_sequence)
                    saved.append((sequence, *cursor.fetchone()))
                    cursor.execute("SELECT setval(%s, %s)", [sequence, base])

        def restore():  # sequences are not transactional: put them back
            with connection.cursor() as cursor:
                for sequence, last_value, is_called in saved:
                    cursor.execute("SELECT setval(%s, %s, %s)", [sequence, last_value, is_called])

        return restore
    raise NotImplementedError(connection.vendor)


def _values(obj) -> dict:
    return {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}


def _in_dependency_order(rows):
    """Referenced tables before the tables that refer to them (transactional tests check each INSERT)."""
    pending = dict(rows)
    ordered = []
    while pending:
        ready = [model for model in pending if not _targets(model) & set(pending)]
        if not ready:
            raise ValueError(f"rows of {sorted(m._meta.label for m in pending)} refer to each other")
        ordered.extend((model, pending.pop(model)) for model in ready)
    return ordered


def _targets(model) -> set:
    if model._meta.parents:
        raise ValueError(f"{model._meta.label}: bulk_create cannot insert multi-table inheritance rows")
    return {
        field.related_model
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is not model
    }


def _now_fields(model):
    """DateTimeFields filled with 'now' on creation: a copy gets the time of its test, not of the session."""
    return [
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateTimeField)
        and (field.auto_now or field.auto_now_add or field.default is timezone.now)
    ]


def insert(captured: Captured) -> None:
    now = timezone.now()
    with transaction.atomic():
        for model, rows in captured.rows:
            fresh = [_row(model, values, now) for values in rows]
            model._base_manager.bulk_create(fresh)


def _row(model, values: dict, now: datetime.datetime):
    values = copy.deepcopy(values)
    for name in _now_fields(model):
        values[name] = now
    return model(**values)
