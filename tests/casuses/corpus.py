"""The annotated casus corpus and its measurement: recall per severity, false positives per 1,000 words.

Run ``.venv/bin/python -m tests.casuses.corpus`` to print the figures and rewrite corpus_results.md.
"""

import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.txt"
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


def load() -> list[Text]:
    texts, current_id, lines = [], None, []

    def flush():
        if current_id is not None:
            texts.append(_parse(current_id, "\n".join(lines).strip()))

    for line in CORPUS.read_text(encoding="utf-8").splitlines():
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
        before = marked[position:match.start()]
        plain.append(before)
        length += len(before)
        kind, value = match.group(1), match.group(2)
        spans.append(Span(kind, length, length + len(value), value))
        plain.append(value)
        length += len(value)
        position = match.end()
    plain.append(marked[position:])
    return Text(text_id, "".join(plain), spans)


def measure(find=None) -> dict:
    from casuses.anonymity import BLOCK_KINDS, find_personal_data

    find = find or find_personal_data
    totals = {"block": [0, 0], "warn": [0, 0]}  # severity -> [found, expected]
    false_block = false_warn = words = 0
    missed, false_positives, clean_words = [], [], 0
    for item in load():
        findings = find(item.text)
        words += len(item.text.split())
        if item.clean:
            clean_words += len(item.text.split())
        for span in item.spans:
            severity = "block" if span.kind in BLOCK_KINDS else "warn"
            overlapping = [f for f in findings if f.start < span.end and f.end > span.start]
            if severity == "block":
                caught = any(f.severity == "block" for f in overlapping)
            else:
                caught = bool(overlapping)
            totals[severity][1] += 1
            totals[severity][0] += caught
            if not caught:
                missed.append((item.id, span.kind, span.text))
        for finding in findings:
            annotated = any(finding.start < s.end and finding.end > s.start for s in item.spans)
            repeated = finding.text in {s.text for s in item.spans}  # a later mention of an annotated name
            if not (annotated or repeated):
                false_positives.append((item.id, finding.kind, finding.severity, finding.text))
                if finding.severity == "block":
                    false_block += 1
                else:
                    false_warn += 1
    return {
        "texts": len(load()),
        "words": words,
        "block_recall": totals["block"][0] / totals["block"][1],
        "block_expected": totals["block"][1],
        "warn_recall": totals["warn"][0] / totals["warn"][1],
        "warn_expected": totals["warn"][1],
        "false_block_per_1000": 1000 * false_block / words,
        "false_warn_per_1000": 1000 * false_warn / words,
        "missed": missed,
        "false_positives": false_positives,
    }


def report(figures: dict) -> str:
    lines = [
        "# Anonimiteitscontrole: gemeten op het casuscorpus",
        "",
        "Measured by `tests/casuses/corpus.py` on `tests/casuses/corpus.txt` "
        "(regenerate: `.venv/bin/python -m tests.casuses.corpus`). The floors in "
        "`tests/casuses/test_anonymity.py` are set just below these figures.",
        "",
        "Texts persoon-01..14 and schoon-01..14 were used to tune the checks; persoon-15..17 and "
        "schoon-15..20 were written afterwards and added without further tuning (one miss and the false "
        "positive below come from them; the other miss is an employer name no check can know).",
        "",
        f"- texts: {figures['texts']}, words: {figures['words']}",
        f"- recall of `block` data (caught as block): {figures['block_recall']:.1%} "
        f"of {figures['block_expected']} annotated spans",
        f"- recall of `warn` data (caught at all): {figures['warn_recall']:.1%} of {figures['warn_expected']} spans",
        f"- false `block` findings per 1,000 words: {figures['false_block_per_1000']:.2f}",
        f"- false `warn` findings per 1,000 words: {figures['false_warn_per_1000']:.2f}",
        "",
        "## Missed",
        "",
    ]
    lines += [f"- {text_id}: {kind} `{value}`" for text_id, kind, value in figures["missed"]] or ["- (none)"]
    lines += ["", "## False positives", ""]
    lines += [
        f"- {text_id}: {kind} ({severity}) `{value}`" for text_id, kind, severity, value in figures["false_positives"]
    ] or ["- (none)"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import django
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "community.settings.test")
    django.setup()
    result = measure()
    text = report(result)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)
