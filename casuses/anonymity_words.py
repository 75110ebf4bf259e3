"""Regenerate anonymity_data/name_like_words.txt: first names that are also (lower-case) Dutch words.

Run ``python -m casuses.anonymity_words`` with the Debian word list ``wdutch`` installed.
"""

from pathlib import Path

from casuses.anonymity import _DATA, FIRST_NAMES

WORD_LIST = Path("/usr/share/dict/dutch")
HEADER = (
    '# Dutch words that are also first names ("wil", "roos", "de"): in lower case they are words.\n'
    "# Derived: the lower-case entries of the OpenTaal word list (Debian package wdutch, BSD-3-Clause /\n"
    "# CC BY 3.0) that are in Deduce's first-name list or first_names.txt (python -m casuses.anonymity_words).\n"
)
# Names far more common as names than as the rare word they also spell.
NAMES_FIRST = {"bram", "sem", "kees", "adam"}


def main() -> None:
    words = {w.strip() for w in WORD_LIST.read_text(encoding="utf-8").splitlines() if w.strip().islower()}
    both = sorted((FIRST_NAMES & words) - NAMES_FIRST)
    (_DATA / "name_like_words.txt").write_text(HEADER + "\n".join(both) + "\n", encoding="utf-8")
    print(f"{len(both)} name-like words written")


if __name__ == "__main__":
    main()
