"""No run of six lines stands in two screen modules (issue 17): what two screens share
lives in widgets/ (or a screen-neutral module), written once.

The detector is deliberately simple and lives here, so that any machine can run it: each
screen module's lines are normalised (blank lines, comment lines, lines of lone
punctuation and import statements dropped; white space folded), and every window of six
normalised lines that stands to the letter in two different modules is a failure. Lines of
the same shape with other names (a «shape» duplicate) are not its business.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import metodkab.screens

SCREENS = Path(metodkab.screens.__file__).parent
RUN = 6

# Pairs of screen modules allowed to share a run, each with the reason. Keep it short.
ALLOWED: dict[frozenset[str], str] = {}


def normalised_lines(source: str) -> list[tuple[int, str]]:
    """(line number, normalised text) of the lines that count."""
    imports: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            imports.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    lines = []
    for number, line in enumerate(source.splitlines(), start=1):
        text = " ".join(line.split())
        if (not text or text.startswith("#") or number in imports
                or not re.search(r"\w", text)):
            continue
        lines.append((number, text))
    return lines


def shared_runs(files: dict[str, str], run: int = RUN) -> list[tuple[str, int, str, int, int]]:
    """Runs of at least ``run`` identical normalised lines standing in two different files:
    (file a, first line in a, file b, first line in b, length in normalised lines), the
    longest first."""
    norm = {name: normalised_lines(text) for name, text in files.items()}
    places: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
    for name, lines in norm.items():
        texts = [t for _, t in lines]
        for i in range(len(texts) - run + 1):
            places[tuple(texts[i:i + run])].append((name, i))
    pairs: set[tuple[str, int, str, int]] = set()
    for spots in places.values():
        for a, i in spots:
            for b, j in spots:
                if a < b:
                    pairs.add((a, i, b, j))
    runs = []
    for a, i, b, j in sorted(pairs):
        if (a, i - 1, b, j - 1) in pairs:
            continue                        # inside a run already counted from its start
        length = run
        while (a, i + length - run + 1, b, j + length - run + 1) in pairs:
            length += 1
        runs.append((a, norm[a][i][0], b, norm[b][j][0], length))
    return sorted(runs, key=lambda r: (-r[4], r))


def test_the_detector_finds_a_shared_run_and_ignores_what_does_not_count():
    body = [f"x{k} = compute({k}, [" if k == 2 else f"x{k} = compute({k})" for k in range(6)]
    a = "import os\n\n" + "\n".join(body).replace("[", "[\n])") + "\n"
    b = ("from typing import (Any,\n    List)\ndef f():\n"
         + "\n".join("    " + line.replace("= ", "=   ") for line in body).replace(
             "[", "[\n\n        # a comment\n    ])") + "\n")
    assert shared_runs({"a.py": a, "b.py": b}) == [("a.py", 3, "b.py", 4, 6)]
    assert shared_runs({"a.py": a, "b.py": a.replace("x5", "y5")}) == []
    assert shared_runs({"a.py": a + a}) == []          # within one module: not this rule


def test_no_run_of_six_lines_is_repeated_between_screen_modules():
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(SCREENS.glob("*.py"))}
    assert len(files) > 30
    found = [r for r in shared_runs(files) if frozenset((r[0], r[2])) not in ALLOWED]
    listing = "\n".join(f"{a}:{i} ~ {b}:{j} ({n} lines)" for a, i, b, j, n in found)
    assert not found, "runs of six lines shared between screen modules:\n" + listing
