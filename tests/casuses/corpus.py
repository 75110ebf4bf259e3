"""The annotated casus corpus and its measurement, in two parts.

``corpus.txt`` is the part the checks were tuned on; ``corpus_heldout.txt`` was written before the
tuning of issue 17 and is never used to tune. Per part: recall per kind, false blocks and warnings
per 1,000 words of clean texts, and speed. ``make eval-anonymity`` (``python -m tests.casuses.corpus``)
prints the table and rewrites corpus_results.md.
"""

import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.txt"
HELDOUT = HERE / "corpus_heldout.txt"
PARTS = {"tuned": CORPUS, "held-out": HELDOUT}
RESULTS = HERE / "corpus_results.md"
MARK = re.compile(r"\[\[(\w+)\|([^\]]+)\]\]")


@dataclass
class Span:
    kind: str
    start: int
    end: int
    text: str


@dataclass
class Text:
    id: str
    text: str
    spans: list

    @property
    def clean(self) -> bool:
        return self.id.startswith("schoon-")


def load(path: Path = CORPUS) -> list[Text]:
    texts, current_id, lines = [], None, []

    def flush():
        if current_id is not None:
            texts.append(_parse(current_id, "\n".join(lines).strip()))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        header = re.fullmatch(r"=== (\S+) ===", line.strip())
        if header:
            flush()
            current_id, lines = header.group(1), []
        else:
            lines.append(line)
    flush()
    return texts


def _parse(text_id: str, marked: str) -> Text:
    plain, spans, position = [], [], 0
    length = 0
    for match in MARK.finditer(marked):
        before = marked[position : match.start()]
        plain.append(before)
        length += len(before)
        kind, value = match.group(1), match.group(2)
        spans.append(Span(kind, length, length + len(value), value))
        plain.append(value)
        length += len(value)
        position = match.end()
    plain.append(marked[position:])
    return Text(text_id, "".join(plain), spans)


def measure(find=None, path: Path = CORPUS) -> dict:
    import time

    from casuses.anonymity import BLOCK_KINDS, find_personal_data

    find = find or find_personal_data
    texts = load(path)
    per_kind: dict[str, list[int]] = {}  # kind -> [caught, expected]
    totals = {"block": [0, 0], "warn": [0, 0]}  # severity -> [caught, expected]
    false_block = false_warn = words = clean_words = 0
    other_false_block = 0
    missed, false_positives = [], []
    seconds = 0.0
    for item in texts:
        started = time.perf_counter()
        findings = find(item.text)
        seconds += time.perf_counter() - started
        count = len(item.text.split())
        words += count
        clean_words += count if item.clean else 0
        for span in item.spans:
            severity = "block" if span.kind in BLOCK_KINDS else "warn"
            overlapping = [f for f in findings if f.start < span.end and f.end > span.start]
            caught = any(f.severity == "block" for f in overlapping) if severity == "block" else bool(overlapping)
            for tally in (totals[severity], per_kind.setdefault(span.kind, [0, 0])):
                tally[0] += caught
                tally[1] += 1
            if not caught:
                missed.append((item.id, span.kind, span.text))
        annotated_texts = {s.text.lower() for s in item.spans}
        for finding in findings:
            annotated = any(finding.start < s.end and finding.end > s.start for s in item.spans)
            repeated = finding.text.lower() in annotated_texts  # a later mention of an annotated name
            if annotated or repeated:
                continue
            false_positives.append((item.id, finding.kind, finding.severity, finding.text))
            if not item.clean:
                other_false_block += finding.severity == "block"
            elif finding.severity == "block":
                false_block += 1
            else:
                false_warn += 1
    block_kinds = {k: v for k, v in per_kind.items() if k in BLOCK_KINDS}
    return {
        "texts": len(texts),
        "annotated_texts": sum(not t.clean for t in texts),
        "clean_texts": sum(t.clean for t in texts),
        "words": words,
        "clean_words": clean_words,
        "block_recall": totals["block"][0] / totals["block"][1],
        "block_expected": totals["block"][1],
        "warn_recall": totals["warn"][0] / totals["warn"][1] if totals["warn"][1] else 1.0,
        "warn_expected": totals["warn"][1],
        "per_kind": dict(sorted(per_kind.items())),
        "min_block_kind_recall": min(c / e for c, e in block_kinds.values()),
        "false_block_per_1000": 1000 * false_block / max(clean_words, 1),
        "false_warn_per_1000": 1000 * false_warn / max(clean_words, 1),
        "unannotated_blocks_in_annotated_texts": other_false_block,
        "ms_per_1000_words": 1000 * 1000 * seconds / words,
        "missed": missed,
        "false_positives": false_positives,
    }


