"""A Redis cache that degrades to "no cache" while Redis is unreachable; ``now_and_on_commit`` for its users.

Pages, rate limits and sessions read through the cache; with Django's plain RedisCache a Redis
outage turns every request into an error page. Here a failing call is logged (at most once per
10 seconds per process) and answers as if the key were missing (``add`` as if it succeeded): the site stays up, slower, with
rate limits open and the page cache empty, and recovers by itself when Redis is back. Sessions
are stored in the database (``cached_db``), so nobody is logged out.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db import transaction
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("kennisplein.cache")
FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)
_last_warning = 0.0


def now_and_on_commit(change) -> None:
    """A cache change (a new generation, a forgotten key) at once and again once the transaction commits:
    a request that read the old rows between the two cannot leave them cached for the new state."""
    change()
    transaction.on_commit(change)


def _warn(operation: str, error: Exception) -> None:
    global _last_warning
    now = time.monotonic()
    if now - _last_warning > 10:
        _last_warning = now
        logger.warning("Cache unavailable (%s during %s); serving without cache.", type(error).__name__, operation)


class OneClientPerPool(RedisCacheClient):
    """Django builds a new ``redis.Redis`` object for every cache call (about a fifth of the time of a
    member's page served from the page cache); one per connection pool does the same work. redis-py's
    clients are safe to share between threads, and their pools reconnect after a fork."""

    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = OneClientPerPool

    # timeout=None means "never expire" in Django's cache API; DEFAULT_TIMEOUT means "the default".
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except FAILURES as error:
            _warn("add", error)
            # Pretend it was stored: locks (allauth's rate limits) and rate limits then let requests
            # through instead of locking everybody out while Redis is away.
            return True

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except FAILURES as error:
            _warn("get", error)
            return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except FAILURES as error:
            _warn("set", error)
            return None

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except FAILURES as error:
            _warn("touch", error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except FAILURES as error:
            _warn("delete", error)
            return False

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except FAILURES as error:
            _warn("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except FAILURES as error:
            _warn("has_key", error)
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except FAILURES as error:
            _warn("incr", error)
            raise ValueError(f"Key '{key}' not found (cache unavailable).") from error

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except FAILURES as error:
            _warn("set_many", error)
            return list(data)

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except FAILURES as error:
            _warn("delete_many", error)
            return None

    def clear(self):
        try:
            return super().clear()
        except FAILURES as error:
            _warn("clear", error)
            return False
