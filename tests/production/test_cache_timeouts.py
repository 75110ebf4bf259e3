"""ResilientRedisCache against a real Redis: an explicit timeout=None means "never expire"; one client for all calls."""

import shutil
import socket
import subprocess
import time

import pytest

from community.core.cache import ResilientRedisCache

pytestmark = [
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs Debian's redis-server"),
    pytest.mark.django_db,  # the suite's autouse fixtures touch the database
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def redis_cache(tmp_path_factory):
    port = free_port()
    server = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path_factory.mktemp("redis")),
        ],
        stdout=subprocess.DEVNULL,
    )
    cache = ResilientRedisCache(f"redis://127.0.0.1:{port}/0", {"TIMEOUT": 300})
    for _ in range(50):
        if cache.set("ping", 1) is not None or cache.get("ping") == 1:
            break
        time.sleep(0.1)
    yield cache
    server.terminate()
    server.wait(5)


def ttl(cache, key) -> int:
    return cache._cache.get_client(key).ttl(cache.make_and_validate_key(key))


def test_set_add_and_touch_keep_an_explicit_none(redis_cache):
    redis_cache.set("forever", 1, None)
    assert ttl(redis_cache, "forever") == -1  # no expiry
    redis_cache.add("added-forever", 1, None)
    assert ttl(redis_cache, "added-forever") == -1
    redis_cache.set("touched", 1, 5)
    redis_cache.touch("touched", None)
    assert ttl(redis_cache, "touched") == -1
    redis_cache.set_many({"many": 1}, None)
    assert ttl(redis_cache, "many") == -1


def test_without_a_timeout_the_default_applies(redis_cache):
    redis_cache.set("default", 1)
    redis_cache.add("added-default", 1)
    assert 290 < ttl(redis_cache, "default") <= 300
    assert 290 < ttl(redis_cache, "added-default") <= 300
    redis_cache.set("short", 1, 10)
    assert ttl(redis_cache, "short") <= 10


def test_one_client_serves_every_call_and_every_thread(redis_cache):
    from concurrent.futures import ThreadPoolExecutor

    assert redis_cache._cache.get_client("a") is redis_cache._cache.get_client("b", write=True)

    def round_trip(n: int) -> bool:
        redis_cache.set(f"thread-{n}", n)
        return redis_cache.get(f"thread-{n}") == n and redis_cache.get_many([f"thread-{n}"]) == {f"thread-{n}": n}

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(round_trip, range(200)))
