"""`make lighthouse`: Lighthouse (mobile) against the production stack on loopback (issue 16).

Starts the stack if needed (scripts/prod-stack.sh: nginx in front of gunicorn), then audits, through
nginx, the home page, a guide, the casus list as a member (signed in by a session cookie that this
script creates in the stack's database) and search. Debian's Chromium (/usr/bin/chromium, headless,
no sandbox, no GPU, no background networking) and Lighthouse from node_modules (package.json; no
browser download). Prints performance, accessibility, best practices and SEO per page and, for each
score under its target, the audits that cost points. Reports: var/lighthouse/*.json.

Environment: CHROME_PATH (/usr/bin/chromium), LIGHTHOUSE_RUNS (1; the median run per page is kept).
"""

import json
import os
import subprocess

from .common import ROOT, manage, say, stack

NGINX_PORT = int(os.environ.get("PROD_NGINX_PORT", "8090"))
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "1"))
FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 100}
OUT = ROOT / "var" / "lighthouse"

SESSION_CODE = """
import json
from django.contrib.auth import get_user_model, BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from methodology.models import GuidePage
from community.core import access
user = get_user_model().objects.get(email="lid@demo.kennisplein.example")
store = SessionStore()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store.set_expiry(3600)
store.save()
guide = next(g for g in GuidePage.objects.live().order_by("path") if access.page_audience(g) == access.PUBLIC)
print(json.dumps({"session": store.session_key, "guide": guide.url}))
"""


def audit(name: str, url: str, cookie: str = "") -> dict:
    OUT.mkdir(parents=True, exist_ok=True)
    runs = []
    for run in range(RUNS):
        report = OUT / f"{name}-{run}.json"
        command = [
            str(ROOT / "node_modules" / ".bin" / "lighthouse"),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-path={CHROME}",
            f"--chrome-flags={FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--max-wait-for-load=30000",
        ]
        if cookie:
            command.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
        for attempt in range(3):  # Lighthouse sometimes misses the trace start (NO_NAVSTART) on a busy machine
            finished = subprocess.run(command, timeout=180, env={**os.environ, "CHROME_PATH": CHROME})
            if finished.returncode == 0:
                break
            say(f"  {name}: Lighthouse failed (attempt {attempt + 1}), trying again")
        finished.check_returncode()
        runs.append(json.loads(report.read_text()))
    runs.sort(key=lambda data: data["categories"]["performance"]["score"] or 0)
    return runs[len(runs) // 2]


def scores(report: dict) -> dict:
    return {key: round((report["categories"][key]["score"] or 0) * 100) for key in CATEGORIES}


def losses(report: dict, category: str) -> list[str]:
    """The audits of a category that did not pass, with what Lighthouse says about them."""
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        result = report["audits"][ref["id"]]
        if ref.get("weight", 0) and result.get("score") is not None and result["score"] < 1:
            found.append(f"{ref['id']} ({result.get('displayValue') or result['score']})")
    return found


def main():
    stack("start")
    data = json.loads(manage(SESSION_CODE).strip().splitlines()[-1])
    base = f"http://127.0.0.1:{NGINX_PORT}"
    pages = [
        ("home", f"{base}/", ""),
        ("guide", f"{base}{data['guide']}", ""),
        ("casus-list-member", f"{base}/casussen/", f"sessionid={data['session']}"),
        ("search", f"{base}/zoeken/?q=omgang", ""),
    ]
    rows = ["| page | performance | accessibility | best practices | SEO |", "|---|---:|---:|---:|---:|"]
    notes = []
    for name, url, cookie in pages:
        report = audit(name, url, cookie)
        result = scores(report)
        rows.append(f"| {name} | " + " | ".join(str(result[key]) for key in CATEGORIES) + " |")
        for key in CATEGORIES:
            if result[key] < TARGETS[key]:
                notes.append(f"{name} {key} {result[key]} < {TARGETS[key]}: {', '.join(losses(report, key))}")
        metrics = report["audits"]
        say(
            f"  {name}: {result}; FCP {metrics['first-contentful-paint']['displayValue']}, "
            f"LCP {metrics['largest-contentful-paint']['displayValue']}, TBT {metrics['total-blocking-time']['displayValue']}, "
            f"CLS {metrics['cumulative-layout-shift']['displayValue']}"
        )
    say("\n" + "\n".join(rows))
    say("\n".join(["", "Targets: performance >= 95, accessibility 100, best practices >= 95, SEO 100."] + notes))
    say(
        f"Load average while it ran: {' '.join(f'{value:.2f}' for value in os.getloadavg())}; "
        f"median of {RUNS} run(s) per page; reports in {OUT.relative_to(ROOT)}/"
    )


if __name__ == "__main__":
    main()
