"""The layout of community/ holds: the core imports no feature package, and no import hides in a function."""

import ast
from pathlib import Path

import pytest

import community

# No database needed; the mark only lets this file run alone (tests/conftest.py serialises the test database).
pytestmark = pytest.mark.django_db

ROOT = Path(community.__file__).parent
FEATURES = (
    "community.accounts",
    "community.members",
    "community.network",
    "community.notify",
    "community.site",
    "community.demo",
    "casuses",
    "lunchsessions",
    "methodology",
    "search",
)
# ready() runs once the apps are loaded; wsgi.py warms up the anonymity check after Django is set up.
FUNCTION_IMPORTS_ALLOWED = {"apps.py", "wsgi.py"}


def modules(folder: Path):
    for path in sorted(folder.rglob("*.py")):
        if "migrations" not in path.parts and "settings" not in path.parts:
            yield path, ast.parse(path.read_text(), filename=str(path))


def imported_names(tree) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return names


def test_core_imports_no_feature_package():
    offending = [
        (path.name, name)
        for path, tree in modules(ROOT / "core")
        for name in imported_names(tree)
        if any(name == feature or name.startswith(feature + ".") for feature in FEATURES)
    ]
    assert offending == []


def test_no_import_inside_a_function():
    offending = []
    for path, tree in modules(ROOT):
        if path.name in FUNCTION_IMPORTS_ALLOWED:
            continue
        for function in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
            for node in ast.walk(function):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    offending.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offending == []
