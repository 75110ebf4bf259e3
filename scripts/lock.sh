#!/usr/bin/env bash
# Resolve pyproject.toml's dependencies (with the test extra) to exact versions in requirements.lock.
# `make install` installs from the lock; run `make lock` after changing a dependency range.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
"$PYTHON" -m pip install -q --dry-run --ignore-installed --report "$report" '.[test]'
"$PYTHON" - "$report" > requirements.lock <<'PY'
import json
import sys

report = json.load(open(sys.argv[1]))
pins = sorted(
    (item["metadata"]["name"].lower(), item["metadata"]["version"])
    for item in report["install"]
    if item["metadata"]["name"].lower() != "kennisplein-scheiding"
)
print("# Exact versions of every Python dependency (pyproject.toml + the test extra). Made by `make lock`.")
for name, version in pins:
    print(f"{name}=={version}")
PY
echo "requirements.lock: $(grep -c '==' requirements.lock) packages"
