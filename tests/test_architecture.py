"""The package's shape: no import cycles, no import pointing up a layer, no print in libraries."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "saidwhat"

# Lower layers never import higher ones; a layer may import its own and any lower one.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("saidwhat.records", "saidwhat.settings", "saidwhat.data"),
    ("saidwhat.io", "saidwhat.engine"),
    ("saidwhat.run",),
    ("saidwhat.corpus",),
    ("saidwhat.index",),
    ("saidwhat.evaluation",),
    ("saidwhat.web",),
    ("saidwhat.cli", "saidwhat.__main__"),
)
# Inside io, reading input and writing output are separate: neither side imports the other.
IO_READING = ("saidwhat.io.discover", "saidwhat.io.readers", "saidwhat.io.kinds",
              "saidwhat.io.saved")
IO_WRITING = ("saidwhat.io.sinks",)
FACADE = "saidwhat"  # the package itself is the public API (extract, extract_many): any layer


def module_name(path: Path) -> str:
    """The dotted module name of a file under the package."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, ast.Module]:
    """Every module of the package, parsed."""
    return {module_name(p): ast.parse(p.read_text(encoding="utf-8"), str(p))
            for p in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, tree: ast.Module, known: set[str]) -> Iterator[str]:
    """The package modules a module imports anywhere (top level, functions, TYPE_CHECKING)."""
    package = name if name in known and _is_package(name) else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base
                       for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and target.startswith("saidwhat"):
                yield target


def _is_package(name: str) -> bool:
    """Whether a module name is a package (a folder with __init__.py)."""
    return (PACKAGE.parent / name.replace(".", "/") / "__init__.py").exists()


def graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports."""
    trees = modules()
    known = set(trees)
    return {name: set(imported(name, tree, known)) for name, tree in trees.items()}


def layer_of(name: str) -> int | None:
    """The index of a module's layer, None for the facade."""
    for i, prefixes in enumerate(LAYERS):
        if any(name == p or name.startswith(p + ".") for p in prefixes):
            return i
    return None


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_every_module_has_a_layer() -> None:
    unplaced = [m for m in graph() if m != FACADE and layer_of(m) is None]
    assert unplaced == []


def test_no_import_cycles() -> None:
    assert cycles(graph()) == []


def test_no_import_points_up_a_layer() -> None:
    upward = []
    for name, targets in graph().items():
        if name == FACADE:
            continue
        for target in targets:
            if target == FACADE:
                upward.append(f"{name} -> {target} (the facade is for users)")
            elif layer_of(target) > layer_of(name):  # type: ignore[operator]
                upward.append(f"{name} -> {target}")
    assert upward == []


def test_reading_input_and_writing_output_stay_apart() -> None:
    crossing = [f"{name} -> {target}" for name, targets in graph().items() for target in targets
                if (_within(name, IO_READING) and _within(target, IO_WRITING))
                or (_within(name, IO_WRITING) and _within(target, IO_READING))]
    assert crossing == []


def test_engine_and_io_do_not_import_each_other() -> None:
    crossing = [f"{name} -> {target}" for name, targets in graph().items() for target in targets
                if {_top(name), _top(target)} == {"io", "engine"}]
    assert crossing == []


def _top(name: str) -> str:
    """The layer package of a module: saidwhat.io.sinks -> io."""
    return name.split(".")[1] if "." in name else ""


def test_library_modules_never_print_or_parse_arguments() -> None:
    offenders = []
    for name, tree in modules().items():
        if layer_of(name) == len(LAYERS) - 1:
            continue  # the command line prints and parses
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "print"):
                offenders.append(f"{name}:{node.lineno} print()")
            elif isinstance(node, ast.Import | ast.ImportFrom):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                names += [a.name for a in node.names]
                if "argparse" in names:
                    offenders.append(f"{name}:{node.lineno} argparse")
    assert offenders == []


def test_the_checks_see_a_cycle_and_an_upward_import() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert layer_of("saidwhat.io.sinks") < layer_of("saidwhat.cli.extract")  # type: ignore[operator]
    tree = ast.parse("from saidwhat.cli import main\nfrom . import sinks\n")
    known = {"saidwhat.cli", "saidwhat.io.sinks", "saidwhat.io.discover"}
    assert set(imported("saidwhat.io.discover", tree, known)) == {"saidwhat.cli",
                                                                  "saidwhat.io.sinks"}
