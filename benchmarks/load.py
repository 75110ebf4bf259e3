"""`make bench`: one run, one table, against the production stack on loopback (issue 16).

Starts the stack (scripts/prod-stack.sh: nginx -> gunicorn -> PostgreSQL + Redis, task worker), then
measures each path at the same concurrency, bounded in time: req/s, p50, p95, and the ratio to a
static file of the same size as the home page served the same way (through nginx, or straight from
gunicorn + whitenoise). Uses Debian's ``wrk`` (installed by scripts/install-serve-packages.sh) with
benchmarks/wrk.lua; without wrk, the project's own thread-based generator (benchmarks/common.py).

Scenarios: static file and anonymous page through nginx (its proxy cache), static file through
gunicorn, an anonymous Django page-cache hit, an anonymous page that is never cached (a new query
string every request), anonymous /lunchsessies/, members' pages (guide, casus list, casus detail,
lunch index), search as a member, and posting (lunch-session registrations by bench members, each
user for each session once, counted and removed afterwards).

Environment: BENCH_CONCURRENCY (16), BENCH_SECONDS (10 per scenario), BENCH_THREADS (2, wrk threads).
Everything goes to 127.0.0.1.
"""

import json
import os
import re
import secrets
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .common import ROOT, Client, manage, run_load, say, stack

CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "16"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
WEB_PORT = int(os.environ.get("PROD_WEB_PORT", "8080"))
NGINX_PORT = int(os.environ.get("PROD_NGINX_PORT", "8090"))
BENCH_USERS = 150
SEARCH_TERMS = ["ouderschap", "omgang", "kindgesprek", "overdracht", "plan+van+aanpak", "escalatie"]
WRK_JSON = re.compile(r"^WRK_JSON (\{.*\})$", re.MULTILINE)

# Who may see what is set up in the stack's own database: a member's session, bench members with
# sessions and a CSRF secret for posting, and the paths to measure.
SETUP_CODE = """
import json
from django.conf import settings
from django.contrib.auth import get_user_model, BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.cached_db import SessionStore
from django.utils import timezone
from casuses.models import CasusPage
from community.core import access
from lunchsessions.models import LunchSessionPage
from methodology.models import GuidePage
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
members = Group.objects.get(name=settings.MEMBERS_GROUP)
posters = []
for number in range(COUNT):
    email = f"bench-PREFIX-{number}@example.org"
    user, _ = User.objects.get_or_create(username=email, defaults={"email": email})
    user.groups.add(members)
    posters.append(session_for(user))
now = timezone.now()
open_sessions = [s.pk for s in LunchSessionPage.objects.live().filter(start__gt=now).order_by("start")
                 if s.is_registration_open(now) and access.can_view_page(member, s)][:10]
casus = CasusPage.objects.live().filter(archived_at__isnull=True).order_by("pk").first()
guide = GuidePage.objects.live().order_by("pk").first()
print(json.dumps({"member": session_for(member), "posters": posters, "sessions": open_sessions,
                  "casus": casus.url, "guide": guide.url}))
"""

CLEANUP_CODE = """
from django.contrib.auth import get_user_model
from lunchsessions.models import Registration
bench = get_user_model().objects.filter(username__startswith="bench-PREFIX-")
stored = Registration.objects.filter(user__in=bench).count()
Registration.objects.filter(user__in=bench).delete()
bench.delete()
print(stored)
"""


