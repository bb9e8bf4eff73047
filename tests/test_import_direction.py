"""The layers point one way, checked over every module of the package (every import, also
those inside functions):

    domain <- providers <- services <- engine <- cli / app / ui

The simulator is imported only by tests, the CLI and the demo; only ui/ and app.py import
Qt; and no two modules import each other, directly or round a longer loop.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "hailuo_desktop"
ROOT = "hailuo_desktop"
QT = ("PySide6", "qasync", "shiboken6")

# What each layer may import (besides itself and the package root's version string).
ALLOWED = {
    "domain": set(),
    "providers": {"domain"},
    "services": {"domain", "providers"},
    "engine": {"domain", "providers", "services"},
    "simulator": {"domain"},
    "ui": {"domain", "services", "engine"},
}
FRONT_ENDS = {"app", "cli", "demo", "session_options", "__main__"}  # composition roots: anything below them
ENGINE = {"engine", "engine_host"}  # the façade, and the loop of its own it may run on
SIMULATOR_USERS = {"cli", "demo", "ui.demo_menu", "ui.demo_video"}  # tests, the CLI, the demo
QT_USERS = {"app"}  # and every module under ui/


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(up + ([base] if base else []))
            targets.update(_resolve(f"{base}.{alias.name}", base) for alias in node.names)
    return targets


def _resolve(candidate: str, base: str) -> str:
    return candidate if candidate in MODULES else base


def _owner(target: str) -> str:
    """The module a dotted import lands in (a name inside a module counts as the module)."""
    while target not in MODULES and "." in target:
        target = target.rsplit(".", 1)[0]
    return target


def _layer(name: str) -> str:
    parts = name.split(".")
    if len(parts) == 1:
        return "root"
    if parts[1] in ENGINE:
        return "engine"
    if parts[1] in ALLOWED:
        return parts[1]
    return "front" if parts[1] in FRONT_ENDS or parts[1].startswith("cli") else parts[1]


def _short(name: str) -> str:
    short = name.removeprefix(ROOT + ".")
    return "cli" if short.startswith("cli") and "." not in short else short


GRAPH = {
    name: {_owner(t) for t in _imports(name, path) if t.split(".")[0] == ROOT} - {name}
    for name, path in MODULES.items()
}
EXTERNAL = {name: {t.split(".")[0] for t in _imports(name, path)} for name, path in MODULES.items()}


def test_every_module_is_seen():
    assert len(MODULES) > 150 and "hailuo_desktop.engine" in MODULES and "hailuo_desktop.ui.controller" in MODULES


def test_layers_import_only_what_is_below_them():
    wrong = []
    for name, targets in GRAPH.items():
        layer = _layer(name)
        if layer == "front":
            continue
        for target in targets:
            other = _layer(target)
            if other == "simulator" and _short(name) in SIMULATOR_USERS:
                continue  # the demo's own menu: see the simulator test below
            if other not in (layer, "root") and other not in ALLOWED.get(layer, set()):
                wrong.append(f"{name} ({layer}) imports {target} ({other})")
    assert not wrong, "\n".join(sorted(wrong))


def test_the_simulator_is_imported_only_by_the_cli_and_the_demo():
    wrong = [
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        for target in targets
        if _layer(target) == "simulator" and _layer(name) != "simulator" and _short(name) not in SIMULATOR_USERS
    ]
    assert not wrong, "\n".join(sorted(wrong))


def test_the_simulator_checks_requests_by_its_own_rules():
    """Its rules come from the docs (simulator/rules.py), never from the app's request checks."""
    wrong = [
        name
        for name, targets in GRAPH.items()
        if _layer(name) == "simulator" and "hailuo_desktop.domain.request" in targets
    ]
    assert not wrong, ", ".join(sorted(wrong))


def test_the_simulator_keeps_its_own_model_tables():
    """Its models, prices and timing come from the docs (simulator/models.py, prices.py), never
    from the app's catalog: a wrong fact there must not be confirmed by its own copy."""
    wrong = [
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        for target in targets
        if _layer(name) == "simulator" and target.startswith("hailuo_desktop.domain.catalog")
    ]
    assert not wrong, "\n".join(sorted(wrong))


def test_only_the_window_imports_qt():
    wrong = [
        name
        for name, external in EXTERNAL.items()
        if external & set(QT) and _layer(name) != "ui" and _short(name) not in QT_USERS
    ]
    assert not wrong, "Qt imported outside ui/ and app.py: " + ", ".join(sorted(wrong))


def test_no_import_cycles():
    cycles = _cycles(GRAPH)
    assert not cycles, "\n".join(" <-> ".join(sorted(c)) for c in cycles)


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
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
                    found.append(component)
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]
    assert _cycles({"a": {"b"}, "b": set()}) == []
