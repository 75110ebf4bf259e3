"""Load scenario against the production stack on loopback (`make bench`).

Starts the stack (PostgreSQL + Redis + gunicorn + worker, scripts/prod-stack.sh), then runs, each at
a fixed concurrency and bounded by time and request count:

* anonymous page views of public pages (served from the page cache after the first view);
* member browsing (signed in: never cached, every request renders);
* search (when the search app provides /zoeken/);
* posting (membership applications, each by a fresh account; every accepted one is checked in the
  database afterwards);
* the mix of all four (60/25/10/5);
* a static file of the same size as the home page, served by the same gunicorn + whitenoise (the
  ceiling), and the ratio.

Environment: BENCH_CONCURRENCY (16), BENCH_SECONDS (15 per scenario), BENCH_MAX_REQUESTS (50000).
"""

import os
import time

from .common import HEADER, ROOT, Client, count_applications, make_sessions, run_load, say, stack

CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "8"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "15"))
MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS", "50000"))
PUBLIC_CANDIDATES = ["/", "/methodiek/", "/lunchsessies/"]
MEMBER_CANDIDATES = ["/", "/lidmaatschap/", "/casussen/", "/methodiek/", "/lunchsessies/"]
SEARCH_TERMS = ["ouderschap", "omgang", "kindgesprek", "overdracht", "plan van aanpak", "escalatie"]
APPLICATION = {
    "profession": "Jeugdhulpverlener",
    "organisation": "Jeugdhulp Benchmark",
    "motivation": "Ik begeleid ouders na een scheiding en wil kennis delen met collega's.",
}


def discover(paths, client) -> list[str]:
    found = []
    for path in paths:
        status, _body, _headers = client.get(path)
        if status == 200:
            found.append(path)
    return found


def static_sample(size: int) -> str:
    """A static file of ``size`` bytes, in STATIC_ROOT before gunicorn starts (whitenoise indexes at start)."""
    folder = ROOT / "var" / "prod" / "static" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "sample.html"
    text = ("<p>Kennisplein Scheiding statisch voorbeeld.</p>\n" * (size // 48 + 1))[:size]
    path.write_text(text)
    return "/static/bench/sample.html"


def main():
    say(f"Starting the production stack (gunicorn on 127.0.0.1:{os.environ.get('PROD_WEB_PORT', '8080')}) ...")
    stack("start")
    probe = Client()
    _status, home, _headers = probe.get("/")
    sample = static_sample(len(home))
    stack("stop-web")
    stack("start-web")  # whitenoise now knows the sample file

    prefix = str(int(time.time()))
    sessions = make_sessions(count=400, prefix=prefix)
    member_probe = Client({"sessionid": sessions["member"]})
    public_paths = discover(PUBLIC_CANDIDATES, Client())
    member_paths = discover(MEMBER_CANDIDATES, member_probe)
    search_available = Client().get("/zoeken/?q=ouderschap")[0] == 200
    applicants = list(sessions["applicants"])
    accepted = []

    def anonymous(client, index, rng):
        status, body, _ = client.get(rng.choice(public_paths))
        return status, body

    def member(client, index, rng):
        client.cookies["sessionid"] = sessions["member"]
        status, body, _ = client.get(rng.choice(member_paths))
        return status, body

    def search(client, index, rng):
        status, body, _ = client.get(f"/zoeken/?q={rng.choice(SEARCH_TERMS).replace(' ', '+')}")
        return status, body

    def posting(client, index, rng):
        if not applicants:
            return anonymous(client, index, rng)
        key = applicants.pop()
        poster = Client({"sessionid": key})
        status, body, headers = poster.post_form("/lidmaatschap/", APPLICATION)
        if status == 302:
            accepted.append(key)
        return status, body

    def mixed(client, index, rng):
        roll = rng.random()
        if roll < 0.60:
            return anonymous(client, index, rng)
        if roll < 0.85:
            return member(Client({"sessionid": sessions["member"]}) if index % 2 else client, index, rng)
        if roll < 0.95 and search_available:
            return search(client, index, rng)
        return posting(client, index, rng)

    def static(client, index, rng):
        status, body, _ = client.get(sample)
        return status, body

    say(f"\nConcurrency {CONCURRENCY}, at most {SECONDS:.0f} s and {MAX_REQUESTS} requests per scenario; "
        f"public paths {public_paths}, member paths {member_paths}, search {'yes' if search_available else 'not installed'}; "
        f"home page {len(home)} bytes.\n")
    results = []
    bounded = dict(concurrency=CONCURRENCY, duration=SECONDS, max_requests=MAX_REQUESTS)
    results.append(run_load("anonymous page views (page cache)", anonymous, **bounded))
    results.append(run_load("member browsing (rendered)", member, **bounded))
    if search_available:
        results.append(run_load("search", search, **bounded))
    results.append(run_load("posting (membership applications)", posting, concurrency=CONCURRENCY, duration=SECONDS,
                            max_requests=150))
    results.append(run_load("mixed 60/25/10/5", mixed, **bounded))
    results.append(run_load(f"static file, same size ({len(home)} B)", static, **bounded))

    say(HEADER)
    for result in results:
        say(result.row())
    page_rate = results[0].count / results[0].elapsed
    member_rate = results[1].count / results[1].elapsed
    static_rate = results[-1].count / results[-1].elapsed
    say(f"\nratio anonymous page / static file: {page_rate / static_rate:.2f}; "
        f"member page / static file: {member_rate / static_rate:.2f}")
    stored = count_applications(prefix)
    say(f"posting: {len(accepted)} applications accepted (302), {stored} found in the database afterwards"
        f" -> {'nothing lost' if stored >= len(accepted) else 'LOST ' + str(len(accepted) - stored)}")
    statuses = {}
    for result in results:
        for status, count in result.statuses.items():
            statuses[status] = statuses.get(status, 0) + count
    say(f"status codes over all scenarios: {dict(sorted(statuses.items()))}")


if __name__ == "__main__":
    main()
