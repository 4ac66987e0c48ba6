"""The layout DESIGN.md asks for, checked on the code's own imports, inside functions included:

- apps import only one way: home -> catalogue <- bookings <- trainers, and evaluations (on
  catalogue and bookings) which trainers may use;
- inside an app no module imports one that imports it back (directly or round a circle).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {
    "home": {"catalogue"},
    "catalogue": set(),
    "bookings": {"catalogue"},
    "trainers": {"catalogue", "bookings", "evaluations"},
    "evaluations": {"catalogue", "bookings"},
}


def imported_names(path: Path) -> set[str]:
    """Every module named by an import anywhere in the file (absolute dotted names; a `from x
    import y` gives both x and x.y, since y may be a module)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    if path.name == "__init__.py":
        package = package.rsplit(".", 1)[0]
    else:
        package = package.rsplit(".", 1)[0] if "." in package else ""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def module_file(name: str) -> Path | None:
    """The file of a dotted module name in this tree, or None."""
    path = ROOT.joinpath(*name.split("."))
    if path.with_suffix(".py").is_file():
        return path.with_suffix(".py")
    if (path / "__init__.py").is_file():
        return path / "__init__.py"
    return None


def app_modules(app: str) -> list[Path]:
    return [path for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts]


def app_graph(app: str) -> dict[Path, set[Path]]:
    """Module -> the modules of the same app it names in an import. Importing `a.b.c` is an
    arrow to a/b/c.py (and importing the package `a.b` one to a/b/__init__.py), as import
    checkers count it."""
    graph = {}
    for path in app_modules(app):
        targets = {
            target
            for name in imported_names(path)
            if name.split(".")[0] == app and (target := module_file(name)) is not None
        }
        targets.discard(path)
        graph[path] = targets
    return graph


def cycles(graph: dict[Path, set[Path]]) -> list[list[Path]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_apps_import_only_in_the_allowed_direction(app):
    offences = {}
    for path in (ROOT / app).rglob("*.py"):
        apps = {name.split(".")[0] for name in imported_names(path)} & set(ALLOWED)
        if wrong := sorted(apps - ALLOWED[app] - {app}):
            offences[str(path.relative_to(ROOT))] = wrong
    assert offences == {}


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_no_module_imports_one_that_imports_it_back(app):
    circles = [
        [str(path.relative_to(ROOT)) for path in circle] for circle in cycles(app_graph(app))
    ]
    assert circles == []


def test_the_cycle_check_finds_a_circle(tmp_path):
    """The check itself: a -> b -> c -> a is a circle, d -> a is not part of it."""
    a, b, c, d = (tmp_path / f"{name}.py" for name in "abcd")
    found = cycles({a: {b}, b: {c}, c: {a}, d: {a}})
    assert len(found) == 1 and len(found[0]) == 3