@dataclass
class Row:
    name: str
    via: str  # "nginx" or "gunicorn"
    requests: int
    seconds: float
    p50: float
    p95: float
    errors: int
    statuses: str = ""

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def static_sample(size: int) -> str:
    """A static file of ``size`` bytes, in STATIC_ROOT before gunicorn starts (whitenoise indexes at start)."""
    folder = ROOT / "var" / "prod" / "static" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    text = ("<p>Kennisplein Scheiding statisch voorbeeld.</p>\n" * (size // 48 + 1))[:size]
    (folder / "sample.html").write_text(text)
    return "/static/bench/sample.html"


def run_wrk(name: str, via: str, lines: list[tuple[str, str, str, str]]) -> Row:
    port = NGINX_PORT if via == "nginx" else WEB_PORT
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as handle:
        handle.write("\n".join("\t".join(line) for line in lines) + "\n")
    try:
        command = [
            "wrk",
            f"-t{THREADS}",
            f"-c{CONCURRENCY}",
            f"-d{SECONDS:.0f}s",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "benchmarks" / "wrk.lua"),
            f"http://127.0.0.1:{port}",
            "--",
            handle.name,
        ]
        output = subprocess.run(command, capture_output=True, text=True, timeout=SECONDS + 60, check=True).stdout
    finally:
        Path(handle.name).unlink()
    data = json.loads(WRK_JSON.search(output).group(1))
    errors = data["connect"] + data["read"] + data["write"] + data["status"] + data["timeout"]
    return Row(name, via, data["requests"], data["duration_us"] / 1e6, data["p50"], data["p95"], errors)


def run_python(name: str, via: str, lines: list[tuple[str, str, str, str]]) -> Row:
    """Fallback without wrk: the thread-based generator of benchmarks/common.py, same requests."""
    from urllib.parse import parse_qsl

    port = NGINX_PORT if via == "nginx" else WEB_PORT
    counter = iter(range(10**9))

    def action(client, index, rng):
        method, path, cookie, body = lines[next(counter) % len(lines)]
        client.port = port
        client.cookies = dict(part.split("=", 1) for part in cookie.split("; ")) if cookie else {}
        path = path.replace("{n}", str(next(counter)))
        status, content, _headers = client.request(method, path, body=dict(parse_qsl(body)) if body else None)
        return status, content

    result = run_load(name, action, concurrency=CONCURRENCY, duration=SECONDS, max_requests=10**6)
    errors = sum(count for status, count in result.statuses.items() if status == 0 or status >= 400)
    return Row(name, via, result.count, result.elapsed, result.percentile(50), result.percentile(95), errors)


def measure(name, via, lines) -> Row:
    row = (run_wrk if shutil.which("wrk") else run_python)(name, via, lines)
    say(f"  {name} ({via}): {row.rate:,.0f} req/s, p50 {row.p50:.1f} ms, p95 {row.p95:.1f} ms, errors {row.errors}")
    return row


def get(path: str, cookie: str = "") -> tuple[str, str, str, str]:
    return ("GET", path, cookie, "")


def warm(port: int, path: str, cookie: str = "") -> tuple[int, dict]:
    client = Client({"sessionid": cookie} if cookie else None)
    client.port = port
    status, _body, headers = client.get(path)
    status, _body, headers = client.get(path)
    return status, headers


def scenarios(setup: dict, sample: str) -> list[tuple[str, str, list, str]]:
    member = f"sessionid={setup['member']}"
    csrf = secrets.token_hex(16)  # 32 characters: Django accepts the unmasked secret in the form too
    postings = [
        (
            "POST",
            f"/lunchsessies/aanmelden/{session}/",
            f"sessionid={poster}; csrftoken={csrf}",
            f"csrfmiddlewaretoken={csrf}",
        )
        for poster in setup["posters"]
        for session in setup["sessions"]
    ]

    def as_members(path):
        """The page for each bench member in turn (all in Leden: one audience, each their own holes)."""
        return [get(path, f"sessionid={session}") for session in setup["posters"]]

    # (name, via, requests, what the ratio is taken to)
    return [
        ("static file", "nginx", [get(sample)], "static/nginx"),
        ("anonymous home, nginx cache", "nginx", [get("/")], "static/nginx"),
        ("static file (whitenoise)", "gunicorn", [get(sample)], "static/gunicorn"),
        ("anonymous home, Django page-cache hit", "gunicorn", [get("/")], "static/gunicorn"),
        ("anonymous guide, never cached", "gunicorn", [get(setup["guide"] + "?bench={n}")], "static/gunicorn"),
        ("anonymous /lunchsessies/", "gunicorn", [get("/lunchsessies/")], "static/gunicorn"),
        ("anonymous /lunchsessies/, nginx cache", "nginx", [get("/lunchsessies/")], "static/nginx"),
        ("member guide", "gunicorn", as_members(setup["guide"]), "static/gunicorn"),
        ("member /casussen/", "gunicorn", as_members("/casussen/"), "static/gunicorn"),
        ("member casus detail", "gunicorn", as_members(setup["casus"]), "static/gunicorn"),
        ("member /lunchsessies/", "gunicorn", as_members("/lunchsessies/"), "static/gunicorn"),
        ("member search", "gunicorn", [get(f"/zoeken/?q={term}", member) for term in SEARCH_TERMS], "static/gunicorn"),
        ("posting: lunch registration", "gunicorn", postings, "static/gunicorn"),
    ]


TARGETS = {
    "anonymous home, nginx cache": 0.5,
    "anonymous home, Django page-cache hit": 0.5,
    "anonymous /lunchsessies/": 0.3,
    "anonymous /lunchsessies/, nginx cache": 0.3,
    "member guide": 0.08,
    "member /casussen/": 0.08,
    "member casus detail": 0.08,
    "member /lunchsessies/": 0.08,
}


def table(rows: list[Row], bases: dict[str, Row], ratio_of: dict[str, str]) -> str:
    lines = [
        "| scenario | via | requests | req/s | p50 ms | p95 ms | errors | ratio | target |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        base = bases[ratio_of[row.name]]
        ratio = row.rate / base.rate if base.rate else 0.0
        target = TARGETS.get(row.name)
        verdict = "" if target is None else (f"≥ {target} met" if ratio >= target else f"≥ {target} MISSED")
        lines.append(
            f"| {row.name} | {row.via} | {row.requests} | {row.rate:,.0f} | {row.p50:.1f} | {row.p95:.1f} | "
            f"{row.errors} | {ratio:.3f} | {verdict} |"
        )
    return "\n".join(lines)


def main():
    say(f"Starting the production stack (nginx 127.0.0.1:{NGINX_PORT}, gunicorn 127.0.0.1:{WEB_PORT}) ...")
    stack("start")
    _status, home, _headers = Client().get("/")
    sample = static_sample(len(home))
    stack("stop-web")
    stack("start-web")  # whitenoise now knows the sample file
    prefix = str(int(time.time()))
    setup = json.loads(
        manage(SETUP_CODE.replace("COUNT", str(BENCH_USERS)).replace("PREFIX", prefix)).strip().splitlines()[-1]
    )
    member = setup["member"]
    for port, path, cookie in [
        (NGINX_PORT, sample, ""),
        (NGINX_PORT, "/", ""),
        (WEB_PORT, sample, ""),
        (WEB_PORT, "/", ""),
        (WEB_PORT, "/lunchsessies/", ""),
        (NGINX_PORT, "/lunchsessies/", ""),
        (WEB_PORT, setup["guide"], member),
        (WEB_PORT, "/casussen/", member),
        (WEB_PORT, setup["casus"], member),
        (WEB_PORT, "/lunchsessies/", member),
        (WEB_PORT, "/zoeken/?q=omgang", member),
    ]:
        status, headers = warm(port, path, cookie)
        say(f"  warm {port} {path}: {status} {headers.get('X-Proxy-Cache', headers.get('X-Page-Cache', ''))}")

    load = os.getloadavg()
    say(
        f"\nwrk {THREADS} threads, {CONCURRENCY} connections, {SECONDS:.0f} s per scenario; home page {len(home)} bytes; "
        f"{len(setup['sessions'])} open sessions x {BENCH_USERS} bench members for posting; load before {load[0]:.2f}\n"
    )
    plan = scenarios(setup, sample)
    rows = [measure(name, via, lines) for name, via, lines, _base in plan]
    stored = int(manage(CLEANUP_CODE.replace("PREFIX", prefix)).strip().splitlines()[-1])
    after = os.getloadavg()
    bases = {"static/nginx": rows[0], "static/gunicorn": rows[2]}
    say("\n" + table(rows, bases, {name: base for name, _via, _lines, base in plan}))
    say(
        f"\nratio = req/s over the static file served the same way (nginx rows: nginx's static file; others: "
        f"gunicorn + whitenoise). Load average (1/5/15 min) before {load[0]:.2f}/{load[1]:.2f}/{load[2]:.2f}, "
        f"after {after[0]:.2f}/{after[1]:.2f}/{after[2]:.2f}; `uptime`: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}"
    )
    say(f"posting: {stored} registrations stored by the bench members, removed afterwards with the bench members")


if __name__ == "__main__":
    main()