def first_check_seconds(find=None) -> float:
    """Seconds for one check of a 1,000-word casus (made of corpus text)."""
    import time

    from casuses.anonymity import find_personal_data

    find = find or find_personal_data
    text = " ".join(" ".join(t.text for t in load()).split()[:1000])
    started = time.perf_counter()
    find(text)
    return time.perf_counter() - started


def report(parts: dict, first_check: float | None = None) -> str:
    from casuses.anonymity import BLOCK_KINDS

    names = list(parts)
    lines = [
        "# Anonimiteitscontrole: gemeten op het casuscorpus",
        "",
        "Measured by `make eval-anonymity` (`tests/casuses/corpus.py`). *tuned*: `corpus.txt`, the texts the "
        "checks were tuned on; *held-out*: `corpus_heldout.txt`, written before the tuning and never tuned on. "
        "The floors in `tests/casuses/test_anonymity.py` sit just below these figures. Recall of a block kind "
        "counts a span as caught only when a blocking finding overlaps it; of a warn kind, any finding.",
        "",
        "| | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]

    def row(label, cell):
        lines.append(f"| {label} | " + " | ".join(cell(parts[n]) for n in names) + " |")

    row("texts (annotated + clean)", lambda f: f"{f['annotated_texts']} + {f['clean_texts']}")
    row("words (clean)", lambda f: f"{f['words']} ({f['clean_words']})")
    row("**recall, block kinds**", lambda f: f"**{f['block_recall']:.1%}** of {f['block_expected']}")
    kinds = sorted({k for f in parts.values() for k in f["per_kind"]}, key=lambda k: (k not in BLOCK_KINDS, k))
    for kind in kinds:
        marker = "" if kind in BLOCK_KINDS else " (warn)"

        def cell(f, kind=kind):
            caught, expected = f["per_kind"].get(kind, (0, 0))
            return f"{caught}/{expected}" if expected else "–"

        row(f"recall {kind}{marker}", cell)
    row("recall, warn kinds", lambda f: f"{f['warn_recall']:.1%} of {f['warn_expected']}")
    row("**false blocks per 1,000 clean words**", lambda f: f"**{f['false_block_per_1000']:.2f}**")
    row("warnings per 1,000 clean words", lambda f: f"{f['false_warn_per_1000']:.2f}")
    row("unannotated blocks in annotated texts", lambda f: str(f["unannotated_blocks_in_annotated_texts"]))
    row("ms per 1,000 words (loaded)", lambda f: f"{f['ms_per_1000_words']:.0f}")
    if first_check is not None:
        lines += ["", f"First check of a 1,000-word casus in this process: {first_check:.3f} s."]
    for name in names:
        figures = parts[name]
        lines += ["", f"## Missed ({name})", ""]
        lines += [f"- {text_id}: {kind} `{value}`" for text_id, kind, value in figures["missed"]] or ["- (none)"]
        lines += ["", f"## Findings not annotated ({name})", ""]
        lines += [
            f"- {text_id}: {kind} ({severity}) `{value}`"
            for text_id, kind, severity, value in figures["false_positives"]
        ] or ["- (none)"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import os
    import sys
    import time

    import django

    sys.path.insert(0, str(HERE.parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "community.settings.test")
    django.setup()
    from casuses.anonymity import warm_up

    started = time.perf_counter()
    warm_up()
    print(f"Deduce loaded and warmed in {time.perf_counter() - started:.1f} s")
    first = first_check_seconds()
    text = report({name: measure(path=path) for name, path in PARTS.items()}, first)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)
