"""The shape of screens/: no screen module imports another in a circle (imports inside
functions count: they only hide a circle from Python, not from the reader), and none is
over 400 lines. What two screens share lives in widgets/."""

from __future__ import annotations

import ast
from pathlib import Path

import metodkab.screens

SCREENS = Path(metodkab.screens.__file__).parent


def screen_imports() -> dict[str, set[str]]:
    """Each screen module and the screen modules it imports, anywhere in the file."""
    graph: dict[str, set[str]] = {}
    for path in sorted(SCREENS.glob("*.py")):
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "metodkab.screens":
                    names = [f"metodkab.screens.{a.name}" for a in node.names]
                else:
                    names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            deps |= {n.split(".")[2] for n in names if n.startswith("metodkab.screens.")}
        deps.discard(path.stem)
        graph[path.stem] = deps
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle of imports (as a path that ends where it began), or None."""
    state: dict[str, int] = {}          # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                return path[path.index(dep):] + [dep]
            if dep not in state and (found := visit(dep)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_find_cycle_finds_a_circle_and_only_a_circle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_screens_import_each_other_without_circles():
    graph = screen_imports()
    assert "person_card" in graph["staff"]          # the reader sees lazy imports too
    assert find_cycle(graph) is None, " → ".join(find_cycle(graph) or [])


MAX_LINES = 400


def test_no_screen_module_is_over_400_lines():
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines())
             for path in SCREENS.glob("*.py")}
    assert len(sizes) > 30
    over = {name: n for name, n in sizes.items() if n > MAX_LINES}
    assert not over, over
