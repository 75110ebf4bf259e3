"""No import cycles between the project's own modules, hidden ones included.

The graph is built from the source (AST), not by importing: every ``import`` and ``from … import``
counts, at module level and inside functions (a function-level import only hides a cycle until the
function runs), and so does ``apps.get_model("app", "Model")`` with literal names (a lookup that
reaches another app's models while avoiding the import). Not counted: ``apps.py`` (Django's place
to wire apps together), migrations, management commands and tests, which nothing imports.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("community", "casuses", "lunchsessions", "methodology", "search")
SKIPPED_PARTS = {"migrations", "commands", "tests"}

# Cycles tolerated: none. An entry would be a strongly connected component (every module in it reaches
# every other); a cycle whose modules all lie inside one entry would be tolerated. Add one only with a
# comment naming who removes it, and when.
ALLOWED_CYCLES: list[frozenset[str]] = []


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            relative = path.relative_to(ROOT)
            if path.name == "apps.py" or SKIPPED_PARTS & set(relative.parts):
                continue
            modules[module_name(path)] = path
    return modules


def _absolute(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _get_model_target(node: ast.Call) -> str | None:
    """``apps.get_model("app", "Model")`` (or ``"app.Model"``) with literal names: the app's models."""
    if not (isinstance(node.func, ast.Attribute) and node.func.attr == "get_model" and node.args):
        return None
    first = node.args[0]
    if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
        return None
    return first.value.split(".")[0] + ".models"


def imported_names(module: str, path: Path) -> set[tuple[str, ...]]:
    """What this module imports: one tuple of candidate names per import, the most specific first.

    ``from a import b`` imports the module ``a.b`` if there is one (like ``import a.b``, which only
    runs the package ``a`` on the way), else the name ``b`` from the module ``a``.
    """
    names = set()
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update((alias.name,) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, is_package, node)
            names.update((f"{source}.{alias.name}", source) for alias in node.names)
        elif isinstance(node, ast.Call) and (target := _get_model_target(node)):
            names.add((target,))
    return names


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    graph = {}
    for module, path in modules.items():
        targets = {next((name for name in names if name in modules), None) for names in imported_names(module, path)}
        targets.discard(None)
        graph[module] = targets - {module}
    return graph


def strongly_connected_components(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative (the graph is a few hundred modules deep at most)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        components.append(component)
    return components


def one_cycle(graph: dict[str, set[str]], component: set[str]) -> list[str]:
    """A shortest cycle through the component's first module, to print (breadth-first search)."""
    start = min(component)
    previous = {start: None}
    queue = [start]
    for node in queue:
        for successor in sorted(graph[node] & component):
            if successor == start:
                path = [node]
                while previous[path[-1]] is not None:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if successor not in previous:
                previous[successor] = node
                queue.append(successor)
    raise AssertionError(f"no cycle in {component}")


def test_the_graph_sees_function_level_imports_and_get_model(tmp_path):
    source = tmp_path / "example.py"
    source.write_text(
        "from .models import Page\n"
        "def later():\n"
        "    from . import views\n"
        "    return apps.get_model('methodology', 'Phase')\n"
    )
    names = imported_names("casuses.example", source)
    assert {("casuses.models.Page", "casuses.models"), ("casuses.views", "casuses"), ("methodology.models",)} <= names


def test_cycles_are_found_and_printed():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    components = strongly_connected_components(graph)
    assert components == [{"a", "b", "c"}]
    assert one_cycle(graph, components[0]) == ["a", "b", "c", "a"]


def test_no_import_cycles():
    graph = import_graph()
    cycles = [
        " -> ".join(one_cycle(graph, component)) + f"   ({len(component)} modules: {', '.join(sorted(component))})"
        for component in strongly_connected_components(graph)
        if not any(component <= allowed for allowed in ALLOWED_CYCLES)
    ]
    assert not cycles, "Import cycles (break them; see docs/DESIGN.md, contracts between apps):\n" + "\n".join(cycles)
