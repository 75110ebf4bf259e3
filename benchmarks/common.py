"""Shared pieces of the load and fault scenarios: the stack, a small HTTP client, a bounded load loop."""

import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
WEB_PORT = int(os.environ.get("PROD_WEB_PORT", "8080"))  # gunicorn
NGINX_PORT = int(os.environ.get("PROD_NGINX_PORT", "8090"))  # nginx in front of it: what visitors use
HOST = "127.0.0.1"
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def stack(command: str, **env) -> None:
    """scripts/prod-stack.sh <command>, with extra environment (e.g. a different EMAIL_URL)."""
    subprocess.run(
        [str(ROOT / "scripts" / "prod-stack.sh"), command],
        check=True,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
    )


def manage(code: str, **env) -> str:
    """Run Python in the stack's Django (production settings) and return what it prints."""
    exports = subprocess.run(
        [str(ROOT / "scripts" / "prod-stack.sh"), "env"],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=os.environ,
    ).stdout
    environment = dict(os.environ)
    for line in exports.splitlines():
        key, _, value = line.partition("=")
        environment[key] = value
    environment["SECRET_KEY"] = (ROOT / "var" / "prod" / "secret-key").read_text().strip()
    environment["KENNISPLEIN_VAR_DIR"] = str(ROOT / "var" / "prod")
    environment.update(env)
    result = subprocess.run(
        [PY, "manage.py", "shell", "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    return result.stdout


SESSIONS_CODE = """
import json
from django.conf import settings
from django.contrib.auth import get_user_model, BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from community.models import MembershipApplication
User = get_user_model()
def session_for(user):
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.set_expiry(3600)
    store.save()
    return store.session_key
member = User.objects.get(email="lid@demo.kennisplein.example")
applicants = []
prefix = "PREFIX"
for number in range(COUNT):
    email = f"bench-{prefix}-{number}@example.org"
    user, _ = User.objects.get_or_create(username=email, defaults={"email": email})
    MembershipApplication.objects.filter(user=user).delete()
    applicants.append(session_for(user))
print(json.dumps({"member": session_for(member), "applicants": applicants}))
"""


def make_sessions(count: int, prefix: str) -> dict:
    code = SESSIONS_CODE.replace("COUNT", str(count)).replace("PREFIX", prefix)
    return json.loads(manage(code).strip().splitlines()[-1])


def count_applications(prefix: str) -> int:
    code = (
        "from community.models import MembershipApplication as M; "
        f"print(M.objects.filter(user__email__startswith='bench-{prefix}-').count())"
    )
    return int(manage(code).strip().splitlines()[-1])


class Client:
    """One keep-alive connection with a cookie jar (Secure cookies included: we run behind no TLS)."""

    def __init__(self, cookies: dict | None = None, timeout: float = 10, port: int = WEB_PORT):
        self.cookies = dict(cookies or {})
        self.timeout = timeout
        self.port = port
        self.connection = None

    def _connect(self):
        self.connection = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)

    def request(self, method: str, path: str, body: dict | None = None, headers: dict | None = None):
        from urllib.parse import urlencode

        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{HOST}:{self.port}{path}"
        for attempt in range(2):
            if self.connection is None:
                self._connect()
            try:
                self.connection.request(method, path, body=data, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
                break
            except (http.client.HTTPException, ConnectionError, TimeoutError, OSError):
                self.connection.close()
                self.connection = None
                if attempt:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        if response.getheader("Connection", "").lower() == "close":
            self.connection.close()
            self.connection = None
        return response.status, content, dict(response.getheaders())

    def get(self, path: str):
        return self.request("GET", path)

    def post_form(self, path: str, fields: dict):
        status, content, _headers = self.get(path)
        match = CSRF_RE.search(content.decode("utf-8", "replace"))
        if not match:
            return status, content, _headers
        return self.request("POST", path, body={"csrfmiddlewaretoken": match.group(1), **fields})


@dataclass
class Result:
    name: str
    latencies: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)
    errors: int = 0
    failures: int = 0  # connection errors, timeouts, 5xx
    elapsed: float = 0.0
    bodies: dict = field(default_factory=dict)  # one sample body per status

    def add(self, status: int, latency: float, body: bytes = b"") -> None:
        self.latencies.append(latency)
        self.statuses[status] = self.statuses.get(status, 0) + 1
        self.bodies.setdefault(status, body[:4000])
        if status >= 500 or status == 0:
            self.failures += 1

    @property
    def count(self) -> int:
        return len(self.latencies)

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000

    def row(self) -> str:
        rate = self.count / self.elapsed if self.elapsed else 0
        error_rate = 100 * self.failures / self.count if self.count else 0
        return (
            f"| {self.name} | {self.count} | {rate:,.0f} | {self.percentile(50):.1f} | {self.percentile(95):.1f} | "
            f"{self.percentile(99):.1f} | {error_rate:.2f}% |"
        )


HEADER = "| scenario | requests | req/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|---:|---:|"


def run_load(name: str, action, *, concurrency: int, duration: float, max_requests: int, setup=None) -> Result:
    """Call ``action(client, worker_index) -> (status, body)`` from ``concurrency`` threads, bounded."""
    result = Result(name)
    lock = threading.Lock()
    deadline = time.monotonic() + duration
    issued = [0]

    def worker(index: int):
        client = setup(index) if setup else Client()
        rng = random.Random(index)
        while time.monotonic() < deadline:
            with lock:
                if issued[0] >= max_requests:
                    return
                issued[0] += 1
            start = time.perf_counter()
            try:
                status, body = action(client, index, rng)
            except Exception:  # connection refused / reset / timeout: the user saw nothing
                status, body = 0, b""
                time.sleep(0.05)
            latency = time.perf_counter() - start
            with lock:
                result.add(status, latency, body)

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(concurrency)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(duration + 30)
    result.elapsed = time.monotonic() - started
    return result


def median(values):
    return statistics.median(values) if values else float("nan")


def say(text: str) -> None:
    print(text, flush=True)
    sys.stdout.flush()
