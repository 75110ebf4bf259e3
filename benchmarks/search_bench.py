"""Search benchmark: index 10,000 and 100,000 generated Dutch documents, then time a mixed query set.

    make bench-search                       # SQLite and PostgreSQL (the private cluster of scripts/postgres.sh)
    .venv/bin/python benchmarks/search_bench.py --sizes 10000 [--database-url postgres://...]

Prints one table for both databases: indexing throughput (docs/s, the rebuild path: adapters -> stems -> rows + full-text index),
search latency p50/p95 over the mixed query set (hits + facets + access filter, as the page does) per role, and
the cost of access filtering (anonymous and member vs. an unrestricted audience list, plus working out the
allowed audiences). Not a test: it takes a few minutes.
"""

import argparse
import builtins
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(database_url: str | None) -> None:
    os.environ.setdefault("KENNISPLEIN_VAR_DIR", tempfile.mkdtemp(prefix="kennisplein-bench-"))
    Path(os.environ["KENNISPLEIN_VAR_DIR"]).mkdir(parents=True, exist_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "community.settings.test"
    if database_url:
        os.environ["TEST_DATABASE_URL"] = database_url
    else:
        os.environ.pop("TEST_DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


QUERIES = [
    "ouders",
    "begeleide omgang",
    "contactverlies",
    "ouderschapsplan",
    "kindgesprek",
    "vechtscheiding",
    '"plan van aanpak"',
    "omgangsregeling kind",
    "overdrachtsbegeleiding",
    "veilig thuis",
    "scheidingen",
    "hulpverlener ouders kind",
    "terugkomafspraken",
    "interactie-observatie",
    "jeugdteam escalatie",
    "omgangsbemidelling",
    "zeppelin",
    "mediation advocaat",
    "loyaliteitsconflict",
    "wat doe je bij contactverlies",
]
FILTERED = [("ouders", {"type": "casus"}), ("omgang", {"sort": "date"}), ("kind", {"tag": "omgang"})]
TYPES = [
    ("guide", 0.2),
    ("training", 0.1),
    ("casus", 0.35),
    ("lunchsession", 0.15),
    ("organisation", 0.05),
    ("reaction", 0.15),
]
TAGS = [
    "omgang",
    "contactverlies",
    "ouderschapsplan",
    "vechtscheiding",
    "kindgesprek",
    "intake",
    "overdracht",
    "veilig thuis",
    "jeugdteam",
    "mediation",
    "loyaliteit",
    "hechting",
    "co-ouderschap",
    "rechtbank",
    "raad",
    "onderzoek",
    "training",
    "werkmaterialen",
    "skj",
    "intervisie",
    "omgangshuis",
    "jonge kinderen",
    "pubers",
    "nieuwe partner",
    "verhuizing",
    "huiselijk geweld",
    "ouderverstoting",
    "plan van aanpak",
    "evaluatie",
    "terugkomafspraak",
]
PHASES = ["", "", "intake", "kindgesprek", "plan-van-aanpak", "begeleide-omgang", "overdrachtsbegeleiding", "afronding"]


def corpus_sentences() -> list[str]:
    seeds = ROOT.parent / "shared" / "seeds"  # the Dutch source texts beside the checkout
    files = sorted(seeds.glob("*.txt"))
    if not files:
        # Eight sentences alone make another benchmark, whose figures compare with nothing.
        sys.exit(f"search_bench: no seed texts in {seeds} (the Dutch source texts beside the checkout)")
    text = " ".join(p.read_text(encoding="utf-8") for p in files)
    sentences = [s.strip() for s in re.split(r"(?<=[.!?;:])\s+|\n+", text) if len(s.split()) >= 4]
    extra = [
        "De omgangsbegeleider ziet het kind samen met de ouder in het Omgangshuis.",
        "Na de begeleide omgang volgen hoogstens twee keer overdrachtsbegeleiding.",
        "Bij contactverlies is het belangrijk dat het kind zich gehoord voelt.",
        "In een vechtscheiding zit het kind vaak klem in een loyaliteitsconflict.",
        "Het ouderschapsplan legt afspraken vast over zorg, opvoeding en omgang.",
        "Komen ouders niet tot afspraken, dan schakelen we het Jeugdteam of Veilig Thuis in.",
        "Tijdens het kindgesprek zijn de ouders niet aanwezig.",
        "De terugkomafspraken vinden plaats in het half jaar na het intensieve traject.",
    ]
    return sentences + extra * 5


def syllable_word(rng: random.Random) -> str:
    syllables = [
        "ver",
        "be",
        "ont",
        "oud",
        "er",
        "schap",
        "kin",
        "de",
        "ren",
        "om",
        "gang",
        "re",
        "ge",
        "ling",
        "zorg",
        "hulp",
        "wijk",
        "team",
        "plan",
        "af",
        "spraak",
        "over",
        "dracht",
        "ge",
        "sprek",
        "tal",
    ]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))


def generate(count: int, seed: int = 6):
    import datetime

    from community.core.access import association_audience, members_audience
    from search.documents import SearchDocument

    rng = random.Random(seed)
    sentences = corpus_sentences()
    rare = [syllable_word(rng) for _ in range(5000)]
    audiences = [("public", 0.6), (members_audience(), 0.3), (association_audience(), 0.1)]
    docs = []
    for i in range(count):
        type_ = rng.choices([t for t, _ in TYPES], [w for _, w in TYPES])[0]
        words = " ".join(rng.sample(sentences, rng.randint(3, 14)))
        words += " " + " ".join(rng.choice(rare) for _ in range(rng.randint(3, 12)))
        title_words = rng.choice(sentences).split()[: rng.randint(3, 8)]
        docs.append(
            SearchDocument(
                type=type_,
                key=f"bench:{i}",
                title=" ".join(title_words).strip(".,;:"),
                text=words,
                url=f"/bench/{i}/",
                audience=rng.choices([a for a, _ in audiences], [w for _, w in audiences])[0],
                tags=rng.sample(TAGS, rng.randint(0, 3)),
                phase=rng.choice(PHASES),
                date=datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randint(0, 3800)),
            )
        )
    return docs


def clear_index() -> None:
    from django.db import connection

    from search import store
    from search.models import IndexedDocument, IndexedTag

    IndexedTag.objects.all()._raw_delete(connection.alias)
    IndexedDocument.objects.all()._raw_delete(connection.alias)
    store.drop_orphans()


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values, q) -> float:
    values = sorted(values)
    index = min(len(values) - 1, max(0, round(q / 100 * (len(values) - 1))))
    return values[index]


def run(size: int, repeat: int) -> dict:
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from wagtail import hooks

    from community.core.access import association_audience, members_audience
    from community.core.hooks import SEARCH_ADAPTERS
    from search import documents, indexing, service
    from search.engines import SearchQuery, database_engine

    class BenchAdapter(documents.SearchAdapter):
        type = "bench"
        models = ()

        def __init__(self, docs):
            self.docs = docs

        def queryset(self):
            return self.docs

        def to_document(self, obj):
            return obj

    clear_index()
    docs = generate(size)
    adapter = BenchAdapter(docs)
    hooks.search_for_hooks()
    hooks._hooks[SEARCH_ADAPTERS] = [(lambda: adapter, 0)]  # the generated documents only, for this process
    start = time.perf_counter()
    indexing.rebuild(batch_size=1000)
    elapsed = time.perf_counter() - start
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_indexeddocument")
            cursor.execute("VACUUM ANALYZE search_vector")
            cursor.execute("ANALYZE search_indexedtag")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    engine = database_engine()
    roles = {
        "anonymous": ["public"],
        "member": ["public", members_audience()],
        "unrestricted": ["public", members_audience(), association_audience()],
    }
    queries = [SearchQuery(q=q) for q in QUERIES] + [SearchQuery(q=q, **extra) for q, extra in FILTERED]
    latencies = {}
    for role, audiences in roles.items():
        for query in queries:  # warm up
            engine.search(query, audiences)
        samples = []
        for _ in range(repeat):
            for query in queries:
                samples += timed(lambda query=query, audiences=audiences: engine.search(query, audiences), 1)
        latencies[role] = samples
    # the per-request work of access filtering outside the query: which audiences may this user see
    audience_ms = timed(lambda: service.allowed_audiences(AnonymousUser()), 200)
    service_samples = []
    for query in queries:
        service_samples += timed(lambda query=query: service.search(AnonymousUser(), query), 1)
    queries_per_search = {}
    from django.test.utils import CaptureQueriesContext

    for query in queries:
        with CaptureQueriesContext(connection) as captured:
            engine.search(query, roles["member"])
        queries_per_search[query.q + (" " + query.sort if query.sort != "relevance" else "")] = len(captured)
    return {
        "vendor": connection.vendor,
        "queries": max(queries_per_search.values()),
        "size": size,
        "docs_per_s": size / elapsed,
        "rebuild_s": elapsed,
        "latencies": latencies,
        "audience_ms": statistics.median(audience_ms),
        "service": service_samples,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=5, help="rounds of the query set per role")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", ""),
        help="PostgreSQL as well (make bench-search passes the private cluster's)",
    )
    parser.add_argument("--json", help=argparse.SUPPRESS)  # one database, results to this file (a child process)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.json:  # one database per process: Django is set up once per process
        setup_django(os.environ.get("BENCH_DATABASE_URL"))
        rows = []
        for size in sizes:
            rows.append(run(size, args.repeat))
            print_table(rows[-1:], header=len(rows) == 1, file=sys.stderr)
        Path(args.json).write_text(json.dumps(rows))
        return 0
    import subprocess

    rows = []
    for url in ["", *([args.database_url] if args.database_url else [])]:
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
            env["BENCH_DATABASE_URL"] = url
            command = [
                sys.executable,
                __file__,
                "--sizes",
                args.sizes,
                "--repeat",
                str(args.repeat),
                "--json",
                out.name,
            ]
            subprocess.run(command, env=env, check=True)
            rows += json.loads(Path(out.name).read_text())
    print()
    print_table(rows)
    return 0


def print_table(rows, header=True, file=None) -> None:
    file = file or sys.stdout

    def print(*parts):
        builtins.print(*parts, file=file)

    if header:
        print(
            f"{'database':<10} {'docs':>8} {'index docs/s':>13} {'role':<13} {'p50 ms':>8} {'p95 ms':>8} "
            f"{'vs unrestricted p50':>20}"
        )
        print("-" * 86)
    for row in rows:
        base = statistics.median(row["latencies"]["unrestricted"])
        for role, samples in row["latencies"].items():
            p50, p95 = percentile(samples, 50), percentile(samples, 95)
            print(
                f"{row['vendor']:<10} {row['size']:>8} {row['docs_per_s']:>13.0f} {role:<13} {p50:>8.1f} {p95:>8.1f} "
                f"{(p50 - base):>+19.1f}ms"
            )
        service = row["service"]
        print(
            f"{row['vendor']:<10} {row['size']:>8} {'':>13} {'service anon':<13} {percentile(service, 50):>8.1f} "
            f"{percentile(service, 95):>8.1f} {'':>20}  (incl. allowed audiences {row['audience_ms']:.2f} ms, lexicon, "
            f"spelling retry; at most {row['queries']} queries per engine search)"
        )
        file.flush()


if __name__ == "__main__":
    sys.exit(main())
